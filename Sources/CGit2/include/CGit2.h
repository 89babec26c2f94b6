// libgit2's public API for the GitSync module, which alone imports it. libgit2 is not linked: it
// is loaded on first use (Sources/CLazyLoad, Scripts/generate-forwarders.py).
#include <git2.h>

/// Loads libgit2 if it is not loaded yet: 0, or -1 with `*error` saying why. GitSync calls it
/// before its first libgit2 call, so a missing library is an error with a message.
int recall_git2_load(const char **error);
