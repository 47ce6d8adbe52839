#ifndef LIVEGATE_CHINTS_H
#define LIVEGATE_CHINTS_H

#include "ByteMasks16.h"

/// Asks the CPU to bring the cache line holding `p` in for reading, without waiting for it
/// (a load would hold up the instructions after it until the line arrives). Swift has no
/// spelling for this; the header's inline function is inlined into the Swift caller.
static inline void livegate_prefetch(const void *p) {
    __builtin_prefetch(p, 0, 3);
}

#endif
