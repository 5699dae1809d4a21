#ifndef CUISCOPE_CGRAPHVIZ_SHIM_H
#define CUISCOPE_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

// cgraph's API takes `char *` for names and attribute values it never modifies. These wrappers take
// `const char *` so Swift strings pass without copies or casts; the library treats them as read-only.

static inline const char *cg_version(GVC_t *gvc) {
    return gvcVersion(gvc);
}

#endif
