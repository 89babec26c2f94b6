// Nothing to import: the module only provides the libgit2 entry points (trampolines.S).
