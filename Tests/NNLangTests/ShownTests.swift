import Display
import Foundation
import Testing

@testable import NNLang

/// The language's display values stay small, and filled contours cover what they should.
@Suite struct ShownTests {
    /// A shown value (a figure included) sits behind one pointer, so it does not widen `Value`:
    /// with the figure inline, `Value` was 121 bytes.
    @Test func shownValuesDoNotWidenValue() {
        #expect(MemoryLayout<Shown>.size == MemoryLayout<Int>.size)
        #expect(MemoryLayout<Value>.size <= 25, "Value is \(MemoryLayout<Value>.size) bytes")
    }

    static func area(_ ring: ContourRing) -> Double {
        var twice = 0.0
        for i in ring.xs.indices {
            let j = (i + 1) % ring.xs.count
            twice += ring.xs[i] * ring.ys[j] - ring.xs[j] * ring.ys[i]
        }
        return twice / 2
    }

    /// On z = x over the unit square each band is the strip between its levels, and the bands
    /// together tile the square (signed areas: holes count negative).
    @Test func bandsOfALinearFieldAreStrips() {
        let xs = (0...10).map { Double($0) / 10 }
        let z = xs.flatMap { _ in xs }
        let tracer = ContourTracer(xs: xs, ys: xs, z: z)
        let levels = [0, 0.25, 0.5, 0.75, 1]
        for k in 0..<4 {
            let area = tracer.band(levels, k).map(ShownTests.area).reduce(0, +)
            #expect(abs(area - 0.25) < 1e-12)
        }
    }

    /// A bump inside a square: the top band is an island, and the band around it has a hole.
    @Test func aBumpMakesAnIslandAndARingWithAHole() {
        let xs = (0...20).map { Double($0) / 10 - 1 }
        let z = xs.flatMap { y in xs.map { x in 1 - (x * x + y * y) } }
        let tracer = ContourTracer(xs: xs, ys: xs, z: z)
        let levels = MaxNLocator.contourLevels(z.min()!, z.max()!)
        let total = (0..<(levels.count - 1)).flatMap { tracer.band(levels, $0) }.map(ShownTests.area).reduce(0, +)
        #expect(abs(total - 4) < 1e-9)
        let top = tracer.band(levels, levels.count - 2)
        #expect(top.count == 1 && ShownTests.area(top[0]) > 0)
        let below = tracer.band(levels, levels.count - 3)
        #expect(below.count == 2 && below.map(ShownTests.area).filter { $0 < 0 }.count == 1)
    }

    /// A saddle cell joins the corners on one side of the level through its middle, as
    /// matplotlib (contourpy's mpl2014) does: those above when the corners' mean is above the
    /// level, else those below; the other side splits into one triangle per corner. The rings
    /// are matplotlib 3.11's `contourf(Z, levels=[-1, 0.5, 2]).allsegs`, as vertex sets.
    @Test(
        arguments: [
            // z (row-major, rows are y), then band 0's and band 1's rings as sorted vertices.
            (
                [0.0, 1.0, 1.0, 0.0],
                [[[0, 0], [0, 0.5], [0.5, 0], [0.5, 1], [1, 0.5], [1, 1]]],
                [[[0, 0.5], [0, 1], [0.5, 1]], [[0.5, 0], [1, 0], [1, 0.5]]]
            ),
            (
                [0.0, 1.0, 1.0, 0.2],
                [[[0, 0], [0, 0.5], [0.5, 0]], [[0.625, 1], [1, 0.625], [1, 1]]],
                [[[0, 0.5], [0, 1], [0.5, 0], [0.625, 1], [1, 0], [1, 0.625]]]
            ),
        ] as [([Double], [[[Double]]], [[[Double]]])])
    func aSaddleCellJoinsAsMatplotlibJoinsIt(_ z: [Double], _ band0: [[[Double]]], _ band1: [[[Double]]]) {
        let tracer = ContourTracer(xs: [0, 1], ys: [0, 1], z: z)
        for (k, expected) in [band0, band1].enumerated() {
            let rings = tracer.band([-1, 0.5, 2], k).map { ring in
                zip(ring.xs, ring.ys).map { [($0 * 1000).rounded() / 1000, ($1 * 1000).rounded() / 1000] }.sorted {
                    ($0[0], $0[1]) < ($1[0], $1[1])
                }
            }
            let sorted = rings.sorted { ($0[0][0], $0[0][1]) < ($1[0][0], $1[0][1]) }
            #expect(sorted == expected.sorted { ($0[0][0], $0[0][1]) < ($1[0][0], $1[0][1]) }, "band \(k)")
        }
    }

    /// A rough field is full of saddle cells; its bands still tile the grid, none overlapping.
    @Test func bandsOfARoughFieldTileTheGrid() {
        let xs = (0...12).map(Double.init)
        var state: UInt64 = 12345
        let z = (0..<(xs.count * xs.count)).map { _ -> Double in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let tracer = ContourTracer(xs: xs, ys: xs, z: z)
        let levels = [0, 0.2, 0.4, 0.6, 0.8, 1]
        let total = (0..<(levels.count - 1)).flatMap { tracer.band(levels, $0) }.map(ShownTests.area).reduce(0, +)
        #expect(abs(total - 144) < 1e-9)
    }

    /// Missing values leave their cells unfilled.
    @Test func missingValuesAreHoles() {
        let xs: [Double] = [0, 1, 2]
        var z = Array(repeating: 0.5, count: 9)
        z[4] = .nan
        let rings = ContourTracer(xs: xs, ys: xs, z: z).band([0, 1], 0)
        #expect(rings.map(ShownTests.area).reduce(0, +) == 0)
    }

    /// `contourf` then `colorbar()`: the bar shows the bands' colours, as matplotlib's does.
    @Test func aContourSetsColourBarIsItsBands() throws {
        let folder = URL(fileURLWithPath: NSTemporaryDirectory())
        let interpreter = Interpreter(seed: 0, format: NumberFormat(), files: FileAccess(documentDirectory: folder, projectRoot: folder))
        let source =
            "import numpy as np\nimport matplotlib.pyplot as plt\nplt.contourf(np.outer(np.arange(5), np.arange(5)))\nplt.colorbar()"
        let (statements, _) = Parser.parse(source)
        interpreter.prepare([statements])
        let (shown, error) = interpreter.run(statements, timeout: 20)
        #expect(error == nil)
        guard case .figure(let figure)? = shown.last, case .contour(let set)? = figure.axes.first?.artists.first else {
            Issue.record("expected a figure with a contour set, got \(shown)")
            return
        }
        #expect(set.levels == [0, 2, 4, 6, 8, 10, 12, 14, 16])
        // matplotlib 3.11's `cs.get_facecolor()`: each band's midpoint on a scale from the first
        // level to the last (not from the first midpoint to the last).
        #expect(set.bands.map(\.color) == ["#48186a", "#424086", "#33638d", "#26828e", "#1fa088", "#3fbc73", "#84d44b", "#d8e219"])
        #expect(figure.axes[0].colorbar?.colors == set.bands.map(\.color))
        #expect(set.bands.allSatisfy { !$0.rings.isEmpty })
    }
}
