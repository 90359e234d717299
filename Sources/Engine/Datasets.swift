import Foundation

/// Seeded toy data sets in the manner of scikit-learn, drawn from the document's generator.
///
/// The draws follow our own documented order (not scikit-learn's), so a data set depends
/// only on the document's seed.
public enum Datasets {
    /// Gaussian blobs around centres drawn uniformly in [−10, 10]ⁿ.
    public static func blobs(_ n: Int, centers: Int, features: Int, std: Double, _ rng: inout Generator) -> (Tensor, Tensor) {
        let c = rng.uniform(-10, 10, [centers, features])
        var x: [Double] = []
        var y: [Double] = []
        for i in 0..<n {
            let k = i % centers
            for f in 0..<features { x.append(c.scalars[k * features + f] + std * rng.nextGaussian()) }
            y.append(Double(k))
        }
        return shuffled(Tensor(shape: [n, features], scalars: x), Tensor(shape: [n], scalars: y), &rng)
    }

    /// Two interleaving half circles.
    public static func moons(_ n: Int, noise: Double, _ rng: inout Generator) -> (Tensor, Tensor) {
        let outer = n / 2
        let inner = n - outer
        var x: [Double] = []
        var y: [Double] = []
        for i in 0..<outer {
            let t = outer > 1 ? Double.pi * Double(i) / Double(outer - 1) : 0
            x += [cos(t), sin(t)]
            y.append(0)
        }
        for i in 0..<inner {
            let t = inner > 1 ? Double.pi * Double(i) / Double(inner - 1) : 0
            x += [1 - cos(t), 1 - sin(t) - 0.5]
            y.append(1)
        }
        return shuffled(noisy(Tensor(shape: [n, 2], scalars: x), noise, &rng), Tensor(shape: [n], scalars: y), &rng)
    }

    /// A large circle containing a smaller one (`factor` is the ratio of radii).
    public static func circles(_ n: Int, noise: Double, factor: Double, _ rng: inout Generator) -> (Tensor, Tensor) {
        let outer = n / 2
        let inner = n - outer
        var x: [Double] = []
        var y: [Double] = []
        for i in 0..<outer {
            let t = 2 * Double.pi * Double(i) / Double(outer)
            x += [cos(t), sin(t)]
            y.append(0)
        }
        for i in 0..<inner {
            let t = 2 * Double.pi * Double(i) / Double(inner)
            x += [factor * cos(t), factor * sin(t)]
            y.append(1)
        }
        return shuffled(noisy(Tensor(shape: [n, 2], scalars: x), noise, &rng), Tensor(shape: [n], scalars: y), &rng)
    }

    /// Points uniform in [−1, 1]², labelled 1 where the two coordinates differ in sign.
    public static func xor(_ n: Int, noise: Double, _ rng: inout Generator) -> (Tensor, Tensor) {
        let x = rng.uniform(-1, 1, [n, 2])
        let y = Tensor(shape: [n], scalars: (0..<n).map { x.scalars[2 * $0] * x.scalars[2 * $0 + 1] < 0 ? 1 : 0 })
        return (noisy(x, noise, &rng), y)
    }

    /// `classes` interleaved spiral arms (the classic CS231n data set).
    public static func spiral(_ n: Int, classes: Int, noise: Double, _ rng: inout Generator) -> (Tensor, Tensor) {
        var x: [Double] = []
        var y: [Double] = []
        let per = n / classes
        for k in 0..<classes {
            for i in 0..<per {
                let r = Double(i) / Double(max(per - 1, 1))
                let t = Double(k) * 4 + 4 * r + noise * rng.nextGaussian()
                x += [r * sin(t), r * cos(t)]
                y.append(Double(k))
            }
        }
        return shuffled(Tensor(shape: [per * classes, 2], scalars: x), Tensor(shape: [per * classes], scalars: y), &rng)
    }

    /// A linear target of standard-normal features with coefficients in [0, 100) plus noise.
    public static func regression(_ n: Int, features: Int, noise: Double, _ rng: inout Generator) -> (Tensor, Tensor, Tensor) {
        let x = rng.randn([n, features])
        let coef = rng.uniform(0, 100, [features])
        var y = (try? Tensor.matmul(x, coef)) ?? Tensor.zeros([n])
        if noise > 0 { for i in 0..<n { y.scalars[i] += noise * rng.nextGaussian() } }
        return (x, y, coef)
    }

    static func noisy(_ x: Tensor, _ noise: Double, _ rng: inout Generator) -> Tensor {
        guard noise > 0 else { return x }
        return x.map { $0 + noise * rng.nextGaussian() }
    }

    static func shuffled(_ x: Tensor, _ y: Tensor, _ rng: inout Generator) -> (Tensor, Tensor) {
        let p = rng.permutation(y.count)
        return (x[plan: try! IndexPlan(shape: x.shape, items: [.list(p)])], y[plan: try! IndexPlan(shape: y.shape, items: [.list(p)])])
    }

    /// scikit-learn's split: a permutation, the first ⌈test·n⌉ samples for testing.
    public static func trainTestSplit(_ arrays: [Tensor], testSize: Double, shuffle: Bool, _ rng: inout Generator) throws(EngineError)
        -> [Tensor]
    {
        guard let n = arrays.first?.shape.first else { throw .value("train_test_split needs at least one array") }
        // scikit-learn's message for a size that is neither a fraction nor a count below n
        // (checked before converting: 1e300 or NaN has no Int).
        guard testSize > 0, testSize < Double(n) else {
            throw .value(
                "test_size=\(testSize) should be either positive and smaller than the number of samples \(n) or a float in the (0, 1) range"
            )
        }
        let nTest = testSize < 1 ? Int((testSize * Double(n)).rounded(.up)) : Int(testSize)
        guard nTest > 0, nTest < n else { throw .value("test_size=\(testSize) leaves no training or no test samples out of \(n)") }
        let p = shuffle ? rng.permutation(n) : Array(0..<n)
        let test = Array(p[..<nTest])
        let train = Array(p[nTest...])
        var out: [Tensor] = []
        for a in arrays {
            guard a.shape.first == n else { throw .shape("train_test_split: arrays have different lengths \(n) and \(a.shape.first ?? 0)") }
            out.append(try a.indexed([.list(train)]))
            out.append(try a.indexed([.list(test)]))
        }
        return out
    }

    /// Centres each column and scales it to unit (population) standard deviation.
    public static func standardize(_ x: Tensor) throws(EngineError) -> Tensor {
        let axis = x.rank > 1 ? 0 : nil as Int?
        let mean = try x.reduce(.mean, axis: axis, keepdims: true)
        let centred = try Tensor.zip(x, mean, "-", -)
        let variance = try centred.map { $0 * $0 }.reduce(.mean, axis: axis, keepdims: true)
        return try Tensor.zip(centred, variance.map { $0 > 0 ? $0.squareRoot() : 1 }, "/", /)
    }
}
