import Testing

@testable import NNLang

/// The interpreter copies values on every operation: their size is part of its speed.
@Suite struct ValueLayoutTests {
    @Test func valueIsAtMostThreeWords() {
        // Two words of payload (a String, an existential) and a tag byte; 121 bytes when a
        // plot was stored inline.
        #expect(MemoryLayout<Value>.size <= 17)
        #expect(MemoryLayout<Value>.stride <= 24)
    }

    @Test func boxedPayloadsKeepTheirMeaning() {
        let r = Value.range(0, 10, 3)
        guard case .range(let a, let b, let c) = r else {
            Issue.record("a range value lost its case")
            return
        }
        #expect([a, b, c] == [0, 10, 3])
    }
}
