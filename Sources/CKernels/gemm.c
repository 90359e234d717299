#include "ckernels.h"

// Separate multiplies and adds: contraction into FMA would change the rounding.
#pragma clang fp contract(off)

/// Rows [i0, i1) and columns [j0, j1) of C, one element at a time, k ascending.
static void gemm_block_scalar(const double *a, const double *b, double *c, ptrdiff_t k, ptrdiff_t n,
                              ptrdiff_t i0, ptrdiff_t i1, ptrdiff_t j0, ptrdiff_t j1) {
    for (ptrdiff_t i = i0; i < i1; i++) {
        for (ptrdiff_t j = j0; j < j1; j++) {
            double s = 0.0;
            for (ptrdiff_t p = 0; p < k; p++) {
                double prod = a[i * k + p] * b[p * n + j];
                s = s + prod;
            }
            c[i * n + j] = s;
        }
    }
}

void lectern_gemm_scalar(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    gemm_block_scalar(a, b, c, k, n, 0, m, 0, n);
}

#if defined(__x86_64__)
#include <immintrin.h>

#include <stdlib.h>

/// A 4×8 tile of C in eight AVX registers; each p adds one product per element. Each panel
/// of 8 columns of B is first copied into a contiguous k×8 block, so the inner loop reads B
/// sequentially.
__attribute__((target("avx2")))
static void gemm_avx2(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    const ptrdiff_t m4 = m - m % 4, n8 = n - n % 8;
    double *panel = n8 > 0 && m4 > 0 ? malloc(sizeof(double) * (size_t)k * 8) : NULL;
    for (ptrdiff_t j = 0; panel && j < n8; j += 8) {
        for (ptrdiff_t p = 0; p < k; p++) {
            _mm256_storeu_pd(panel + p * 8, _mm256_loadu_pd(b + p * n + j));
            _mm256_storeu_pd(panel + p * 8 + 4, _mm256_loadu_pd(b + p * n + j + 4));
        }
        for (ptrdiff_t i = 0; i < m4; i += 4) {
            __m256d c00 = _mm256_setzero_pd(), c01 = _mm256_setzero_pd();
            __m256d c10 = _mm256_setzero_pd(), c11 = _mm256_setzero_pd();
            __m256d c20 = _mm256_setzero_pd(), c21 = _mm256_setzero_pd();
            __m256d c30 = _mm256_setzero_pd(), c31 = _mm256_setzero_pd();
            const double *a0 = a + i * k, *a1 = a0 + k, *a2 = a1 + k, *a3 = a2 + k;
            const double *bp = panel;
            for (ptrdiff_t p = 0; p < k; p++, bp += 8) {
                const __m256d b0 = _mm256_loadu_pd(bp), b1 = _mm256_loadu_pd(bp + 4);
                __m256d x = _mm256_broadcast_sd(a0 + p);
                c00 = _mm256_add_pd(c00, _mm256_mul_pd(x, b0));
                c01 = _mm256_add_pd(c01, _mm256_mul_pd(x, b1));
                x = _mm256_broadcast_sd(a1 + p);
                c10 = _mm256_add_pd(c10, _mm256_mul_pd(x, b0));
                c11 = _mm256_add_pd(c11, _mm256_mul_pd(x, b1));
                x = _mm256_broadcast_sd(a2 + p);
                c20 = _mm256_add_pd(c20, _mm256_mul_pd(x, b0));
                c21 = _mm256_add_pd(c21, _mm256_mul_pd(x, b1));
                x = _mm256_broadcast_sd(a3 + p);
                c30 = _mm256_add_pd(c30, _mm256_mul_pd(x, b0));
                c31 = _mm256_add_pd(c31, _mm256_mul_pd(x, b1));
            }
            double *ci = c + i * n + j;
            _mm256_storeu_pd(ci, c00); _mm256_storeu_pd(ci + 4, c01); ci += n;
            _mm256_storeu_pd(ci, c10); _mm256_storeu_pd(ci + 4, c11); ci += n;
            _mm256_storeu_pd(ci, c20); _mm256_storeu_pd(ci + 4, c21); ci += n;
            _mm256_storeu_pd(ci, c30); _mm256_storeu_pd(ci + 4, c31);
        }
    }
    free(panel);
    // The edges (fewer than 4 rows or 8 columns left) in the same order, one at a time.
    gemm_block_scalar(a, b, c, k, n, m4, m, 0, n);
    gemm_block_scalar(a, b, c, k, n, 0, m4, n8, n);
}

int lectern_gemm_uses_avx2(void) {
    static int cached = -1;
    if (cached < 0) { __builtin_cpu_init(); cached = __builtin_cpu_supports("avx2") ? 1 : 0; }
    return cached;
}

void lectern_gemm(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    if (lectern_gemm_uses_avx2()) gemm_avx2(a, b, c, m, k, n);
    else gemm_block_scalar(a, b, c, k, n, 0, m, 0, n);
}
#else
int lectern_gemm_uses_avx2(void) { return 0; }
void lectern_gemm(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    gemm_block_scalar(a, b, c, k, n, 0, m, 0, n);
}
#endif
