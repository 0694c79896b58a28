// libxml2's HTML parser and tree, for ArticleText's HTML reader only.
#ifndef CLAIMWATCH_CLIBXML2_SHIM_H
#define CLAIMWATCH_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian builds libxml2 with ICU, and its encoding header then includes the system ICU
// headers, whose types clash with the copy Foundation bundles. Nothing here touches the
// ICU-specific fields (only pointers to xmlCharEncodingHandler pass through), so the
// declarations are read without them.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <libxml/parser.h>
#endif
