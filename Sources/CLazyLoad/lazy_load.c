#include "lazy_load.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>

// pthread_once takes no argument: the library being loaded is handed over in a thread-local.
static _Thread_local recall_library *loading;

static void load(void) {
    recall_library *library = loading;
    // RTLD_LOCAL: the library's symbols stay out of the global scope; the forwarders reach them
    // through this handle only.
    library->handle = dlopen(library->soname, RTLD_NOW | RTLD_LOCAL);
    if (library->handle == NULL) {
        const char *message = dlerror();
        snprintf(library->failure, sizeof library->failure, "cannot load %s: %s; install %s (`make deps`)",
                 library->soname, message ? message : "unknown error", library->install);
    }
}

int recall_library_load(recall_library *library, const char **error) {
    loading = library;
    pthread_once(&library->once, load);
    if (library->handle != NULL) return 0;
    if (error) *error = library->failure;
    return -1;
}

void *recall_library_symbol(recall_library *library, const char *name) {
    const char *error = NULL;
    if (recall_library_load(library, &error) != 0) {
        fprintf(stderr, "recall: %s\n", error);
        exit(1);
    }
    void *symbol = dlsym(library->handle, name);
    if (symbol == NULL) {
        fprintf(stderr, "recall: %s has no %s; install a matching version (`make deps`)\n", library->soname, name);
        exit(1);
    }
    return symbol;
}
