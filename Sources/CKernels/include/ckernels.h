#ifndef LECTERN_CKERNELS_H
#define LECTERN_CKERNELS_H

#include <stddef.h>

/// C = A·B for row-major A (m×k), B (k×n), C (m×n). Every C[i][j] is the sum of its k
/// products in ascending order of k, starting from 0, with separate multiplies and adds (no
/// fused multiply-add), so every path below gives the same bits on every x86-64 or ARM CPU.
void lectern_gemm(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n);

/// C = Aᵀ·B for A stored k×m, and C = A·Bᵀ for B stored n×k: the same products in the same
/// order as transposing first and calling lectern_gemm, without the copy.
void lectern_gemm_tn(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n);
void lectern_gemm_nt(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n);

/// The portable path alone, for tests that compare it with the vector path.
void lectern_gemm_scalar(const double *a, const double *b, double *c, ptrdiff_t m, ptrdiff_t k, ptrdiff_t n);

/// 1 when lectern_gemm uses the AVX2 kernel on this CPU.
int lectern_gemm_uses_avx2(void);

#endif
