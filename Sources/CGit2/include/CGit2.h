// libgit2's public API for the GitSync module, which alone imports it. libgit2 itself is not
// linked: git2_loader.c loads it on first use (see Scripts/generate-git2-forwarders.py).
#include <git2.h>

/// Loads libgit2 if it is not loaded yet. Returns 0, or -1 with `*error` set to dlopen's message
/// (valid until the next call). GitSync calls it before its first libgit2 call, so a missing
/// library is an error with a message rather than an abort in a forwarder.
int recall_git2_load(const char **error);
