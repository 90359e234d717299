import BigInt
import Foundation

// MARK: - random, bit-identical with CPython 3.11 for the same seed

extension Library {
    /// The `random` module of one document. Unseeded, it starts as `random.seed(0)` would, so
    /// a document draws the same numbers on every run (CPython seeds from the OS instead).
    static func randomModule(_ interp: Interpreter) -> Value {
        let mt = MersenneTwister(seed: 0)
        var m: [String: Value] = [:]
        m["seed"] = fn(def: "seed(a=None, version=2)") { args throws(Failure) in
            let a = args.optional(0, "a") ?? .none
            switch a {
            case .none: mt.seed(0)
            case .int, .bigint, .bool: mt.seed(a.exactInteger!)
            case .float: mt.seed(BigInt(try pythonHash(a)))
            default:
                throw Failure("NotImplementedError: Lectern does not support seeding random with a \(a.typeName); use an int")
            }
            return .none
        }
        m["random"] = fn(def: "random()") { _ throws(Failure) in .float(mt.random()) }
        m["getrandbits"] = fn(def: "getrandbits(k, /)") { args throws(Failure) in
            let k = try integerArgument(try args.required(0, "k"))
            guard k >= 0 else { throw Failure("ValueError: number of bits must be non-negative") }
            guard let bits = Int(exactly: k), bits <= PyInt.maxBits else { throw Failure("MemoryError") }
            return .integer(mt.bits(bits))
        }
        m["uniform"] = fn(def: "uniform(a, b)") { args throws(Failure) in
            let a = try mathArgument(try args.required(0, "a"))
            let b = try mathArgument(try args.required(1, "b"))
            return .float(a + (b - a) * mt.random())
        }
        m["randrange"] = fn(def: "randrange(start, stop=None, step=1)") { args throws(Failure) in
            let start = try integerArgument(try args.required(0, "start"))
            let stop = try args.optional(1, "stop").flatMap { $0.isNone ? nil : $0 }.map { v throws(Failure) in try integerArgument(v) }
            let step = try args.optional(2, "step").map { v throws(Failure) in try integerArgument(v) } ?? 1
            return .integer(try randomRange(mt, start, stop, step))
        }
        m["randint"] = fn(def: "randint(a, b)") { args throws(Failure) in
            let a = try integerArgument(try args.required(0, "a"))
            let b = try integerArgument(try args.required(1, "b"))
            return .integer(try randomRange(mt, a, b + 1, 1))
        }
        m["choice"] = fn(def: "choice(seq)") { args throws(Failure) in
            let items = try interp.iterate(try args.required(0, "seq"))
            guard !items.isEmpty else { throw Failure("IndexError: Cannot choose from an empty sequence") }
            return items[mt.below(items.count)]
        }
        m["shuffle"] = fn(def: "shuffle(x)") { args throws(Failure) in
            guard case .list(let l) = try args.required(0, "x") else { throw Failure("TypeError: shuffle() needs a list") }
            for i in stride(from: l.items.count - 1, to: 0, by: -1) { l.items.swapAt(i, mt.below(i + 1)) }
            return .none
        }
        m["sample"] = fn(def: "sample(population, k, *, counts=None)") { args throws(Failure) in
            let population = try args.required(0, "population")
            if case .dict = population { throw Failure("TypeError: Population must be a sequence.  For dicts or sets, use sorted(d).") }
            return .list(ListBox(try sample(mt, try interp.iterate(population), try args.required(1, "k").asInt("k"))))
        }
        m["choices"] = fn(def: "choices(population, weights=None, *, cum_weights=None, k=1)") { args throws(Failure) in
            let population = try interp.iterate(try args.required(0, "population"))
            let weights = try args.optional(1, "weights").flatMap { $0.isNone ? nil : $0 }.map { v throws(Failure) in try interp.iterate(v)
            }
            let cumulative = try args.optional(2, "cum_weights").flatMap { $0.isNone ? nil : $0 }.map { v throws(Failure) in
                try interp.iterate(v)
            }
            let k = try args.int(3, "k", 1)
            return .list(ListBox(try choices(mt, population, weights, cumulative, k, interp)))
        }
        m["gauss"] = fn(def: "gauss(mu=0.0, sigma=1.0)") { args throws(Failure) in
            let mu = try args.double(0, "mu", 0)
            let sigma = try args.double(1, "sigma", 1)
            let z: Double
            if let next = mt.gaussNext {
                z = next
                mt.gaussNext = nil
            } else {
                let x2pi = mt.random() * 2 * Double.pi
                let g2rad = (-2.0 * Foundation.log(1.0 - mt.random())).squareRoot()
                z = Foundation.cos(x2pi) * g2rad
                mt.gaussNext = Foundation.sin(x2pi) * g2rad
            }
            return .float(mu + z * sigma)
        }
        m["normalvariate"] = fn(def: "normalvariate(mu=0.0, sigma=1.0)") { args throws(Failure) in
            let mu = try args.double(0, "mu", 0)
            let sigma = try args.double(1, "sigma", 1)
            let magic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()
            while true {
                let u1 = mt.random()
                let u2 = 1.0 - mt.random()
                let z = magic * (u1 - 0.5) / u2
                if z * z / 4.0 <= -Foundation.log(u2) { return .float(mu + z * sigma) }
            }
        }
        return .module(Module("random", m))
    }

    /// CPython 3.11's `randrange` arithmetic and messages.
    static func randomRange(_ mt: MersenneTwister, _ start: BigInt, _ stop: BigInt?, _ step: BigInt) throws(Failure) -> BigInt {
        guard let stop else {
            guard step == 1 else { throw Failure("TypeError: Missing a non-None stop argument") }
            guard start > 0 else { throw Failure("ValueError: empty range for randrange()") }
            return mt.below(start)
        }
        let width = stop - start
        if step == 1 {
            guard width > 0 else { throw Failure("ValueError: empty range for randrange() (\(start), \(stop), \(width))") }
            return start + mt.below(width)
        }
        guard step != 0 else { throw Failure("ValueError: zero step for randrange()") }
        let n = step > 0 ? PyInt.floorDivMod(width + step - 1, step).0 : PyInt.floorDivMod(width + step + 1, step).0
        guard n > 0 else { throw Failure("ValueError: empty range for randrange()") }
        return start + step * mt.below(n)
    }

    /// `random.sample`: a partial shuffle of a pool for small populations, else rejection of
    /// repeated indices — CPython's choice between the two included.
    static func sample(_ mt: MersenneTwister, _ population: [Value], _ k: Int) throws(Failure) -> [Value] {
        let n = population.count
        guard k >= 0 && k <= n else { throw Failure("ValueError: Sample larger than population or is negative") }
        var setSize = 21
        if k > 5 { setSize += Int(Foundation.pow(4, (Foundation.log(Double(k * 3)) / Foundation.log(4)).rounded(.up))) }
        var result: [Value] = []
        if n <= setSize {
            var pool = population
            for i in 0..<k {
                let j = mt.below(n - i)
                result.append(pool[j])
                pool[j] = pool[n - i - 1]
            }
        } else {
            var selected = Set<Int>()
            for _ in 0..<k {
                var j = mt.below(n)
                while selected.contains(j) { j = mt.below(n) }
                selected.insert(j)
                result.append(population[j])
            }
        }
        return result
    }

    static func choices(
        _ mt: MersenneTwister, _ population: [Value], _ weights: [Value]?, _ cumulative: [Value]?, _ k: Int, _ interp: Interpreter
    )
        throws(Failure) -> [Value]
    {
        let n = population.count
        var cum: [Value]
        if let cumulative {
            guard weights == nil else { throw Failure("TypeError: Cannot specify both weights and cumulative weights") }
            cum = cumulative
        } else if let weights {
            cum = []
            var total: Value = .int(0)
            for w in weights {
                total = cum.isEmpty ? w : try interp.binary("+", total, w)
                cum.append(total)
            }
        } else {
            guard n > 0 || k == 0 else { throw Failure("IndexError: list index out of range") }
            return (0..<max(k, 0)).map { _ in population[Int((mt.random() * Double(n)).rounded(.down))] }
        }
        guard cum.count == n else { throw Failure("ValueError: The number of weights does not match the population") }
        guard let last = cum.last else { throw Failure("IndexError: list index out of range") }
        let total = try last.asDouble()
        guard total > 0 else { throw Failure("ValueError: Total of weights must be greater than zero") }
        guard total.isFinite else { throw Failure("ValueError: Total of weights must be finite") }
        return try (0..<max(k, 0)).map { _ throws(Failure) in
            // bisect_right over cum_weights[0..<n-1], comparing exactly as Python does.
            let x = Value.float(mt.random() * total)
            var lo = 0
            var hi = n - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if try interp.order(x, cum[mid]) < 0 { hi = mid } else { lo = mid + 1 }
            }
            return population[lo]
        }
    }
}
