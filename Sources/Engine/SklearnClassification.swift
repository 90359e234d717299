import Foundation

/// `sklearn.datasets.make_classification`'s parameters, with its defaults.
public struct ClassificationSpec: Sendable {
    public var samples = 100
    public var features = 20
    public var informative = 2
    public var redundant = 2
    public var repeated = 0
    public var classes = 2
    public var clustersPerClass = 2
    /// One weight per class, or one fewer (the last is what remains of 1).
    public var weights: [Double]?
    public var flipY = 0.01
    public var classSep = 1.0
    public var hypercube = true
    /// nil draws a random shift (scale) per feature, as sklearn's `shift=None` (`scale=None`).
    public var shift: [Double]? = [0]
    public var scale: [Double]? = [1]
    public var shuffle = true
    public init() {}
}

extension SklearnData {
    /// numpy's `np.dot` of small float64 matrices through OpenBLAS's gemm kernel: each element
    /// a chain of fused multiply-adds from zero over ascending k. Checked bit for bit against
    /// numpy for k ≤ 16 with at least two rows and two columns (wider k and matrix-vector
    /// products take other kernels, so `classification` refuses them).
    static func blasProduct(_ a: [Double], rows m: Int, _ b: [Double], inner k: Int, columns n: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var acc = 0.0
                for l in 0..<k { acc = acc.addingProduct(a[i * k + l], b[l * n + j]) }
                c[i * n + j] = acc
            }
        }
        return c
    }

    /// sklearn's `sample_without_replacement(population, count)` (method "auto"): a
    /// permutation's prefix for ratios within (0.01, 0.99), else tracking selection below
    /// and reservoir sampling above.
    static func sampleWithoutReplacement(_ population: Int, _ count: Int, _ rng: inout Generator) -> [Int] {
        let ratio = population == 0 ? 1 : Double(count) / Double(population)
        if ratio > 0.01 && ratio < 0.99 { return Array(rng.permutation(population).prefix(count)) }
        if ratio < 0.2 {
            var selected = Set<Int>()
            return (0..<count).map { _ in
                var j = rng.nextInt(through: population - 1)
                while selected.contains(j) { j = rng.nextInt(through: population - 1) }
                selected.insert(j)
                return j
            }
        }
        var out = Array(0..<count)
        for i in count..<population {
            let j = rng.nextInt(through: i)
            if j < count { out[j] = i }
        }
        return out
    }

    /// What `classification` cannot reproduce bit for bit, named; nil when it can.
    static func unsupported(_ s: ClassificationSpec, clusterSizes: [Int]) -> String? {
        if s.informative > 16 { return "make_classification with n_informative > 16" }
        if s.redundant == 1 { return "make_classification with n_redundant=1" }
        if s.informative > 1, clusterSizes.contains(1) { return "make_classification with a cluster of a single sample" }
        if s.redundant > 0, s.samples == 1 { return "make_classification with n_samples=1 and redundant features" }
        return nil
    }

    /// The samples per cluster: n·w/clusters-per-class truncated, the remainder one each in turn.
    static func clusterSizes(_ s: ClassificationSpec, _ weights: [Double]) -> [Int] {
        let clusters = s.classes * s.clustersPerClass
        var sizes = (0..<clusters).map { k in Int(Double(s.samples) * weights[k % s.classes] / Double(s.clustersPerClass)) }
        for i in 0..<max(0, s.samples - sizes.reduce(0, +)) { sizes[i % clusters] += 1 }
        return sizes
    }

    /// `make_classification`, step for step as scikit-learn 1.9 draws (numpy's legacy
    /// RandomState): hypercube vertices, Gaussian clusters mixed by a random matrix each,
    /// redundant combinations, repeated columns, noise columns, label flips, shift and
    /// scale, then the row and column shuffles. Returns float64 samples and labels.
    public static func classification(_ s: ClassificationSpec, _ rng: inout Generator) throws(EngineError) -> (x: Tensor, y: Tensor) {
        let (n, f, ni, nr) = (s.samples, s.features, s.informative, s.redundant)
        var weights = s.weights ?? Array(repeating: 1 / Double(s.classes), count: s.classes)
        if weights.count == s.classes - 1 { weights.append(1 - weights.reduce(0, +)) }
        let sizes = clusterSizes(s, weights)
        if let what = unsupported(s, clusterSizes: sizes) { throw .value("NotImplementedError: Lectern does not support \(what)") }
        let clusters = sizes.count
        // Centroids: distinct vertices of the ni-cube (bits of the sampled integers, high first).
        let vertices = sampleWithoutReplacement(1 << ni, clusters, &rng)
        let side = 2 * s.classSep
        var centroids: [Double] = []
        for v in vertices {
            for c in 0..<ni {
                let bit = Double((v >> (ni - 1 - c)) & 1)
                centroids.append(bit * side - s.classSep)
            }
        }
        if !s.hypercube {
            let perCluster = rng.rand([clusters]).scalars
            for i in centroids.indices { centroids[i] *= perCluster[i / ni] }
            let perFeature = rng.rand([ni]).scalars
            for i in centroids.indices { centroids[i] *= perFeature[i % ni] }
        }
        var x = [Double](repeating: 0, count: n * f)
        var informative = rng.randn([n, ni]).scalars
        var y = [Double](repeating: 0, count: n)
        var start = 0
        for (k, size) in sizes.enumerated() {
            for r in start..<(start + size) { y[r] = Double(k % s.classes) }
            let a = rng.rand([ni, ni]).scalars.map { 2 * $0 - 1 }
            let mixed = blasProduct(Array(informative[(start * ni)..<((start + size) * ni)]), rows: size, a, inner: ni, columns: ni)
            for (i, v) in mixed.enumerated() { informative[start * ni + i] = v + centroids[k * ni + i % ni] }
            start += size
        }
        for r in 0..<n { for c in 0..<ni { x[r * f + c] = informative[r * ni + c] } }
        if nr > 0 {
            let b = rng.rand([ni, nr]).scalars.map { 2 * $0 - 1 }
            let combined = blasProduct(informative, rows: n, b, inner: ni, columns: nr)
            for r in 0..<n { for c in 0..<nr { x[r * f + ni + c] = combined[r * nr + c] } }
        }
        let useful = ni + nr
        if s.repeated > 0 {
            let picks = rng.rand([s.repeated]).scalars.map { Int(Double(useful - 1) * $0 + 0.5) }
            for r in 0..<n { for (c, p) in picks.enumerated() { x[r * f + useful + c] = x[r * f + p] } }
        }
        let noise = f - useful - s.repeated
        if noise > 0 {
            let z = rng.randn([n, noise]).scalars
            for r in 0..<n { for c in 0..<noise { x[r * f + f - noise + c] = z[r * noise + c] } }
        }
        if s.flipY >= 0 {
            let flip = rng.rand([n]).scalars.map { $0 < s.flipY }
            for i in 0..<n where flip[i] { y[i] = Double(rng.nextInt(through: s.classes - 1)) }
        }
        let shift = s.shift ?? rng.rand([f]).scalars.map { (2 * $0 - 1) * s.classSep }
        let scale = s.scale ?? rng.rand([f]).scalars.map { 1 + 100 * $0 }
        for i in x.indices {
            x[i] += shift[shift.count == 1 ? 0 : i % f]
            x[i] *= scale[scale.count == 1 ? 0 : i % f]
        }
        var xt = Tensor(shape: [n, f], scalars: x)
        var yt = Tensor(shape: [n], scalars: y)
        if s.shuffle {
            shuffleRows(&xt, &yt, &rng)
            var columns = Array(0..<f)
            rng.shuffle(&columns)
            xt = Tensor(shape: [n, f], scalars: (0..<(n * f)).map { xt.scalars[$0 / f * f + columns[$0 % f]] })
        }
        return (xt, yt)
    }
}
