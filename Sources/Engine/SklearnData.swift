import Foundation

/// scikit-learn's toy data generators, step for step: with the same seed, Lectern's generator
/// (numpy's legacy RandomState) makes the draws in sklearn's order, so `random_state=k` gives
/// sklearn's arrays.
public enum SklearnData {
    /// numpy's `linspace(0, stop, n, endpoint)`.
    static func linspace(_ stop: Double, _ n: Int, endpoint: Bool) -> [Double] {
        guard n > 1 || !endpoint else { return n == 1 ? [0] : [] }
        let step = stop / Double(endpoint ? n - 1 : n)
        var values = (0..<n).map { Double($0) * step }
        // numpy sets the last point to `stop` exactly.
        if endpoint { values[n - 1] = stop }
        return values
    }

    /// `sklearn.utils.shuffle`: one shuffle of the indices, applied to every array.
    static func shuffleRows(_ x: inout Tensor, _ y: inout Tensor, _ rng: inout Generator) {
        var order = Array(0..<y.count)
        rng.shuffle(&order)
        let width = y.count == 0 ? 0 : x.count / y.count
        x = Tensor(shape: x.shape, scalars: order.flatMap { x.scalars[($0 * width)..<(($0 + 1) * width)] })
        y = Tensor(shape: y.shape, scalars: order.map { y.scalars[$0] })
    }

    /// Two half circles (outer then inner), then the optional shuffle, then the noise.
    static func twoShapes(
        _ outer: [(Double, Double)], _ inner: [(Double, Double)], shuffle: Bool, noise: Double?, _ rng: inout Generator
    ) -> (Tensor, Tensor) {
        let points = outer + inner
        var x = Tensor(shape: [points.count, 2], scalars: points.flatMap { [$0.0, $0.1] })
        var y = Tensor(shape: [points.count], scalars: outer.map { _ in 0 } + inner.map { _ in 1 })
        if shuffle { shuffleRows(&x, &y, &rng) }
        if let noise { x = Tensor(shape: x.shape, scalars: x.scalars.map { $0 + noise * rng.nextGaussian() }) }
        return (x, y)
    }

    public static func moons(_ n: Int, shuffle: Bool, noise: Double?, _ rng: inout Generator) -> (Tensor, Tensor) {
        let out = n / 2
        let outer = linspace(.pi, out, endpoint: true).map { (cos($0), sin($0)) }
        let inner = linspace(.pi, n - out, endpoint: true).map { (1 - cos($0), 1 - sin($0) - 0.5) }
        return twoShapes(outer, inner, shuffle: shuffle, noise: noise, &rng)
    }

    public static func circles(_ n: Int, shuffle: Bool, noise: Double?, factor: Double, _ rng: inout Generator) -> (Tensor, Tensor) {
        let out = n / 2
        let outer = linspace(2 * .pi, out, endpoint: false).map { (cos($0), sin($0)) }
        let inner = linspace(2 * .pi, n - out, endpoint: false).map { (cos($0) * factor, sin($0) * factor) }
        return twoShapes(outer, inner, shuffle: shuffle, noise: noise, &rng)
    }

    /// Gaussian blobs: centres drawn uniformly in `box` unless given, then each centre's
    /// samples in turn (n // k each, the first n % k one more), then the optional shuffle.
    public static func blobs(
        _ n: Int, features: Int, centers: Tensor?, count: Int, std: [Double], box: (Double, Double), shuffle: Bool,
        _ rng: inout Generator
    ) -> (x: Tensor, y: Tensor, centers: Tensor) {
        let c = centers ?? rng.uniform(box.0, box.1, [count, features])
        var perCenter = Array(repeating: n / count, count: count)
        for i in 0..<(n % count) { perCenter[i] += 1 }
        var xs: [Double] = []
        var ys: [Double] = []
        for (k, size) in perCenter.enumerated() {
            for _ in 0..<size {
                for f in 0..<features { xs.append(c.scalars[k * features + f] + std[k] * rng.nextGaussian()) }
                ys.append(Double(k))
            }
        }
        var x = Tensor(shape: [n, features], scalars: xs)
        var y = Tensor(shape: [n], scalars: ys)
        if shuffle { shuffleRows(&x, &y, &rng) }
        return (x, y, c)
    }

    /// `train_test_split`'s indices: ShuffleSplit's permutation (test first), or in order.
    public static func splitIndices(_ n: Int, test: Int, train: Int, shuffle: Bool, _ rng: inout Generator) -> (train: [Int], test: [Int]) {
        guard shuffle else { return (Array(0..<train), Array(train..<(train + test))) }
        let p = rng.permutation(n)
        return (Array(p[test..<(test + train)]), Array(p[..<test]))
    }

    /// scikit-learn's `_approximate_mode`: per-class counts summing to `draws`, floors of the
    /// proportional shares plus one for the largest remainders, ties broken by the generator.
    static func approximateMode(_ counts: [Int], _ draws: Int, _ rng: inout Generator) -> [Int] {
        let total = Double(counts.reduce(0, +))
        let continuous = counts.map { Double($0) / total * Double(draws) }
        var floored = continuous.map { $0.rounded(.down) }
        var needToAdd = draws - Int(floored.reduce(0, +))
        guard needToAdd > 0 else { return floored.map { Int($0) } }
        let remainder = zip(continuous, floored).map { $0 - $1 }
        for value in Set(remainder).sorted(by: >) {
            let inds = remainder.indices.filter { remainder[$0] == value }
            let addNow = Swift.min(inds.count, needToAdd)
            // numpy's legacy choice(replace=False): the first picks of a permutation.
            for k in rng.permutation(inds.count).prefix(addNow) { floored[inds[k]] += 1 }
            needToAdd -= addNow
            if needToAdd == 0 { break }
        }
        return floored.map { Int($0) }
    }

    /// `StratifiedShuffleSplit`'s first split: each class split in proportion, as sklearn.
    public static func stratifiedSplitIndices(_ labels: [Double], test: Int, train: Int, _ rng: inout Generator) throws(EngineError)
        -> (train: [Int], test: [Int])
    {
        let classes = Array(Set(labels)).sorted()
        let members = classes.map { c in labels.indices.filter { labels[$0] == c } }
        let counts = members.map(\.count)
        if let few = counts.firstIndex(where: { $0 < 2 }) {
            throw .value(
                "The least populated classes in y have only 1 member, which is too few. The minimum number of groups for any class cannot be less than 2. Classes with too few members are: [\(classes[few])]"
            )
        }
        guard train >= classes.count else {
            throw .value("The train_size = \(train) should be greater or equal to the number of classes = \(classes.count)")
        }
        guard test >= classes.count else {
            throw .value("The test_size = \(test) should be greater or equal to the number of classes = \(classes.count)")
        }
        let nTrain = approximateMode(counts, train, &rng)
        let nTest = approximateMode(zip(counts, nTrain).map { $0 - $1 }, test, &rng)
        var trainIndices: [Int] = []
        var testIndices: [Int] = []
        for (i, group) in members.enumerated() {
            let shuffled = rng.permutation(counts[i]).map { group[$0] }
            trainIndices += shuffled[..<nTrain[i]]
            testIndices += shuffled[nTrain[i]..<(nTrain[i] + nTest[i])]
        }
        rng.shuffle(&trainIndices)
        rng.shuffle(&testIndices)
        return (trainIndices, testIndices)
    }
}
