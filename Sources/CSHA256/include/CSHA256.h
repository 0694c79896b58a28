#ifndef CLAIMWATCH_CSHA256_H
#define CLAIMWATCH_CSHA256_H

// SHA-256's compression function on the x86 SHA extensions, for the content id. The Swift
// implementation in Fingerprint is the reference and the fallback: this target only offers
// the hardware path and says whether the processor has it.

#include <stddef.h>
#include <stdint.h>

/// 1 when this processor runs `claimwatch_sha256_compress_hardware` (x86-64 with the SHA
/// extensions, SSSE3 and SSE4.1), else 0. Asked of cpuid once, then remembered.
int claimwatch_sha256_hardware_available(void);

/// Runs the compression function over `blocks` consecutive 64-byte blocks at `data`,
/// updating `state` (the eight working words H0…H7, in order). Call it only when
/// `claimwatch_sha256_hardware_available()` returned 1; elsewhere it does nothing.
void claimwatch_sha256_compress_hardware(uint32_t state[8], const uint8_t *data, size_t blocks);

#endif
