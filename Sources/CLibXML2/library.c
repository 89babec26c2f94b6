#include "CLibXML2.h"
#include "lazy_load.h"

// libxml2 has kept the soname libxml2.so.2 since 2.0; loading it brings ICU and liblzma, which
// is why `recall due` should not pay for it.
recall_library recall_xml2 = RECALL_LIBRARY("libxml2.so.2", "libxml2");
