import Foundation
import Testing

@testable import Engine

/// `make_classification` bit for bit against scikit-learn (`Scripts/make_sklearn_classification.py`,
/// fixture `make_classification.json`).
@Suite struct SklearnClassificationTests {
    nonisolated(unsafe) static let cases: [[String: Any]] = {  // read-only after first load
        let url = Bundle.module.url(forResource: "make_classification", withExtension: "json", subdirectory: "Fixtures")!
        let json = try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
        return json["cases"] as! [[String: Any]]
    }()

    static func spec(_ p: [String: Any]) -> ClassificationSpec {
        var s = ClassificationSpec()
        func int(_ key: String) -> Int? { p[key] as? Int }
        s.samples = int("n_samples") ?? s.samples
        s.features = int("n_features") ?? s.features
        s.informative = int("n_informative") ?? s.informative
        s.redundant = int("n_redundant") ?? s.redundant
        s.repeated = int("n_repeated") ?? s.repeated
        s.classes = int("n_classes") ?? s.classes
        s.clustersPerClass = int("n_clusters_per_class") ?? s.clustersPerClass
        s.weights = (p["weights"] as? [Any])?.map { Reference.number($0)! }
        s.flipY = p["flip_y"].flatMap(Reference.number) ?? s.flipY
        s.classSep = p["class_sep"].flatMap(Reference.number) ?? s.classSep
        s.hypercube = p["hypercube"] as? Bool ?? true
        if p.keys.contains("shift") { s.shift = p["shift"].flatMap(Reference.number).map { [$0] } }
        if p.keys.contains("scale") { s.scale = p["scale"].flatMap(Reference.number).map { [$0] } }
        s.shuffle = p["shuffle"] as? Bool ?? true
        return s
    }

    @Test(arguments: 0..<7)
    func matchesScikitLearnBitForBit(_ index: Int) throws {
        let c = Self.cases[index]
        let params = c["params"] as! [String: Any]
        var rng = Generator(seed: UInt32(params["random_state"] as! Int))
        let (x, y) = try SklearnData.classification(Self.spec(params), &rng)
        #expect(x.shape == (c["shape"] as! [Int]))
        let expected = (c["X"] as! [String]).map { Double($0)! }
        let mismatches = zip(x.scalars, expected).filter { $0.0 != $0.1 }.count
        #expect(mismatches == 0, "case \(index): \(mismatches) of \(expected.count) values differ")
        #expect(y.scalars == (c["y"] as! [Int]).map(Double.init))
    }

    @Test func refusesWhatItCannotReproduce() {
        var s = ClassificationSpec()
        s.redundant = 1
        var rng = Generator(seed: 0)
        #expect(throws: EngineError.self) { try SklearnData.classification(s, &rng) }
        s.redundant = 0
        s.informative = 17
        s.features = 20
        #expect(throws: EngineError.self) { try SklearnData.classification(s, &rng) }
    }
}
