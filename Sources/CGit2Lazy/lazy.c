// Loads libgit2 on the first call to any of its functions (trampolines.S), so that commands that
// never touch git (`recall due`, `show`, …) do not pay for loading libgit2 and the dozen libraries
// it needs (about 4 ms of a 10 ms process start on the machine measured).
#if defined(__x86_64__) && defined(__linux__)

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

#define GIT2_SYMBOL(index, name) [index] = #name,
static const char *const names[] = {
#include "symbols.def"
};
#undef GIT2_SYMBOL

extern void *git2_lazy_table[] __attribute__((visibility("hidden")));

static pthread_once_t once = PTHREAD_ONCE_INIT;

static void load(void) {
    // The development link (libgit2-dev, which building needs) names the library whose headers
    // GitSync was compiled against.
    void *library = dlopen("libgit2.so", RTLD_NOW | RTLD_GLOBAL);
    if (library == NULL) {
        fprintf(stderr, "recall: cannot load libgit2 (%s); install libgit2-dev (make deps)\n", dlerror());
        abort();
    }
    for (size_t i = 0; i < sizeof names / sizeof *names; i++) {
        void *symbol = dlsym(library, names[i]);
        if (symbol == NULL) {
            fprintf(stderr, "recall: libgit2 has no %s; rebuild Recall against this libgit2\n", names[i]);
            abort();
        }
        __atomic_store_n(&git2_lazy_table[i], symbol, __ATOMIC_RELEASE);
    }
}

void git2_lazy_load(void) { pthread_once(&once, load); }

#endif
