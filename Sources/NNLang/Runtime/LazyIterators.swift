/// `enumerate`, `zip`, `map` and `filter` over a generator or iterator: they advance it one
/// item per step, so its effects interleave with the loop's as in Python.
final class TransformIterator: LazyIterator {
    let typeName: String
    private let step: () throws(Failure) -> Value?

    init(_ typeName: String, _ step: @escaping () throws(Failure) -> Value?) {
        self.typeName = typeName
        self.step = step
    }

    var displayText: String { "<\(typeName) object>" }

    func nextValue() throws(Failure) -> Value? { try step() }

    func attribute(_ name: String, _ interpreter: Interpreter) throws(Failure) -> Value? { iteratorMethod(name, interpreter) }
}

extension Interpreter {
    /// Whether a value yields its items one at a time (so a builtin over it must not list them first).
    func isLazy(_ v: Value) -> Bool {
        switch v {
        case .object(let o): return o is any LazyIterator
        case .instance: return true
        default: return false
        }
    }

    func lazyEnumerate(_ iterable: Value, start: Int) throws(Failure) -> Value {
        var it = try makeIterator(iterable)
        var index = start
        return .object(
            TransformIterator("enumerate") { () throws(Failure) in
                guard let item = try self.next(&it) else { return nil }
                index += 1
                return .tuple([.int(index - 1), item])
            })
    }

    func lazyZip(_ iterables: [Value]) throws(Failure) -> Value {
        var its = try iterables.map { v throws(Failure) in try makeIterator(v) }
        return .object(
            TransformIterator("zip") { () throws(Failure) in
                guard !its.isEmpty else { return nil }
                var items: [Value] = []
                for i in its.indices {
                    guard let item = try self.next(&its[i]) else { return nil }
                    items.append(item)
                }
                return .tuple(items)
            })
    }

    func lazyMap(_ f: Value, _ iterables: [Value]) throws(Failure) -> Value {
        guard case .object(let zipped as TransformIterator) = try lazyZip(iterables) else { return .none }
        return .object(
            TransformIterator("map") { () throws(Failure) in
                guard case .tuple(let args)? = try zipped.nextValue() else { return nil }
                return try self.callValue(f, args)
            })
    }

    func lazyFilter(_ f: Value, _ iterable: Value) throws(Failure) -> Value {
        var it = try makeIterator(iterable)
        return .object(
            TransformIterator("filter") { () throws(Failure) in
                while let item = try self.next(&it) {
                    if try self.truthy(f.isNone ? item : try self.callValue(f, [item])) { return item }
                }
                return nil
            })
    }
}
