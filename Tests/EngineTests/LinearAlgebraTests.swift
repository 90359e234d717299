import Testing

@testable import Engine

/// Properties of the LU and Jacobi routines (numpy's values are checked in NNLangTests).
@Suite struct LinearAlgebraTests {
    @Test func singularMatricesAreReported() throws {
        let a: [Double] = [1, 2, 2, 4]
        #expect(try LinearAlgebra.determinant(a, 2) == 0)
        #expect(throws: LinearAlgebra.Failure.singular) { try LinearAlgebra.inverse(a, 2) }
        #expect(throws: LinearAlgebra.Failure.singular) { try LinearAlgebra.solve([0, 0, 0, 0], 2, [1, 1], columns: 1) }
    }

    @Test func inverseTimesMatrixIsIdentity() throws {
        let a: [Double] = [0, 2, 1, 1, 1, 0, 3, 0, 1]
        let inv = try LinearAlgebra.inverse(a, 3)
        for i in 0..<3 {
            for j in 0..<3 {
                let p = (0..<3).reduce(0.0) { $0 + inv[i * 3 + $1] * a[$1 * 3 + j] }
                #expect(abs(p - (i == j ? 1 : 0)) < 1e-15)
            }
        }
        #expect(abs(try LinearAlgebra.determinant(a, 3) + 5) < 1e-14)
        #expect(try LinearAlgebra.determinant([], 0) == 1)
    }

    @Test func eigenvaluesAscendWithUnitEigenvectors() throws {
        let a: [Double] = [2, 1, 0, 1, 2, 0, 0, 0, -1]
        let (values, vectors) = try LinearAlgebra.symmetricEigen(a, 3)
        #expect(zip(values, [-1.0, 1, 3]).allSatisfy { abs($0 - $1) < 1e-15 })
        for k in 0..<3 {
            let column = (0..<3).map { vectors[$0 * 3 + k] }
            #expect(abs(column.reduce(0) { $0 + $1 * $1 } - 1) < 1e-15)
            for i in 0..<3 {
                let av = (0..<3).reduce(0.0) { $0 + a[i * 3 + $1] * column[$1] }
                #expect(abs(av - values[k] * column[i]) < 1e-14)
            }
        }
    }
}
