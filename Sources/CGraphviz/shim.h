#ifndef CUISCOPE_CGRAPHVIZ_SHIM_H
#define CUISCOPE_CGRAPHVIZ_SHIM_H

// The one header of the CGraphviz module: libgvc (layout and rendering) and cgraph (graphs), which Swift
// calls directly. Only ScopeRender imports it, and only through Graphviz.shared's lock.
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>

#endif
