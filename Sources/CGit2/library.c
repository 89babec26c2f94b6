#include "CGit2.h"
#include "lazy_load.h"

// libgit2 ≥ 1.0 names its library libgit2.so.MAJOR.MINOR: the one whose headers Recall was built with.
#define RECALL_STR2(x) #x
#define RECALL_STR(x) RECALL_STR2(x)

recall_library recall_git2 =
    RECALL_LIBRARY("libgit2.so." RECALL_STR(LIBGIT2_VER_MAJOR) "." RECALL_STR(LIBGIT2_VER_MINOR), "libgit2");

int recall_git2_load(const char **error) { return recall_library_load(&recall_git2, error); }
