// libxml2's HTML parser (recover mode, no network), used by exactly one Swift file.
#include <libxml/xmlversion.h>
// The distribution's libxml2 is built with ICU, and <libxml/encoding.h> then includes the
// system's <unicode/ucnv.h>, whose enums clash with Foundation's own copy of ICU when a Swift
// module imports both. livegate uses no ICU-specific part of libxml2 (it never touches
// xmlCharEncodingHandler's fields), so the ICU part of the headers is left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>
