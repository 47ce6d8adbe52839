#ifndef LIVEGATE_BYTEMASKS16_H
#define LIVEGATE_BYTEMASKS16_H

#include <stdint.h>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

/// Sixteen bytes classified at once, one bit per byte (bit k for byte k). Swift's SIMD types
/// compile comparisons to a loop over the lanes; SSE2 (every x86-64 CPU) does it in one
/// instruction. Other targets take the byte loop below, which gives the same bits.
typedef struct {
    /// Line feed (0x0A), carriage return (0x0D), 0xE2 (the first byte of U+2028 / U+2029).
    uint32_t lf, cr, e2;
    /// Bytes that start a character (not 0x80...0xBF), and lead bytes of four-byte characters
    /// (0xF0...0xFF): the UTF-16 length of the bytes is the count of the first plus the second.
    uint32_t lead, four;
} livegate_masks16;

/// Non-zero when one of the 16 bytes at `p` is below 0x0E (CR, LF and other controls) or not
/// ASCII: zero means sixteen UTF-16 units on one line.
static inline uint32_t livegate_special16(const void *p) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    // As signed bytes, 0x80...0xFF are negative: one compare finds both kinds.
    return (uint32_t)_mm_movemask_epi8(_mm_cmplt_epi8(v, _mm_set1_epi8(0x0E)));
#else
    const uint8_t *b = (const uint8_t *)p;
    uint32_t m = 0;
    for (int k = 0; k < 16; k++) m |= (uint32_t)(b[k] < 0x0E || b[k] >= 0x80) << k;
    return m;
#endif
}

static inline livegate_masks16 livegate_masks16_at(const void *p) {
    livegate_masks16 r;
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    r.lf = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x0A)));
    r.cr = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8(0x0D)));
    r.e2 = (uint32_t)_mm_movemask_epi8(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)0xE2)));
    // Signed: continuation bytes are -128...-65, so the rest is > -65.
    r.lead = (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(-65)));
    // 0xF0...0xFF are -16...-1: greater than -17 and negative.
    r.four = (uint32_t)_mm_movemask_epi8(_mm_cmpgt_epi8(v, _mm_set1_epi8(-17))) & (uint32_t)_mm_movemask_epi8(v);
#else
    const uint8_t *b = (const uint8_t *)p;
    r.lf = r.cr = r.e2 = r.lead = r.four = 0;
    for (int k = 0; k < 16; k++) {
        r.lf |= (uint32_t)(b[k] == 0x0A) << k;
        r.cr |= (uint32_t)(b[k] == 0x0D) << k;
        r.e2 |= (uint32_t)(b[k] == 0xE2) << k;
        r.lead |= (uint32_t)((b[k] & 0xC0) != 0x80) << k;
        r.four |= (uint32_t)(b[k] >= 0xF0) << k;
    }
#endif
    return r;
}

/// Bit k set when byte k of the 16 at `p` is one of `a`, `b`, `c`, `d`: the tokenizer's search
/// for the end of a string, template or comment.
static inline uint32_t livegate_find4_16(const void *p, uint8_t a, uint8_t b, uint8_t c, uint8_t d) {
#if defined(__SSE2__)
    __m128i v = _mm_loadu_si128((const __m128i *)p);
    __m128i m = _mm_or_si128(_mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)a)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)b))),
                             _mm_or_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8((char)c)), _mm_cmpeq_epi8(v, _mm_set1_epi8((char)d))));
    return (uint32_t)_mm_movemask_epi8(m);
#else
    const uint8_t *x = (const uint8_t *)p;
    uint32_t m = 0;
    for (int k = 0; k < 16; k++) m |= (uint32_t)(x[k] == a || x[k] == b || x[k] == c || x[k] == d) << k;
    return m;
#endif
}

#endif
