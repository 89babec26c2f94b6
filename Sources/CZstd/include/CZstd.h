// zstd's streaming decompression; only AnkiPackage imports this, for Anki's newer packages.
// Loaded on first use, not linked (Sources/CLazyLoad, Scripts/generate-forwarders.py).
#include <zstd.h>
