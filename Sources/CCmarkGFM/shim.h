// cmark-gfm (GitHub's CommonMark parser) with its table, strikethrough and autolink extensions;
// only TerminalUI's MarkdownDocument imports this.
#include <cmark-gfm.h>
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm-extension_api.h>
