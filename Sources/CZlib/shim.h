// zlib, for raw inflate of ZIP entries (inflateInit2 with negative window bits).
#include <zlib.h>
