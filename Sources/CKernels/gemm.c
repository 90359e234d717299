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

/// A 4×8 tile of C in eight AVX registers; each p adds one product per element. Each panel
/// of 8 columns of B is first copied into a contiguous k×8 block, so the inner loop reads B
/// sequentially.
__attribute__((target("avx2")))
static void gemm_avx2(operands o, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n) {
    const ptrdiff_t m4 = m - m % 4, n8 = n - n % 8;
    // Small panels live on the stack; a malloc per call costs more than a small product.
    double stack_panel[512 * 8];
    double *panel = NULL;
    if (n8 > 0 && m4 > 0) panel = k <= 512 ? stack_panel : malloc(sizeof(double) * (size_t)k * 8);
    for (ptrdiff_t j = 0; panel && j < n8; j += 8) {
        for (ptrdiff_t p = 0; p < k; p++) {
            for (ptrdiff_t jj = 0; jj < 8; jj++) panel[p * 8 + jj] = o.b[p * o.bs_p + (j + jj) * o.bs_j];
        }
        for (ptrdiff_t i = 0; i < m4; i += 4) {
            __m256d c00 = _mm256_setzero_pd(), c01 = _mm256_setzero_pd();
            __m256d c10 = _mm256_setzero_pd(), c11 = _mm256_setzero_pd();
            __m256d c20 = _mm256_setzero_pd(), c21 = _mm256_setzero_pd();
            __m256d c30 = _mm256_setzero_pd(), c31 = _mm256_setzero_pd();
            const double *a0 = o.a + i * o.as_i, *a1 = a0 + o.as_i, *a2 = a1 + o.as_i, *a3 = a2 + o.as_i;
            const ptrdiff_t step = o.as_p;
            const double *bp = panel;
            for (ptrdiff_t p = 0, q = 0; p < k; p++, q += step, bp += 8) {
                const __m256d b0 = _mm256_loadu_pd(bp), b1 = _mm256_loadu_pd(bp + 4);
                __m256d x = _mm256_broadcast_sd(a0 + q);
                c00 = _mm256_add_pd(c00, _mm256_mul_pd(x, b0));
                c01 = _mm256_add_pd(c01, _mm256_mul_pd(x, b1));
                x = _mm256_broadcast_sd(a1 + q);
                c10 = _mm256_add_pd(c10, _mm256_mul_pd(x, b0));
                c11 = _mm256_add_pd(c11, _mm256_mul_pd(x, b1));
                x = _mm256_broadcast_sd(a2 + q);
                c20 = _mm256_add_pd(c20, _mm256_mul_pd(x, b0));
                c21 = _mm256_add_pd(c21, _mm256_mul_pd(x, b1));
                x = _mm256_broadcast_sd(a3 + q);
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
    if (panel != stack_panel) free(panel);
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
