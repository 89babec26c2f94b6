// libxml2's HTML parser, which reads Anki's field HTML as a browser would; only AnkiPackage's
// HTMLDocument imports this.
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/tree.h>
