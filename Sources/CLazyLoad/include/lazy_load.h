// A C library Recall loads with dlopen on first use instead of linking it, so that a command
// that never calls it does not pay for loading it at start-up (Scripts/generate-forwarders.py
// writes the forwarders that call through this).
#include <pthread.h>

typedef struct {
    const char *soname;
    const char *install;  // what to tell the user when it cannot be loaded
    pthread_once_t once;
    void *handle;
    char failure[512];
} recall_library;

#define RECALL_LIBRARY(soname_, install_) {.soname = soname_, .install = install_, .once = PTHREAD_ONCE_INIT}

/// Loads the library if it is not loaded yet. Returns 0, or -1 with `*error` set to why
/// (valid for the process's life).
int recall_library_load(recall_library *library, const char **error);

/// The function `name` of the library, loading it first; a library or function that is missing
/// ends the process with a message (the module's own load check normally comes first).
void *recall_library_symbol(recall_library *library, const char *name);

// The function `name` of `library`, looked up once and kept (atomically: any thread may call).
#define RECALL_LAZY_FUNCTION(library, name)                                                  \
    ({                                                                                       \
        static __typeof__(&name) cached;                                                     \
        __typeof__(&name) function = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);             \
        if (function == NULL) {                                                              \
            function = (__typeof__(&name))recall_library_symbol(&library, #name);            \
            __atomic_store_n(&cached, function, __ATOMIC_RELEASE);                           \
        }                                                                                    \
        function;                                                                            \
    })
