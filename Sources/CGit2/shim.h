// libgit2's public API; only the GitSync module imports this.
#include <git2.h>
