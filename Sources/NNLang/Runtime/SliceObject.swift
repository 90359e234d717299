/// Python's `slice(start, stop, step)`: what `obj[1:3]` passes to a class's `__getitem__`,
/// so that the method can hand it on to a list or an array (`self.items[key]`).
final class SliceObject: EngineObject {
    let start: Int?
    let stop: Int?
    let step: Int?

    init(start: Int?, stop: Int?, step: Int?) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    var typeName: String { "slice" }

    var displayText: String {
        func text(_ i: Int?) -> String { i.map(String.init) ?? "None" }
        return "slice(\(text(start)), \(text(stop)), \(text(step)))"
    }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? {
        func value(_ i: Int?) -> Value { i.map { .int($0) } ?? .none }
        switch name {
        case "start": return value(start)
        case "stop": return value(stop)
        case "step": return value(step)
        default: return nil
        }
    }
}

extension Interpreter.Key {
    var isSliceObject: Bool {
        if case .value(.object(let o)) = self { return o is SliceObject }
        return false
    }

    /// A slice object used as a key is the slice it stands for.
    var unwrappingSlice: Interpreter.Key {
        guard case .value(.object(let s as SliceObject)) = self else { return self }
        return .slice(s.start, s.stop, s.step)
    }
}
