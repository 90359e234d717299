#include "ckernels.h"
#include <stdlib.h>

// Separate multiplies and adds: contraction into FMA would change the rounding.
#pragma clang fp contract(off)

/// Where A's and B's elements live: A[i][p] = a[i * as_i + p * as_p], B[p][j] = b[p * bs_p + j * bs_j].
/// One description serves C = A·B, Aᵀ·B and A·Bᵀ.
typedef struct {
    const double *a, *b;
    ptrdiff_t as_i, as_p, bs_p, bs_j;
} operands;

/// Rows [i0, i1) and columns [j0, j1) of C, one element at a time, k ascending.
static void gemm_block_scalar(operands o, double *c, ptrdiff_t k, ptrdiff_t n,
                              ptrdiff_t i0, ptrdiff_t i1, ptrdiff_t j0, ptrdiff_t j1) {
    for (ptrdiff_t i = i0; i < i1; i++) {
        for (ptrdiff_t j = j0; j < j1; j++) {
            double s = 0.0;
            for (ptrdiff_t p = 0; p < k; p++) {
                double prod = o.a[i * o.as_i + p * o.as_p] * o.b[p * o.bs_p + j * o.bs_j];
                s = s + prod;
            }
            c[i * n + j] = s;
        }
    }
}

void lectern_gemm_scalar(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    operands o = {a, b, k, 1, n, 1};
    gemm_block_scalar(o, c, k, n, 0, m, 0, n);
}

#if defined(__x86_64__)
#include <immintrin.h>

enum { KC = 256, MC = 64 };

/// Packing space, kept per thread and grown when needed: a fresh large malloc per product
/// would be a fresh mmap, and its page faults cost more than a small product.
static double *scratch(size_t count, int which) {
    static __thread double *buffers[2];
    static __thread size_t sizes[2];
    if (sizes[which] < count) {
        free(buffers[which]);
        // Cache-line aligned, so no 32-byte load of a packed panel straddles two lines.
        size_t bytes = (sizeof(double) * count + 63) / 64 * 64;
        buffers[which] = aligned_alloc(64, bytes);
        sizes[which] = buffers[which] ? count : 0;
    }
    return buffers[which];
}

/// C[i..i+4][j..j+8] (+)= Ap·Bp over kc: Ap is 4 rows interleaved (kc×4), Bp a packed
/// panel (kc×8). With `first`, the sums start from zero; otherwise from C's partial sums,
/// which continues the same additions in the same order.
__attribute__((target("avx2")))
static inline void micro_4x8(const double *ap, const double *bp, double *c, ptrdiff_t n, ptrdiff_t kc, int first) {
    __m256d c00, c01, c10, c11, c20, c21, c30, c31;
    if (first) {
        c00 = c01 = c10 = c11 = c20 = c21 = c30 = c31 = _mm256_setzero_pd();
    } else {
        c00 = _mm256_loadu_pd(c); c01 = _mm256_loadu_pd(c + 4);
        c10 = _mm256_loadu_pd(c + n); c11 = _mm256_loadu_pd(c + n + 4);
        c20 = _mm256_loadu_pd(c + 2 * n); c21 = _mm256_loadu_pd(c + 2 * n + 4);
        c30 = _mm256_loadu_pd(c + 3 * n); c31 = _mm256_loadu_pd(c + 3 * n + 4);
    }
    for (ptrdiff_t p = 0; p < kc; p++, ap += 4, bp += 8) {
        const __m256d b0 = _mm256_loadu_pd(bp), b1 = _mm256_loadu_pd(bp + 4);
        __m256d x = _mm256_broadcast_sd(ap);
        c00 = _mm256_add_pd(c00, _mm256_mul_pd(x, b0));
        c01 = _mm256_add_pd(c01, _mm256_mul_pd(x, b1));
        x = _mm256_broadcast_sd(ap + 1);
        c10 = _mm256_add_pd(c10, _mm256_mul_pd(x, b0));
        c11 = _mm256_add_pd(c11, _mm256_mul_pd(x, b1));
        x = _mm256_broadcast_sd(ap + 2);
        c20 = _mm256_add_pd(c20, _mm256_mul_pd(x, b0));
        c21 = _mm256_add_pd(c21, _mm256_mul_pd(x, b1));
        x = _mm256_broadcast_sd(ap + 3);
        c30 = _mm256_add_pd(c30, _mm256_mul_pd(x, b0));
        c31 = _mm256_add_pd(c31, _mm256_mul_pd(x, b1));
    }
    _mm256_storeu_pd(c, c00); _mm256_storeu_pd(c + 4, c01);
    _mm256_storeu_pd(c + n, c10); _mm256_storeu_pd(c + n + 4, c11);
    _mm256_storeu_pd(c + 2 * n, c20); _mm256_storeu_pd(c + 2 * n + 4, c21);
    _mm256_storeu_pd(c + 3 * n, c30); _mm256_storeu_pd(c + 3 * n + 4, c31);
}

/// Blocked as in Goto's GEMM: for each chunk of KC values of k, the chunk of B is packed
/// into 8-column panels (kept in L2/L3) and each block of MC rows of A into 4-row
/// interleaved strips (kept in L2); the micro-kernel then streams one strip and one panel
/// from L1. The 4×8 tiles cover C up to the last multiple of 4 rows and 8 columns.
__attribute__((target("avx2")))
static void gemm_avx2(operands o, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    const ptrdiff_t m4 = m - m % 4, n8 = n - n % 8;
    if (m4 > 0 && n8 > 0 && k > 0) {
        double *bpack = scratch((size_t)(KC < k ? KC : k) * (size_t)n8, 0);
        double *apack = scratch((size_t)(KC < k ? KC : k) * MC, 1);
        if (!bpack || !apack) { gemm_block_scalar(o, c, k, n, 0, m, 0, n); return; }
        for (ptrdiff_t p0 = 0; p0 < k; p0 += KC) {
            const ptrdiff_t kc = k - p0 < KC ? k - p0 : KC;
            for (ptrdiff_t j = 0; j < n8; j += 8) {
                double *panel = bpack + j * kc;
                for (ptrdiff_t p = 0; p < kc; p++) {
                    for (ptrdiff_t jj = 0; jj < 8; jj++) panel[p * 8 + jj] = o.b[(p0 + p) * o.bs_p + (j + jj) * o.bs_j];
                }
            }
            for (ptrdiff_t i0 = 0; i0 < m4; i0 += MC) {
                const ptrdiff_t mc = m4 - i0 < MC ? m4 - i0 : MC;
                for (ptrdiff_t i = 0; i < mc; i += 4) {
                    double *strip = apack + i * kc;
                    for (ptrdiff_t p = 0; p < kc; p++) {
                        for (ptrdiff_t r = 0; r < 4; r++) strip[p * 4 + r] = o.a[(i0 + i + r) * o.as_i + (p0 + p) * o.as_p];
                    }
                }
                for (ptrdiff_t j = 0; j < n8; j += 8) {
                    for (ptrdiff_t i = 0; i < mc; i += 4) {
                        micro_4x8(apack + i * kc, bpack + j * kc, c + (i0 + i) * n + j, n, kc, p0 == 0);
                    }
                }
            }
        }
    }
    // The edges (fewer than 4 rows or 8 columns left) in the same order, one at a time.
    gemm_block_scalar(o, c, k, n, m4, m, 0, n);
    gemm_block_scalar(o, c, k, n, 0, m4, n8, n);
}

int lectern_gemm_uses_avx2(void) {
    static int cached = -1;
    if (cached < 0) { __builtin_cpu_init(); cached = __builtin_cpu_supports("avx2") ? 1 : 0; }
    return cached;
}

static void run(operands o, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    // An empty sum is zero: with k = 0 the tiles below would leave C unwritten.
    if (k == 0) { for (ptrdiff_t i = 0; i < m * n; i++) c[i] = 0.0; return; }
    if (lectern_gemm_uses_avx2()) gemm_avx2(o, c, m, k, n);
    else gemm_block_scalar(o, c, k, n, 0, m, 0, n);
}
#else
int lectern_gemm_uses_avx2(void) { return 0; }
static void run(operands o, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    gemm_block_scalar(o, c, k, n, 0, m, 0, n);
}
#endif

void lectern_gemm(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    operands o = {a, b, k, 1, n, 1};
    run(o, c, m, k, n);
}

void lectern_gemm_tn(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    operands o = {a, b, 1, m, n, 1};
    run(o, c, m, k, n);
}

void lectern_gemm_nt(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    operands o = {a, b, k, 1, 1, k};
    run(o, c, m, k, n);
}
