#include "CGit2.h"
#include "git2_loader.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

// The soname of the libgit2 whose headers Recall was built with (libgit2 ≥ 1.0 names it
// libgit2.so.MAJOR.MINOR), so a build never loads an ABI it was not compiled against.
#define RECALL_STR2(x) #x
#define RECALL_STR(x) RECALL_STR2(x)
#define RECALL_GIT2_SONAME "libgit2.so." RECALL_STR(LIBGIT2_VER_MAJOR) "." RECALL_STR(LIBGIT2_VER_MINOR)

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void *library;
static char failure[512];

static void load(void) {
    // RTLD_LOCAL: libgit2's symbols stay out of the global scope; the forwarders reach them
    // through this handle only.
    library = dlopen(RECALL_GIT2_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) {
        const char *message = dlerror();
        snprintf(failure, sizeof failure, "cannot load %s: %s (install libgit2, e.g. `make deps`)",
                 RECALL_GIT2_SONAME, message ? message : "unknown error");
    }
}

int recall_git2_load(const char **error) {
    pthread_once(&once, load);
    if (library != NULL) return 0;
    if (error) *error = failure;
    return -1;
}

void *recall_git2_symbol(const char *name) {
    const char *error = NULL;
    if (recall_git2_load(&error) != 0) {
        // Only reached when a git function runs before GitSync's own load check did.
        fprintf(stderr, "recall: %s\n", error);
        abort();
    }
    void *symbol = dlsym(library, name);
    if (symbol == NULL) {
        fprintf(stderr, "recall: %s has no %s\n", RECALL_GIT2_SONAME, name);
        abort();
    }
    return symbol;
}
