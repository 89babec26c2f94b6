// libxml2's HTML parser, which reads Anki's field HTML as a browser would; only AnkiPackage's
// HTMLDocument imports this. Loaded on first use, not linked (Sources/CLazyLoad).
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, so encoding.h would include the system's ICU headers, whose
// enums clash with the ICU copy inside Foundation (`_FoundationICU`) in any Swift file that sees
// both. Recall never touches a converter (the only ICU-dependent type, xmlCharEncodingHandler,
// whose layout this changes), so the ICU part of the headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
