#ifndef DRC_CLIBXML2_SHIM_H
#define DRC_CLIBXML2_SHIM_H
#include <libxml/xmlversion.h>
// Debian's libxml2 is built with ICU, and its encoding header would then bring in the system's
// ICU headers, which clash with the copy Foundation carries. drc never touches an encoding
// handler (whose struct alone those headers shape), so they are left out.
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/SAX2.h>
#include <libxml/xmlerror.h>
#endif
