// Internal to CGit2: the forwarders' lookup of a libgit2 function.
void *recall_git2_symbol(const char *name);

// The libgit2 function `name`, looked up once and kept (atomically: forwarders run on any thread).
#define RECALL_GIT2_FUNCTION(name)                                                   \
    ({                                                                               \
        static __typeof__(&name) cached;                                             \
        __typeof__(&name) function = __atomic_load_n(&cached, __ATOMIC_ACQUIRE);     \
        if (function == NULL) {                                                      \
            function = (__typeof__(&name))recall_git2_symbol(#name);                 \
            __atomic_store_n(&cached, function, __ATOMIC_RELEASE);                   \
        }                                                                            \
        function;                                                                    \
    })
