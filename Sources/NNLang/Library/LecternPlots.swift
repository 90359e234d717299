import Display
import Engine

// MARK: - The lecture helpers plot(...) and plot_decision_boundary(...), drawn as figures

extension Library {
    /// `plot(f, g, x=(a, b))` (functions on 201 points), `plot(history)` (one line per metric,
    /// validation dashed) or `plot(xs, ys)`: a one-panel figure with a legend.
    static func plot(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        // Each form reads what it draws; an option it has no use for is an error, not ignored.
        func refuse(_ names: [String], _ form: String) throws(Failure) {
            for n in names where !(args.optional(-1, n)?.isNone ?? true) {
                throw Failure("TypeError: plot(\(form)) takes no \(n)=", hint: "\(n)= belongs to another form of plot()")
            }
        }
        if let first = args.positional.first, first.isData {
            try refuse(["x"], "xs, ys")
            return try plotData(&args, interp)
        }
        if case .object(let h as HistoryObject)? = args.positional.first {
            try refuse(["x", "xlabel", "label"], "history")
            let epochs = (1...max(h.history.epochs, 1)).map(Double.init)
            let lines = h.history.keys.map { k in
                (k, epochs, h.history.values[k]!, k.hasPrefix("val_") ? LineStyle.dashed : .solid)
            }
            return .output(
                .figure(
                    try helperFigure(
                        lines, title: try args.string(-1, "title") ?? "Training history", xLabel: "epoch",
                        yLabel: try args.string(-1, "ylabel") ?? "")))
        }
        try refuse(["label"], "f1, f2, …")
        let range =
            try args.optional(-1, "x").map { v throws(Failure) in try interp.iterate(v).map { i throws(Failure) in try i.asDouble() } } ?? [
                -5, 5,
            ]
        guard range.count == 2, range[0] < range[1] else { throw Failure("ValueError: plot(..., x=(a, b)) needs a < b") }
        let n = 201
        let xs = (0..<n).map { range[0] + (range[1] - range[0]) * Double($0) / Double(n - 1) }
        var lines: [(String, [Double], [Double], LineStyle)] = []
        for f in args.positional {
            let name: String
            switch f {
            case .builtin(let b): name = b.name
            case .function(let fun): name = fun.name
            default: throw Failure("TypeError: plot() takes functions (or a History), got \(f.typeName)")
            }
            let y = try interp.tensor(try interp.callValue(f, [.tensor(Variable(Tensor(shape: [n], scalars: xs)))])).value
            guard y.count == n else { throw Failure("ValueError: plot(): \(name) returned \(y.count) values for \(n) inputs") }
            lines.append((name, xs, y.scalars, .solid))
        }
        guard !lines.isEmpty else { throw Failure("TypeError: plot() needs at least one function or a History") }
        return .output(
            .figure(
                try helperFigure(
                    lines, title: try args.string(-1, "title") ?? "", xLabel: try args.string(-1, "xlabel") ?? "z",
                    yLabel: try args.string(-1, "ylabel") ?? "")))
    }

    /// matplotlib's `plot(xs, ys)` (or `plot(ys)` against 0, 1, 2, …): a line through data
    /// points; several `ys` pairs with the same xs, `plot(xs, ys1, ys2)`, give several lines.
    static func plotData(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let arrays = try args.positional.map { v throws(Failure) in try interp.tensor(v).value }
        for a in arrays where a.rank > 1 && !(a.rank == 2 && a.shape[1] == 1) {
            throw Failure("ValueError: plot(xs, ys) takes 1-D data, got shape \(formatShape(a.shape))")
        }
        let xs = arrays.count == 1 ? (0..<arrays[0].count).map(Double.init) : arrays[0].scalars
        let ysList = arrays.count == 1 ? [arrays[0]] : Array(arrays.dropFirst())
        if ysList.count > 1, let label = args.optional(-1, "label"), !label.isNone {
            throw Failure("TypeError: plot(xs, ys1, ys2, …) names its lines y1, y2, …: label= is for one line")
        }
        var lines: [(String, [Double], [Double], LineStyle)] = []
        for (i, ys) in ysList.enumerated() {
            guard ys.count == xs.count else {
                throw Failure("ValueError: plot(xs, ys): x and y must have the same length, got \(xs.count) and \(ys.count)")
            }
            let name = ysList.count == 1 ? (try args.string(-1, "label") ?? "y") : "y\(i + 1)"
            lines.append((name, xs, ys.scalars, .solid))
        }
        return .output(
            .figure(
                try helperFigure(
                    lines, title: try args.string(-1, "title") ?? "", xLabel: try args.string(-1, "xlabel") ?? "x",
                    yLabel: try args.string(-1, "ylabel") ?? "")))
    }

    /// One panel of labelled lines in the default colour cycle, with a legend placed as `best`.
    static func helperFigure(
        _ lines: [(String, [Double], [Double], LineStyle)], title: String, xLabel: String, yLabel: String
    ) throws(Failure) -> Figure {
        guard lines.contains(where: { $0.2.contains(where: \.isFinite) }) else {
            throw Failure("ValueError: nothing to plot: every value is nan or inf")
        }
        var axes = Axes()
        axes.title = title
        axes.xLabel = xLabel
        axes.yLabel = yLabel
        axes.grid = true
        axes.legend = "best"
        for (k, (name, xs, ys, style)) in lines.enumerated() {
            var line = Line(xs: xs, ys: ys, color: Colors.cycle[k % Colors.cycle.count])
            line.style = style
            line.label = name
            axes.artists.append(.line(line))
        }
        return Figure(axes: [axes])
    }

    /// The model's prediction over a grid covering the data, with the points by class.
    static func decisionBoundary(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let m = try model(args.required(0, "model"))
        let x = try args.tensor(1, "X")
        let y = try args.tensor(2, "y")
        guard x.rank == 2, x.shape[1] == 2 else {
            throw Failure("ValueError: plot_decision_boundary needs X of shape (n, 2), got \(formatShape(x.shape))")
        }
        let n = x.shape[0]
        guard n > 0, x.scalars.allSatisfy(\.isFinite) else {
            throw Failure("ValueError: plot_decision_boundary needs at least one point, all finite, in X")
        }
        let xs = (0..<n).map { x.scalars[2 * $0] }
        let ys = (0..<n).map { x.scalars[2 * $0 + 1] }
        let padX = ((xs.max()! - xs.min()!) * 0.1).nonZero
        let padY = ((ys.max()! - ys.min()!) * 0.1).nonZero
        let xr = (xs.min()! - padX)...(xs.max()! + padX)
        let yr = (ys.min()! - padY)...(ys.max()! + padY)
        let cols = 72
        let rows = 36
        var grid: [Double] = []
        for r in 0..<rows {
            for c in 0..<cols {
                grid.append(xr.lowerBound + (xr.upperBound - xr.lowerBound) * (Double(c) + 0.5) / Double(cols))
                grid.append(yr.lowerBound + (yr.upperBound - yr.lowerBound) * (Double(r) + 0.5) / Double(rows))
            }
        }
        let points = Tensor(shape: [rows * cols, 2], scalars: grid)
        // Several inputs of one column each (the functional two-input model) get one column each.
        let batch: [Tensor] =
            m.inputs.count == 2
            ? [
                try engine { () throws(EngineError) in
                    try points.indexed([.range(start: nil, stop: nil, step: nil), .range(start: 0, stop: 1, step: nil)])
                },
                try engine { () throws(EngineError) in
                    try points.indexed([.range(start: nil, stop: nil, step: nil), .range(start: 1, stop: 2, step: nil)])
                },
            ]
            : [points]
        let p = try engine { () throws(EngineError) in try m.predict(batch)[0] }
        let classes = p.shape.last ?? 1
        let labels =
            y.rank == 2 && y.shape[1] > 1 ? (try engine { () throws(EngineError) in try y.reduce(.argmax, axis: -1) }).scalars : y.scalars
        var axes = Axes()
        axes.title = try args.string(3, "title") ?? "Decision boundary"
        axes.xLabel = "x₁"
        axes.yLabel = "x₂"
        axes.legend = "best"
        axes.xLimits = AxisLimits(xr.lowerBound, xr.upperBound)
        axes.yLimits = AxisLimits(yr.lowerBound, yr.upperBound)
        axes.artists.append(.raster(decisionRaster(p, classes: classes, columns: cols, rows: rows, x: xr, y: yr)))
        for label in Array(Set(labels)).sorted() {
            let idx = labels.indices.filter { labels[$0] == label }
            let k = Int(label)
            var points = Scatter(
                xs: idx.map { xs[$0] }, ys: idx.map { ys[$0] }, colors: [Colors.cycle[max(k, 0) % Colors.cycle.count]], sizes: [30])
            points.marker = k % 2 == 0 ? .circle : .square
            points.edgeColor = "#ffffff"
            points.label = "class \(k)"
            axes.artists.append(.scatter(points))
        }
        return .output(.figure(Figure(axes: [axes])))
    }

    /// Decision regions: each cell in its predicted class's colour, with two classes shaded by
    /// confidence in five steps; in text, class 0 blank and one mark per other class.
    static func decisionRaster(
        _ p: Tensor, classes: Int, columns: Int, rows: Int, x: ClosedRange<Double>, y: ClosedRange<Double>
    ) -> Raster {
        let regionMarks: [Character] = ["·", ":", "-", "'"]
        var colors: [String] = []
        var marks: [Character] = []
        for cell in 0..<(columns * rows) {
            let k: Int
            let strength: Double
            if classes <= 2 {
                // One sigmoid unit: P(class 1); two softmax units: the same from the second column.
                let prob = classes == 1 ? p.scalars[cell] : p.scalars[2 * cell + 1]
                k = prob > 0.5 ? 1 : 0
                strength = 0.08 + 0.07 * (min(1, abs(prob - 0.5) * 2) * 4).rounded()
            } else {
                let row = p.scalars[(cell * classes)..<((cell + 1) * classes)]
                k = row.indices.max { row[$0] < row[$1] }! - cell * classes
                strength = 0.22
            }
            let (r, g, b) = Colors.rgb(Colors.cycle[k % Colors.cycle.count])
            colors.append(Colors.hex(1 - strength * (1 - r), 1 - strength * (1 - g), 1 - strength * (1 - b)))
            marks.append(k == 0 ? " " : regionMarks[(k - 1) % regionMarks.count])
        }
        var raster = Raster(columns: columns, rows: rows, colors: colors, marks: marks, x: x, y: y)
        raster.markLegend = (1..<max(classes, 2)).map { (regionMarks[($0 - 1) % regionMarks.count], "predicted \($0)") }
        return raster
    }
}
