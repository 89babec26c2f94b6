// zstd's streaming decompression; only AnkiPackage imports this, for Anki's newer packages.
#include <zstd.h>
