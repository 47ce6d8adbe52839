// CHints is a header of inline functions; this file only gives the target a source.
#include "CHints.h"
