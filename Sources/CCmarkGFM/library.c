#include "CCmarkGFM.h"
#include "lazy_load.h"

#include <cmark-gfm_version.h>

// The extensions library needs the core one: loading it brings both, and a lookup through its
// handle finds the core's functions too.
recall_library recall_cmark =
    RECALL_LIBRARY("libcmark-gfm-extensions.so." CMARK_GFM_VERSION_STRING, "libcmark-gfm-extensions0.29.0.gfm.6");
