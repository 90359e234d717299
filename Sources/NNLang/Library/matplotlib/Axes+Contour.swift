import Display
import Engine

/// `contourf`: filled regions between contour levels, traced by marching squares; the
/// levels are matplotlib's (`MaxNLocator` over the data) unless given.
extension AxesObject {
    func contourf(_ args: inout Arguments, _ interp: Interpreter) throws(Failure) -> Value {
        let supported = ["X", "Y", "Z", "levels", "cmap", "alpha", "vmin", "vmax", "colors"]
        try Keywords.check(
            args, "contourf", owner: "QuadContourSet", supported: supported,
            known: Keywords.patch + [
                "extend", "origin", "extent", "corner_mask", "nchunk", "locator", "algorithm", "antialiased", "hatches",
            ], positional: 4)
        let p = args.positional
        guard !p.isEmpty || args.alias("Z") != nil else {
            throw Failure("TypeError: contourf() missing 1 required positional argument: 'Z'")
        }
        let zValue = p.count >= 3 ? p[2] : (p.first ?? args.alias("Z")!)
        let zTensor = try interp.tensor(zValue).value
        let z = zTensor.scalars
        guard zTensor.rank == 2, zTensor.shape[0] >= 2, zTensor.shape[1] >= 2 else {
            throw Failure("TypeError: Input z must be 2D, not \(zTensor.rank)D")
        }
        let ny = zTensor.shape[0]
        let nx = zTensor.shape[1]
        var xs = (0..<nx).map(Double.init)
        var ys = (0..<ny).map(Double.init)
        if p.count >= 3 {
            let xt = try interp.tensor(p[0]).value
            let yt = try interp.tensor(p[1]).value
            // A meshgrid's first row holds the xs, its first column the ys.
            xs = xt.rank == 2 ? Array(xt.scalars.prefix(nx)) : xt.scalars
            ys = yt.rank == 2 ? stride(from: 0, to: yt.count, by: max(yt.shape.last!, 1)).map { yt.scalars[$0] } : yt.scalars
            guard xs.count == nx, ys.count == ny else {
                throw Failure("TypeError: Length of x (\(xs.count)) must match number of columns in z (\(nx))")
            }
        }
        let levels = try contourLevels(p, args, zTensor.dtype == .bool, z)
        let bands = levels.count - 1
        let mids = (0..<bands).map { (levels[$0] + levels[$0 + 1]) / 2 }
        var bandColors: [String]
        if let c = args.alias("colors") {
            let list = (try? interp.iterate(c)) ?? [c]
            let resolved = try list.map { v throws(Failure) in try Colors.resolve(v, interp).hex }
            guard !resolved.isEmpty else { throw Failure("ValueError: colors must name at least one colour") }
            bandColors = (0..<bands).map { resolved[$0 % resolved.count] }
        } else {
            let map = try colormap(args)
            let lo = try args.alias("vmin").map { v throws(Failure) in try v.asDouble("vmin") } ?? levels.first!
            let hi = try args.alias("vmax").map { v throws(Failure) in try v.asDouble("vmax") } ?? levels.last!
            bandColors = mids.map { map.color(hi > lo ? ($0 - lo) / (hi - lo) : 0.5) }
            mappable = Mappable(map: map, low: levels.first!, high: levels.last!, bands: bandColors, levels: levels)
        }
        let tracer = ContourTracer(xs: xs, ys: ys, z: z)
        let traced = (0..<bands).map { k in
            ContourBand(
                color: bandColors[k], mark: AxesObject.ramp[min(9, 1 + k * 8 / max(bands - 1, 1))], rings: tracer.band(levels, k))
        }
        var set = FilledContours(levels: levels, bands: traced, xs: xs, ys: ys, z: z)
        if let a = args.alias("alpha") { set.alpha = try alpha(a) }
        return .object(ArtistHandle(self, add(.contour(set)), "QuadContourSet"))
    }

    /// The levels: given as a list (increasing), as a count for the locator, or matplotlib's
    /// default of 7 (`[0, 0.5, 1]` for booleans).
    func contourLevels(_ p: [Value], _ args: Arguments, _ isBool: Bool, _ z: [Double]) throws(Failure) -> [Double] {
        let finite = z.filter(\.isFinite)
        guard let zmin = finite.min(), let zmax = finite.max() else {
            throw Failure("ValueError: contourf() needs at least one finite value in Z")
        }
        let levels: [Double]
        switch p.count == 4 ? p[3] : (p.count == 2 ? p[1] : args.alias("levels")) {
        case nil where isBool: levels = [0, 0.5, 1]
        case nil, .none?: levels = MaxNLocator.contourLevels(zmin, zmax)
        case .int(let n)?:
            guard n >= 1, n <= 1000 else { throw Failure("ValueError: contourf(levels=\(n)) needs between 1 and 1000 levels") }
            levels = MaxNLocator.contourLevels(zmin, zmax, levels: n)
        case let v?: levels = try args.values(v)
        }
        guard levels.count >= 2 else { throw Failure("ValueError: Filled contours require at least 2 levels.") }
        guard zip(levels, levels.dropFirst()).allSatisfy({ $0 < $1 }) else {
            throw Failure("ValueError: Contour levels must be increasing")
        }
        return levels
    }
}
