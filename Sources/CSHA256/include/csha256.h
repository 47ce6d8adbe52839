#ifndef LIVEGATE_CSHA256_H
#define LIVEGATE_CSHA256_H

#include <stddef.h>
#include <stdint.h>

/// The 64 round constants of SHA-256 (FIPS 180-4).
const uint32_t *livegate_sha256_round_constants(void);

/// 1 when this CPU has the x86 SHA extensions (and SSSE3 / SSE4.1), else 0.
int livegate_sha256_hardware_available(void);

/// Compresses `blocks` 64-byte blocks at `data` into `state` (a..h, host-order words) with
/// the SHA extensions. Call only when livegate_sha256_hardware_available() returned 1.
void livegate_sha256_hardware_blocks(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
