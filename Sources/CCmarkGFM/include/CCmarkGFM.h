// cmark-gfm (GitHub's CommonMark parser) with its table, strikethrough and autolink extensions:
// TerminalUI's MarkdownDocument reads cards with it, AnkiPackage renders them as Anki's HTML.
// Loaded on first use, not linked (Sources/CLazyLoad, Scripts/generate-forwarders.py).
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
