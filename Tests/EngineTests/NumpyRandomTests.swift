import Foundation
import Testing

@testable import Engine

/// Draws against real numpy (`Scripts/make_numpy_random.py` → `Fixtures/numpy_random.json`),
/// bit for bit: doubles are compared by their IEEE bit patterns.
@Suite struct NumpyRandomTests {
    nonisolated(unsafe) static let json: [String: Any] = {  // read-only after first load
        let url = Bundle.module.url(forResource: "numpy_random", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static var seeds: [String] { (json["entropy"] as! [String: Any]).keys.sorted() }

    static func entropy(_ seed: String) -> [UInt32] {
        ((json["entropy"] as! [String: Any])[seed] as! [Any]).map { UInt32(Reference.number($0)!) }
    }

    static func words(_ section: String, _ seed: String) -> [UInt64] {
        ((json[section] as! [String: Any])[seed] as! [String]).map { UInt64($0)! }
    }

    struct Call {
        let method: String
        let args: [String: Any]
        let doubles: [Double]?
        let ints: [Int]?

        init(_ any: Any) {
            let d = any as! [String: Any]
            method = d["method"] as! String
            args = d["args"] as! [String: Any]
            let values = d["values"] as! [Any]
            if d["kind"] as! String == "f64" {
                doubles = values.map { Double(bitPattern: UInt64($0 as! String, radix: 16)!) }
                ints = nil
            } else {
                ints = values.map { Int(Reference.number($0)!) }
                doubles = nil
            }
        }

        func int(_ key: String) -> Int { Int(Reference.number(args[key]!)!) }
        func double(_ key: String) -> Double { Reference.number(args[key]!)! }
        var replace: Bool { (args["replace"] as? Bool) ?? ((args["replace"] as? NSNumber)?.boolValue ?? true) }
        var p: [Double]? { (args["p"] as? [Any]).map(Reference.doubles) }
    }

    static func calls(_ section: String, _ seed: String) -> [Call] {
        ((json[section] as! [String: Any])[seed] as! [Any]).map(Call.init)
    }

    func expectBits(_ got: [Double], _ want: [Double], _ what: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(got.count == want.count, "\(what): count", sourceLocation: sourceLocation)
        if let i = zip(got, want).enumerated().first(where: { $0.element.0.bitPattern != $0.element.1.bitPattern })?.offset {
            Issue.record("\(what): element \(i) is \(got[i]), numpy \(want[i])", sourceLocation: sourceLocation)
        }
    }

    @Test(arguments: seeds) func seedSequenceAndRawDraws(seed: String) {
        let seeds = SeedSequence(entropy: Self.entropy(seed))
        #expect(seeds.generateState64(4) == Self.words("seed_states", seed))
        var pcg = PCG64(seeds)
        #expect((0..<6).map { _ in pcg.nextUInt64() } == Self.words("raw", seed))
    }

    @Test(arguments: seeds) func generatorSequence(seed: String) {
        var g = NumpyGenerator(entropy: Self.entropy(seed))
        for c in Self.calls("generator", seed) {
            let what = "seed \(seed) \(c.method) \(c.args)"
            switch c.method {
            case "random": expectBits((0..<c.int("size")).map { _ in g.random() }, c.doubles!, what)
            case "standard_normal": expectBits((0..<c.int("size")).map { _ in g.standardNormal() }, c.doubles!, what)
            case "normal":
                expectBits((0..<c.int("size")).map { _ in g.normal(c.double("loc"), c.double("scale")) }, c.doubles!, what)
            case "uniform":
                expectBits((0..<c.int("size")).map { _ in g.uniform(c.double("low"), c.double("high")) }, c.doubles!, what)
            case "exponential":
                expectBits((0..<c.int("size")).map { _ in c.double("scale") * g.standardExponential() }, c.doubles!, what)
            case "integers":
                let endpoint = (c.args["endpoint"] as? Bool) ?? false
                #expect(g.integers(c.int("low"), c.int("high"), endpoint: endpoint, count: c.int("size")) == c.ints!, "\(what)")
            case "permutation": #expect(g.permutation(c.int("n")) == c.ints!, "\(what)")
            case "choice":
                #expect(g.choiceIndices(c.int("n"), count: c.int("size"), replace: c.replace, p: c.p) == c.ints!, "\(what)")
            case "shuffle":
                var x = Array(0..<c.int("n"))
                g.shuffle(&x)
                #expect(x == c.ints!, "\(what)")
            case "binomial":
                #expect((0..<c.int("size")).map { _ in g.bits.binomial(c.int("n"), c.double("p"), legacy: false) } == c.ints!, "\(what)")
            default: Issue.record("unknown method \(c.method)")
            }
        }
    }

    static var legacySeeds: [String] { (json["legacy"] as! [String: Any]).keys.sorted() }

    @Test(arguments: legacySeeds) func legacySequence(seed: String) {
        var g = Generator(seed: UInt32(seed)!)
        for c in Self.calls("legacy", seed) {
            let what = "seed \(seed) \(c.method) \(c.args)"
            switch c.method {
            case "randint":
                let got = (0..<c.int("size")).map { _ in g.integer(c.int("low"), c.int("high"), endpoint: false, masked: true) }
                #expect(got == c.ints!, "\(what)")
            case "standard_normal", "randn": expectBits((0..<c.int("size")).map { _ in g.nextGaussian() }, c.doubles!, what)
            case "random_sample": expectBits((0..<c.int("size")).map { _ in g.nextDouble() }, c.doubles!, what)
            case "choice":
                let got: [Int]
                if let p = c.p {
                    got = c.replace ? g.weightedIndices(p, count: c.int("size")) : g.weightedDistinctIndices(p, count: c.int("size"))
                } else {
                    got =
                        c.replace
                        ? (0..<c.int("size")).map { _ in g.integer(0, c.int("n"), endpoint: false, masked: true) }
                        : Array(g.permutation(c.int("n")).prefix(c.int("size")))
                }
                #expect(got == c.ints!, "\(what)")
            case "shuffle":
                var x = Array(0..<c.int("n"))
                g.shuffle(&x)
                #expect(x == c.ints!, "\(what)")
            case "binomial":
                #expect((0..<c.int("size")).map { _ in g.binomial(c.int("n"), c.double("p"), legacy: true) } == c.ints!, "\(what)")
            default: Issue.record("unknown method \(c.method)")
            }
        }
    }
}
