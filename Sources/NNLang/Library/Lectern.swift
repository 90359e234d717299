import Display
import Engine
import Foundation

// MARK: - grad, gradcheck and the output builders

extension Library {
    static func lectern(_ interp: Interpreter) -> [String: Value] {
        var l: [String: Value] = [:]
        l["grad"] = fn(def: "grad(L, wrt)") { args throws(Failure) in
            let root = try interp.tensor(try args.required(0, "L"))
            let wrt = try args.required(1, "wrt")
            let many: [Value]? = {
                if case .list(let b) = wrt { return b.items }
                if case .tuple(let t) = wrt { return t }
                return nil
            }()
            let targets = try (many ?? [wrt]).map { v throws(Failure) in try interp.tensor(v) }
            guard root.value.count == 1 else {
                throw Failure(
                    "ValueError: grad(L, W) needs a scalar L, got shape \(formatShape(root.shape))",
                    hint: "reduce it first, e.g. np.sum(L) or np.mean(L)")
            }
            for t in targets where !t.isTracked {
                throw Failure(
                    "ValueError: grad(L, W): W is not a variable L was computed from",
                    hint: "pass the variable by its name, as in grad(L, W1), after assigning W1 = ... before computing L")
            }
            let grads = try engine { () throws(EngineError) in try Variable.gradients(of: root, wrt: targets) }
            let values: [Value] = zip(grads, many ?? [wrt]).map { g, original in
                original.isPlainNumber || (g.isScalar && { if case .tensor(let t) = original { t.value.isScalar } else { false } }())
                    ? .float(g.scalars[0]) : .tensor(Variable(g))
            }
            return many == nil ? values[0] : .list(ListBox(values))
        }
        // Columns by position (arrays, dicts, a History) and by name.
        l["table"] = fn(def: "table(*columns, **named)") { args throws(Failure) in try table(&args, interp) }
        l["plot"] = fn(def: "plot(*curves, x=None, title=None, xlabel=None, ylabel=None, label=None)") { args throws(Failure) in
            try plot(&args, interp)
        }
        l["plot_decision_boundary"] = fn(def: "plot_decision_boundary(model, X, y, title=None)") { args throws(Failure) in
            try decisionBoundary(&args, interp)
        }
        l["shapes"] = fn(def: "shapes(model)") { args throws(Failure) in
            .output(.table(try shapesTable(try model(args.required(0, "model")))))
        }
        l["count_params"] = fn(def: "count_params(model)") { args throws(Failure) in
            .int(try model(args.required(0, "model")).countParams())
        }
        l["forward_table"] = fn(def: "forward_table(model, x)") { args throws(Failure) in
            .output(.table(try forwardTable(try model(args.required(0, "model")), try args.tensor(1, "x"))))
        }
        l["backprop_table"] = fn(def: "backprop_table(model, x, y)") { args throws(Failure) in
            .output(.table(try backpropTable(try model(args.required(0, "model")), try args.tensor(1, "x"), try args.tensor(2, "y"))))
        }
        // gradcheck(model, x, y) or gradcheck(loss_fn, params).
        l["gradcheck"] = fn(def: "gradcheck(model_or_loss, x_or_params, y=None)") { args throws(Failure) in try gradcheck(&args, interp) }
        return l
    }

    static func model(_ v: Value) throws(Failure) -> Model {
        guard case .object(let o as ModelObject) = v else { throw Failure("TypeError: expected a Keras model, got \(v.typeName)") }
        return o.model
    }

    // MARK: table

    /// Columns from keyword arguments (name = values), positional lists, or a History.
    static func table(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        var columns: [(String, [Value])] = []
        for (i, v) in args.positional.enumerated() {
            if case .object(let h as HistoryObject) = v {
                columns.append(("epoch", (1...max(h.history.epochs, 1)).map { .int($0) }))
                for k in h.history.keys { columns.append((k, h.history.values[k]!.map { .float($0) })) }
            } else if case .dict(let d) = v {
                for (k, vals) in zip(d.keys, d.values) { columns.append((interp.str(k), try cells(vals, interp))) }
            } else {
                columns.append(("column \(i + 1)", try cells(v, interp)))
            }
        }
        for (k, v) in args.keywords { columns.append((k, try cells(v, interp))) }
        guard let n = columns.first?.1.count else {
            throw Failure("TypeError: table() needs at least one column", hint: "e.g. table(z=z, a=sigmoid(z))")
        }
        for (name, c) in columns where c.count != n {
            throw Failure("ValueError: table(): column '\(name)' has \(c.count) values but '\(columns[0].0)' has \(n)")
        }
        let rows = (0..<n).map { r in columns.map { cell($0.1[r], interp) } }
        return .output(.table(ShownTable(columns: columns.map(\.0), rows: rows)))
    }

    private static func cells(_ v: Value, _ interp: Interpreter) throws(Failure) -> [Value] {
        if case .tensor(let t) = v {
            return t.value.rank <= 1 ? t.value.scalars.map { .float($0) } : try interp.iterate(v)
        }
        return try interp.iterate(v)
    }

    private static func cell(_ v: Value, _ interp: Interpreter) -> Shown.Cell {
        switch v {
        case .int(let i): return .integer(i)
        case .float(let d): return .number(d)
        case .tensor(let t) where t.value.isScalar: return .number(t.value.scalars[0])
        case .str(let s): return .text(s)
        default: return .text(interp.repr(v))
        }
    }

    // MARK: Model tables

    /// Both conventions per Dense layer: the lecture's W (units × inputs), Keras's kernel, and
    /// the shape equation on a column vector.
    static func shapesTable(_ m: Model) throws(Failure) -> ShownTable {
        guard m.isBuilt else {
            throw Failure(
                "ValueError: the model has no input shape yet",
                hint: "give the first layer input_shape=(n,) or start with Input(shape=(n,))")
        }
        var rows: [[Shown.Cell]] = []
        for layer in m.layers {
            guard let d = layer as? Dense else { continue }
            let inputs = d.params[0].shape[0]
            let units = d.units
            rows.append([
                .text(d.name), .text("\(units)×\(inputs)"), .text(formatShape(d.params[0].shape)),
                .text(d.useBias ? "\(units)×1" : "—"),
                .text("(\(units)×1) = (\(units)×\(inputs))(\(inputs)×1)" + (d.useBias ? " + (\(units)×1)" : "")),
                .integer(d.paramCount),
            ])
        }
        return ShownTable(columns: ["layer", "W (lecture)", "kernel (Keras)", "b", "z = W a + b", "params"], rows: rows)
    }

    /// z and a of every neuron of every Dense layer for one sample (the first row of x).
    static func forwardTable(_ m: Model, _ x: Tensor) throws(Failure) -> ShownTable {
        guard m.isSequential else { throw Failure("ValueError: forward_table supports Sequential models") }
        var a = try engine { () throws(EngineError) in
            try x.rank == 1 ? x.reshaped([1, -1]) : x.indexed([.range(start: 0, stop: 1, step: nil)])
        }
        _ = try engine { () throws(EngineError) in try m.predict([a]) }
        var rows: [[Shown.Cell]] = []
        for layer in m.layers {
            if let d = layer as? Dense {
                var z = try engine { () throws(EngineError) in try Tensor.matmul(a, d.params[0]) }
                if d.useBias { z = try engine { () throws(EngineError) in try Tensor.zip(z, d.params[1], "+", +) } }
                let out = try engine { () throws(EngineError) in try d.activation(Variable(z)).value }
                for j in 0..<d.units { rows.append([.text(d.name), .integer(j + 1), .number(z.scalars[j]), .number(out.scalars[j])]) }
                a = out
            } else {
                a = try engine { () throws(EngineError) in
                    try layer.call([Variable(a)], params: layer.params.map { Variable($0) }, training: false, context: m.context).value
                }
            }
        }
        return ShownTable(columns: ["layer", "neuron", "z", "a"], rows: rows)
    }

    /// δ = ∂L/∂z (equal to ∂L/∂b for one sample) and the row of ∂L/∂W for each neuron.
    static func backpropTable(_ m: Model, _ x: Tensor, _ y: Tensor) throws(Failure) -> ShownTable {
        let (_, grads) = try engine { () throws(EngineError) in try m.gradients([x], y) }
        var rows: [[Shown.Cell]] = []
        let format = NumberFormat(decimals: 6)
        for (layer, g) in zip(m.layers, grads) {
            guard let d = layer as? Dense else { continue }
            let inputs = d.params[0].shape[0]
            for j in 0..<d.units {
                let row = (0..<inputs).map { format.scalar(g[0].scalars[$0 * d.units + j]) }
                var cells: [Shown.Cell] = [.text(d.name), .integer(j + 1)]
                cells.append(d.useBias ? .number(g[1].scalars[j]) : .text("—"))
                cells.append(.text("[" + row.joined(separator: ", ") + "]"))
                rows.append(cells)
            }
        }
        return ShownTable(columns: ["layer", "neuron", "δ = ∂L/∂b", "∂L/∂W (row)"], rows: rows)
    }

    /// Autodiff against central differences: the largest relative error per parameter.
    static func gradcheck(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let h = 1e-6
        var rows: [[Shown.Cell]] = []
        func relError(_ a: Double, _ b: Double) -> Double { Swift.abs(a - b) / Swift.max(1e-12, Swift.abs(a) + Swift.abs(b)) }
        let first = try args.required(0, "model_or_loss")
        if case .object(let o as ModelObject) = first {
            let m = o.model
            let x = try Library.inputs(try args.required(1, "x_or_params"), interp)
            guard let yValue = args.optional(2, "y"), !yValue.isNone else {
                throw Failure("TypeError: gradcheck(model, x, y) needs the targets y")
            }
            let y = try interp.tensor(yValue).value
            guard let loss = m.loss else { throw Failure("ValueError: gradcheck(model, x, y) needs a compiled model (for its loss)") }
            let (_, grads) = try engine { () throws(EngineError) in try m.gradients(x, y) }
            for (layer, g) in zip(m.layers, grads) {
                for (j, p) in layer.params.enumerated() {
                    var worst = 0.0
                    for i in 0..<min(p.count, 500) {
                        let original = layer.params[j].scalars[i]
                        layer.params[j].scalars[i] = original + h
                        let up = try engine { () throws(EngineError) in try loss(y, Variable(try m.predict(x)[0])).value.scalars[0] }
                        layer.params[j].scalars[i] = original - h
                        let down = try engine { () throws(EngineError) in try loss(y, Variable(try m.predict(x)[0])).value.scalars[0] }
                        layer.params[j].scalars[i] = original
                        worst = Swift.max(worst, relError(g[j].scalars[i], (up - down) / (2 * h)))
                    }
                    rows.append([.text("\(layer.name) \(j == 0 ? "kernel" : "bias")"), .integer(p.count), .number(worst)])
                }
            }
        } else {
            if let y = args.optional(2, "y"), !y.isNone {
                throw Failure("TypeError: gradcheck(loss_fn, params) takes no y: the function computes the loss itself")
            }
            let params = try interp.iterate(try args.required(1, "x_or_params")).map { v throws(Failure) in try interp.tensor(v).value }
            let leaves = params.map { Variable.leaf($0) }
            let out = try interp.tensor(try interp.callValue(first, leaves.map { .tensor($0) }))
            let grads = try engine { () throws(EngineError) in try Variable.gradients(of: out, wrt: leaves) }
            for (k, p) in params.enumerated() {
                var worst = 0.0
                for i in 0..<min(p.count, 500) {
                    func at(_ delta: Double) throws(Failure) -> Double {
                        var shifted = params
                        shifted[k].scalars[i] += delta
                        return try interp.tensor(try interp.callValue(first, shifted.map { .tensor(Variable($0)) })).value.scalars[0]
                    }
                    worst = Swift.max(worst, relError(grads[k].scalars[i], (try at(h) - (try at(-h))) / (2 * h)))
                }
                rows.append([.text("parameter \(k + 1)"), .integer(p.count), .number(worst)])
            }
        }
        return .output(.table(ShownTable(columns: ["parameter", "size", "max relative error"], rows: rows)))
    }

    // MARK: Data helpers

    /// A size argument of a data helper: a whole number in 1...limit.
    static func count(_ args: Arguments, _ index: Int, _ name: String, _ fallback: Int, limit: Int = 1_000_000) throws(Failure) -> Int {
        let n = try args.int(index, name, fallback)
        guard n >= 1, n <= limit else { throw Failure("ValueError: \(args.function)(): \(name) must be from 1 to \(limit), got \(n)") }
        return n
    }

    static func datasets(_ interp: Interpreter) -> [String: Value] {
        var d: [String: Value] = [:]
        func pair(_ r: (Tensor, Tensor)) -> Value { .tuple([.tensor(Variable(r.0)), .tensor(Variable(r.1))]) }
        // The helpers always shuffle; an int `random_state` seeds a generator of its own, as in
        // scikit-learn (the same int gives the same data in any document).
        d["make_moons"] = fn(def: "make_moons(n_samples=100, noise=0.0, random_state=None, shuffle=True)", unsupported: ["shuffle"]) {
            args throws(Failure) in
            let (n, noise) = (try count(args, 0, "n_samples", 100), try args.double(1, "noise", 0))
            return pair(try withRandomState(args, 2) { rng in Datasets.moons(n, noise: noise, &rng) })
        }
        d["make_circles"] = fn(
            def: "make_circles(n_samples=100, noise=0.0, factor=0.8, random_state=None, shuffle=True)", unsupported: ["shuffle"]
        ) { args throws(Failure) in
            let (n, noise, factor) = (
                try count(args, 0, "n_samples", 100), try args.double(1, "noise", 0), try args.double(2, "factor", 0.8)
            )
            return pair(try withRandomState(args, 3) { rng in Datasets.circles(n, noise: noise, factor: factor, &rng) })
        }
        d["make_blobs"] = fn(def: "make_blobs(n_samples=100, centers=3, n_features=2, cluster_std=1.0, random_state=None)") {
            args throws(Failure) in
            let n = try count(args, 0, "n_samples", 100)
            let features = try count(args, 2, "n_features", 2, limit: 10_000)
            guard n * features <= Interpreter.maxElements else {
                throw Failure("MemoryError: make_blobs(): \(n) × \(features) values are over the memory limit")
            }
            let (centers, std) = (try count(args, 1, "centers", 3, limit: 1000), try args.double(3, "cluster_std", 1))
            return pair(try withRandomState(args, 4) { rng in Datasets.blobs(n, centers: centers, features: features, std: std, &rng) })
        }
        d["make_xor"] = fn(def: "make_xor(n_samples=200, noise=0.0)") { args throws(Failure) in
            return pair(Datasets.xor(try count(args, 0, "n_samples", 200), noise: try args.double(1, "noise", 0), &interp.context.rng))
        }
        d["make_spiral"] = fn(def: "make_spiral(n_samples=300, classes=2, noise=0.2)") { args throws(Failure) in
            return pair(
                Datasets.spiral(
                    try count(args, 0, "n_samples", 300), classes: try count(args, 1, "classes", 2, limit: 100),
                    noise: try args.double(2, "noise", 0.2), &interp.context.rng))
        }
        d["make_regression"] = fn(def: "make_regression(n_samples=100, n_features=1, noise=0.0, random_state=None)") {
            args throws(Failure) in
            let n = try count(args, 0, "n_samples", 100)
            let features = try count(args, 1, "n_features", 1, limit: 10_000)
            guard n * features <= Interpreter.maxElements else {
                throw Failure("MemoryError: make_regression(): \(n) × \(features) values are over the memory limit")
            }
            let noise = try args.double(2, "noise", 0)
            let r = try withRandomState(args, 3) { rng in Datasets.regression(n, features: features, noise: noise, &rng) }
            return pair((r.0, r.1))
        }
        d["train_test_split"] = fn(def: "train_test_split(*arrays, test_size=0.25, shuffle=True, random_state=None)") {
            args throws(Failure) in
            let arrays = try args.positional.map { v throws(Failure) in try interp.tensor(v).value }
            let (testSize, shuffle) = (try args.double(-1, "test_size", 0.25), try args.bool(-1, "shuffle", true))
            let parts = try withRandomState(args, -1) { rng throws(Failure) in
                try engine { () throws(EngineError) in try Datasets.trainTestSplit(arrays, testSize: testSize, shuffle: shuffle, &rng) }
            }
            return .list(ListBox(parts.map { .tensor(Variable($0)) }))
        }
        d["standardize"] = fn(def: "standardize(X)") { args throws(Failure) in
            .tensor(Variable(try engine { () throws(EngineError) in try Datasets.standardize(try args.tensorE(0, "X")) }))
        }
        d["to_categorical"] = kerasNames(interp)["to_categorical"]
        d["read_csv"] = fn(def: "read_csv(path, target=None)") { args throws(Failure) in
            guard let path = try args.string(0, "path") else { throw Failure("TypeError: read_csv() missing required argument: 'path'") }
            let text = try interp.files.read(path)
            let lines = text.split(whereSeparator: \.isNewline).map(String.init).filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            guard let header = lines.first?.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) else {
                throw Failure("ValueError: '\(path)' is empty")
            }
            var rows: [[Double]] = []
            for (i, line) in lines.dropFirst().enumerated() {
                let cells = line.split(separator: ",", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
                guard cells.count == header.count else {
                    throw Failure("ValueError: \(path):\(i + 2): expected \(header.count) fields, found \(cells.count)")
                }
                rows.append(
                    try cells.map { c throws(Failure) in
                        guard let v = Double(c) else { throw Failure("ValueError: \(path):\(i + 2): '\(c)' is not a number") }
                        return v
                    })
            }
            if let target = try args.string(1, "target") {
                guard let t = header.firstIndex(of: target) else {
                    throw Failure("KeyError: no column '\(target)' in \(path)", hint: "columns: " + header.joined(separator: ", "))
                }
                let x = rows.flatMap { r in r.enumerated().filter { $0.offset != t }.map(\.element) }
                return .tuple([
                    .tensor(Variable(Tensor(shape: [rows.count, header.count - 1], scalars: x))),
                    .tensor(Variable(Tensor(shape: [rows.count], scalars: rows.map { $0[t] }))),
                ])
            }
            return .tensor(Variable(Tensor(shape: [rows.count, header.count], scalars: rows.flatMap { $0 })))
        }
        return d
    }
}

extension Double {
    var nonZero: Double { self == 0 ? 1 : self }
}

extension Interpreter {
    func doubleE(_ v: Value?, _ fallback: Double) throws(EngineError) -> Double {
        guard let v, !v.isNone else { return fallback }
        do { return try v.asDouble() } catch { throw EngineError.value(error.message) }
    }
}

extension Arguments {
    func tensorE(_ index: Int, _ name: String) throws(EngineError) -> Tensor {
        do { return try tensor(index, name) } catch { throw EngineError.value(error.message) }
    }
}
