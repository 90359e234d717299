import Foundation
import Testing

@testable import Engine

/// The numbers of `Scripts/make_reference.py`, committed as `Fixtures/reference.json`.
enum Reference {
    nonisolated(unsafe) static let json: [String: Any] = {  // read-only after first load
        let url = Bundle.module.url(forResource: "reference", withExtension: "json", subdirectory: "Fixtures")!
        return try! JSONSerialization.jsonObject(with: Data(contentsOf: url)) as! [String: Any]
    }()

    static func tensor(_ any: Any) -> Tensor {
        if let d = number(any) { return Tensor(d) }
        let items = any as! [Any]
        let parts = items.map(tensor)
        return Tensor(shape: [parts.count] + (parts.first?.shape ?? []), scalars: parts.flatMap(\.scalars))
    }

    static func doubles(_ any: Any) -> [Double] { (any as! [Any]).map { number($0)! } }

    /// JSON numbers arrive as Int or Double depending on how they were written.
    static func number(_ any: Any) -> Double? {
        if let d = any as? Double { return d }
        if let i = any as? Int { return Double(i) }
        return (any as? NSNumber)?.doubleValue
    }
}

/// `|a − b| ≤ rtol·|b|` elementwise (with a tiny absolute floor for exact zeros).
func expectClose(_ a: Tensor, _ b: Tensor, rtol: Double = 1e-10, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.shape == b.shape, "\(what): shape \(a.shape) vs \(b.shape)", sourceLocation: sourceLocation)
    guard a.shape == b.shape else { return }
    for (x, y) in zip(a.scalars, b.scalars) where abs(x - y) > rtol * abs(y) + 1e-15 {
        Issue.record("\(what): \(x) vs reference \(y)", sourceLocation: sourceLocation)
        return
    }
}

func expectClose(_ a: [Double], _ b: [Double], rtol: Double = 1e-10, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation)
{
    expectClose(
        Tensor(shape: [a.count], scalars: a), Tensor(shape: [b.count], scalars: b), rtol: rtol, what, sourceLocation: sourceLocation)
}
