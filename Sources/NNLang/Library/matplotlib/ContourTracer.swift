import Display

/// Marching squares for filled contours: the region of a grid where `lo ≤ z ≤ hi`, as closed
/// rings. Each grid cell's piece is its quad clipped by the two levels (z varies linearly
/// along the cell's edges; saddle cells join as matplotlib joins them); edges two
/// neighbouring pieces share cancel, and what is left
/// joins into rings — outer boundaries counter-clockwise and holes clockwise on an
/// increasing grid, so a nonzero fill draws them.
struct ContourTracer {
    let xs: [Double]
    let ys: [Double]
    /// Row-major, `ys.count` rows of `xs.count`.
    let z: [Double]
    /// Each cell's smallest and largest corner value (nan where a corner is missing), row-major.
    let cellLow: [Double]
    let cellHigh: [Double]

    init(xs: [Double], ys: [Double], z: [Double]) {
        self.xs = xs
        self.ys = ys
        self.z = z
        let nx = xs.count
        var low: [Double] = []
        var high: [Double] = []
        for r in 0..<(ys.count - 1) {
            for c in 0..<(nx - 1) {
                let a = z[r * nx + c]
                let b = z[r * nx + c + 1]
                let d = z[(r + 1) * nx + c]
                let e = z[(r + 1) * nx + c + 1]
                let finite = a.isFinite && b.isFinite && d.isFinite && e.isFinite
                low.append(finite ? min(min(a, b), min(d, e)) : .nan)
                high.append(finite ? max(max(a, b), max(d, e)) : .nan)
            }
        }
        cellLow = low
        cellHigh = high
    }

    /// A vertex of a piece: a grid corner, or where a level crosses a grid edge.
    struct Key: Hashable {
        /// 0: corner (row, column); 1: the edge to the right of it; 2: the edge above it.
        var kind: UInt8
        var row: Int32
        var column: Int32
        var level: Int32
    }

    /// Marks an edge cancelled by its reverse.
    static let cancelled = Key(kind: 255, row: -1, column: -1, level: -1)

    struct Vertex {
        var key: Key
        var x: Double
        var y: Double
        var z: Double
    }

    /// The rings of the band between levels `levels[k]` and `levels[k + 1]`.
    func band(_ levels: [Double], _ k: Int) -> [ContourRing] {
        let lo = levels[k]
        let hi = levels[k + 1]
        let nx = xs.count
        var edges: [(from: Key, to: Key)] = []
        var open: [Key: [Int]] = [:]
        var points: [Key: (Double, Double)] = [:]
        func add(_ a: Vertex, _ b: Vertex) {
            guard a.key != b.key else { return }
            // A neighbour already drew this edge the other way: it is inside the band.
            if var list = open[b.key], let i = list.firstIndex(where: { edges[$0].to == a.key }) {
                edges[list[i]].to = ContourTracer.cancelled
                list.remove(at: i)
                open[b.key] = list
                return
            }
            points[a.key] = (a.x, a.y)
            points[b.key] = (b.x, b.y)
            open[a.key, default: []].append(edges.count)
            edges.append((a.key, b.key))
        }
        // A cell whose corners all lie in the band is filled whole: the sides it shares with
        // cells that have a piece would cancel, so neither side draws them (most of a grid).
        let rows = ys.count - 1
        let columns = nx - 1
        let usable = cellLow.map { !$0.isNaN }
        let whole = zip(cellLow, cellHigh).map { $0 >= lo && $1 <= hi }
        func isWhole(_ r: Int, _ c: Int) -> Bool { r >= 0 && c >= 0 && r < rows && c < columns && whole[r * columns + c] }
        func isUsable(_ r: Int, _ c: Int) -> Bool { r >= 0 && c >= 0 && r < rows && c < columns && usable[r * columns + c] }
        /// The cell across the side from corner `a` to corner `b` of cell (r, c).
        func across(_ a: Key, _ b: Key, _ r: Int, _ c: Int) -> (Int, Int)? {
            guard a.kind == 0, b.kind == 0 else { return nil }
            if a.row == b.row { return (Int(a.row) == r ? r - 1 : r + 1, c) }
            return (r, Int(a.column) == c ? c - 1 : c + 1)
        }
        for r in 0..<rows {
            for c in 0..<columns where cellHigh[r * columns + c] >= lo && cellLow[r * columns + c] <= hi {
                let corners = [corner(r, c), corner(r, c + 1), corner(r + 1, c + 1), corner(r + 1, c)]
                var pieces = [corners]
                if !whole[r * columns + c] {
                    pieces = pieces.flatMap { clip($0, cell: corners, at: lo, level: Int32(k), keepAbove: true) }
                    pieces = pieces.flatMap { clip($0, cell: corners, at: hi, level: Int32(k + 1), keepAbove: false) }
                }
                for piece in pieces where piece.count >= 3 {
                    for i in piece.indices {
                        let (a, b) = (piece[i], piece[(i + 1) % piece.count])
                        if let (nr, nc) = across(a.key, b.key, r, c) {
                            if isWhole(nr, nc) || (whole[r * columns + c] && isUsable(nr, nc)) { continue }
                        }
                        add(a, b)
                    }
                }
            }
        }
        return rings(edges, open, points)
    }

    func corner(_ r: Int, _ c: Int) -> Vertex {
        Vertex(key: Key(kind: 0, row: Int32(r), column: Int32(c), level: 0), x: xs[c], y: ys[r], z: z[r * xs.count + c])
    }

    /// A cell's piece clipped against one level, keeping the side above (or below) it. In a
    /// saddle cell (its corners alternate about the level) the level's four crossings can pair
    /// up two ways; matplotlib (contourpy's `mpl2014`) joins the corners above the level
    /// through the middle when the mean of the four corners is above it, else those below.
    /// The joined side is a Sutherland–Hodgman clip; the split side is one piece per kept
    /// corner, cut off by the line between the crossings on that corner's two edges.
    func clip(_ polygon: [Vertex], cell corners: [Vertex], at level: Double, level index: Int32, keepAbove: Bool) -> [[Vertex]] {
        let kept = corners.map { keepAbove ? $0.z >= level : $0.z <= level }
        let saddle = kept[0] == kept[2] && kept[1] == kept[3] && kept[0] != kept[1]
        let middleAbove = corners.reduce(0) { $0 + $1.z } / 4 > level
        guard saddle, middleAbove != keepAbove else { return [clip(polygon, at: level, level: index, keepAbove: keepAbove)] }
        var pieces: [[Vertex]] = []
        for i in corners.indices where kept[i] {
            guard let a = crossing(corners[i], corners[(i + 3) % 4], level, index),
                let b = crossing(corners[i], corners[(i + 1) % 4], level, index),
                let piece = cut(polygon, a, b, keeping: corners[i])
            else { return [clip(polygon, at: level, level: index, keepAbove: keepAbove)] }
            pieces.append(piece)
        }
        return pieces
    }

    /// The part of a convex piece on `corner`'s side of the line through the crossings `a`
    /// and `b`. The line meets the piece's border only at `a` and `b` (contour lines of two
    /// levels never cross), so those are the new vertices; nil if it meets it elsewhere.
    func cut(_ polygon: [Vertex], _ a: Vertex, _ b: Vertex, keeping corner: Vertex) -> [Vertex]? {
        func side(_ v: Vertex) -> Double { (b.x - a.x) * (v.y - a.y) - (b.y - a.y) * (v.x - a.x) }
        let reference = side(corner)
        func onLine(_ v: Vertex) -> Bool { v.key == a.key || v.key == b.key }
        func inside(_ v: Vertex) -> Bool { onLine(v) || side(v) * reference > 0 }
        var out: [Vertex] = []
        for i in polygon.indices {
            let p = polygon[i]
            let q = polygon[(i + 1) % polygon.count]
            if inside(p) { out.append(p) }
            guard inside(p) != inside(q), !onLine(p), !onLine(q) else { continue }
            // Which of the two crossings lies on this edge: the one nearer to the segment.
            func distance(_ v: Vertex) -> Double {
                let (dx, dy) = (q.x - p.x, q.y - p.y)
                let t = max(0, min(1, ((v.x - p.x) * dx + (v.y - p.y) * dy) / max(dx * dx + dy * dy, .leastNonzeroMagnitude)))
                return ((p.x + t * dx - v.x) * (p.x + t * dx - v.x) + (p.y + t * dy - v.y) * (p.y + t * dy - v.y)).squareRoot()
            }
            let (da, db) = (distance(a), distance(b))
            let scale = max(abs(q.x - p.x), abs(q.y - p.y))
            guard min(da, db) <= 1e-9 * max(scale, 1) else { return nil }
            out.append(da <= db ? a : b)
        }
        return out
    }

    /// Sutherland–Hodgman against one level. A crossing lies on a grid edge and is placed from
    /// that edge's own corners, so both cells beside the edge find the same point.
    func clip(_ polygon: [Vertex], at level: Double, level index: Int32, keepAbove: Bool) -> [Vertex] {
        func inside(_ v: Vertex) -> Bool { keepAbove ? v.z >= level : v.z <= level }
        var out: [Vertex] = []
        for i in polygon.indices {
            let p = polygon[i]
            let q = polygon[(i + 1) % polygon.count]
            if inside(p) { out.append(p) }
            if inside(p) != inside(q), let x = crossing(p, q, level, index) { out.append(x) }
        }
        return out
    }

    /// Where `level` crosses the grid edge that `p` and `q` lie on.
    func crossing(_ p: Vertex, _ q: Vertex, _ level: Double, _ index: Int32) -> Vertex? {
        guard let (r, c, horizontal) = gridEdge(p.key, q.key) else { return nil }
        let a = corner(r, c)
        let b = horizontal ? corner(r, c + 1) : corner(r + 1, c)
        let t = (level - a.z) / (b.z - a.z)
        let key = Key(kind: horizontal ? 1 : 2, row: Int32(r), column: Int32(c), level: index)
        return Vertex(key: key, x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y), z: level)
    }

    /// The grid edge (its lower corner and direction) two vertices of a cell boundary share.
    func gridEdge(_ p: Key, _ q: Key) -> (Int, Int, Bool)? {
        for k in [p, q] where k.kind != 0 { return (Int(k.row), Int(k.column), k.kind == 1) }
        let (r0, c0, r1, c1) = (Int(p.row), Int(p.column), Int(q.row), Int(q.column))
        if r0 == r1 && abs(c0 - c1) == 1 { return (r0, min(c0, c1), true) }
        if c0 == c1 && abs(r0 - r1) == 1 { return (min(r0, r1), c0, false) }
        return nil
    }

    /// Joins the edges left after cancelling into closed rings, in the order they were found.
    func rings(_ edges: [(from: Key, to: Key)], _ open: [Key: [Int]], _ points: [Key: (Double, Double)]) -> [ContourRing] {
        var open = open
        var used = Array(repeating: false, count: edges.count)
        var result: [ContourRing] = []
        for start in edges.indices where !used[start] && edges[start].to != ContourTracer.cancelled {
            var ring: [(Double, Double)] = []
            var e = start
            while true {
                used[e] = true
                ring.append(points[edges[e].from]!)
                let next = edges[e].to
                if next == edges[start].from { break }
                guard var list = open[next], let i = list.firstIndex(where: { !used[$0] && edges[$0].to != ContourTracer.cancelled }) else {
                    break
                }
                e = list.remove(at: i)
                open[next] = list
            }
            let simple = ContourTracer.withoutStraightVertices(ring)
            if simple.count >= 3 { result.append(ContourRing(xs: simple.map(\.0), ys: simple.map(\.1))) }
        }
        return result
    }

    /// Drops repeated points and vertices in the middle of a straight run (along the grid's
    /// border, or where a level passes exactly through grid points).
    static func withoutStraightVertices(_ ring: [(Double, Double)]) -> [(Double, Double)] {
        var points: [(Double, Double)] = []
        for p in ring where points.last.map({ $0 != p }) ?? true { points.append(p) }
        while points.count > 1 && points.last! == points[0] { points.removeLast() }
        func straight(_ a: (Double, Double), _ b: (Double, Double), _ c: (Double, Double)) -> Bool {
            let cross = (b.0 - a.0) * (c.1 - b.1) - (b.1 - a.1) * (c.0 - b.0)
            let dot = (b.0 - a.0) * (c.0 - b.0) + (b.1 - a.1) * (c.1 - b.1)
            return cross == 0 && dot > 0
        }
        var out: [(Double, Double)] = []
        for i in points.indices {
            let before = out.last ?? points[(i + points.count - 1) % points.count]
            if !straight(before, points[i], points[(i + 1) % points.count]) { out.append(points[i]) }
        }
        if out.count > 3 && straight(out[out.count - 1], out[0], out[1]) { out.removeFirst() }
        return out
    }
}
