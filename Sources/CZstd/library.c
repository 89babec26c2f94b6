#include "CZstd.h"
#include "lazy_load.h"

#define RECALL_STR2(x) #x
#define RECALL_STR(x) RECALL_STR2(x)

// zstd names its library libzstd.so.MAJOR.
recall_library recall_zstd = RECALL_LIBRARY("libzstd.so." RECALL_STR(ZSTD_VERSION_MAJOR), "libzstd1");
