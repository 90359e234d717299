import Display
import Foundation
import Testing

@testable import Notebook

/// Figures: matplotlib-like ticks and labels, legends that avoid the data, legible text, and
/// golden files of a few figures in both forms.
@Suite struct FigureTests {
    @Test func ticksAreMatplotlibsMaxNLocator() {
        #expect(AxisView(low: -5.5, high: 5.5, scale: .linear).ticks(bins: 9) == [-4, -2, 0, 2, 4])
        #expect(AxisView(low: -0.15, high: 3.15, scale: .linear).ticks(bins: 9) == [0, 0.5, 1, 1.5, 2, 2.5, 3])
        #expect(AxisView(low: 0, high: 1, scale: .linear).ticks(bins: 9).count == 6)
        #expect(AxisView(low: 0, high: 5.25, scale: .linear).ticks(bins: 9) == [0, 1, 2, 3, 4, 5])
        #expect(AxisView(low: 0.04, high: 0.8, scale: .log).ticks(bins: 9) == [0.05, 0.1, 0.2, 0.5])
        #expect(AxisView(low: 1e-3, high: 10, scale: .log).ticks(bins: 9) == [1e-3, 1e-2, 1e-1, 1, 10])
    }

    @Test func tickLabelsShareTheirDecimalsAndUseATrueMinus() {
        let v = AxisView(low: -1, high: 1, scale: .linear)
        #expect(v.labels([-1, -0.5, 0, 0.5, 1]) == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
        #expect(v.labels([0, 0.25, 0.5]) == ["0.00", "0.25", "0.50"])
        #expect(v.labels([-2, 0, 2], unicode: false) == ["-2", "0", "2"])
        #expect(AxisView(low: 0.01, high: 1, scale: .log).labels([0.01, 0.2]) == ["10⁻²", "2×10⁻¹"])
    }

    @Test func mathTextBecomesUnicode() {
        #expect(MathText.plain("$x_1 + x_2 = 0$") == "x₁ + x₂ = 0")
        #expect(MathText.plain("$\\sigma(z)$ and $10^{-3}$") == "σ(z) and 10⁻³")
        #expect(MathText.plain("$w_{ij}$, $\\alpha$") == "wᵢⱼ, α")
        #expect(MathText.plain("costs $5") == "costs $5")
        #expect(MathText.plain("$y_{max}$, $x_{bd}$") == "yₘₐₓ, x_bd")
    }

    @Test func bestLegendAvoidsTheData() {
        // A rising line through the lower-left to upper-right: the legend goes upper left.
        var axes = Axes()
        var line = Line(xs: [0, 1, 2, 3], ys: [0, 1, 2, 3], color: "#1f77b4")
        line.label = "rising"
        axes.artists = [.line(line)]
        axes.legend = "best"
        let panel = SVGPanel(axes: axes, cell: Rect(x: 0, y: 0, width: 640, height: 480), clipID: "c")
        let layout = panel.layout(extraBottom: 0)
        var legend = SVGLegend(entries: axes.legendEntries.map { ($0.label, $0.artist) })
        legend.place("best", in: layout, artists: axes.artists)
        #expect(!legend.outside)
        #expect(SVGLegend.badness(legend.box, SVGLegend.vertices(axes.artists, layout)) == 0)
        #expect(legend.box.x < layout.area.x + layout.area.width / 2 && legend.box.y < layout.area.y + layout.area.height / 2)
    }

    @Test func aLegendWithNoFreeCornerGoesBelowThePanel() {
        var axes = Axes()
        let xs = (0...40).map { Double($0) / 4 }
        var scatter = Scatter(xs: xs.flatMap { x in xs.map { _ in x } }, ys: xs.flatMap { _ in xs }, colors: ["#000000"], sizes: [4])
        scatter.label = "everywhere"
        axes.artists = [.scatter(scatter)]
        axes.legend = "best"
        let svg = SVGPlot(plot: Figure(axes: [axes])).render()
        let legendY = Double(svg.components(separatedBy: "<g class=\"legend\"><rect x=\"")[1].split(separator: "\"")[2])!
        #expect(legendY > 400, "the legend sits under the x axis")
    }

    @Test func textIsLegibleOnAPhone() {
        let svg = SVGPlot(plot: sampleFigure).render()
        let sizes = svg.components(separatedBy: "font-size=\"").dropFirst().compactMap { Double($0.prefix { $0 != "\"" }) }
        #expect(!sizes.isEmpty)
        // At 390 px the plot is about 350 px wide: 20.5 units of 640 are 11.2 px.
        #expect(sizes.allSatisfy { $0 * 350 / 640 >= 11 })
        #expect(svg.contains("style=\"font-size:20.5px\""))
    }

    @Test func fontSizesGrowButNeverShrinkBelowTheMinimum() {
        var axes = Axes()
        axes.title = "Big"
        axes.titleSize = 20
        axes.legend = "best"
        axes.legendFontSize = 6
        var line = Line(xs: [0, 1], ys: [0, 1], color: "#000000")
        line.label = "small"
        axes.artists = [.line(line)]
        let svg = SVGPlot(plot: Figure(axes: [axes])).render()
        #expect(svg.contains("font-size=\"38.4\">Big</text>"))
        #expect(svg.contains("font-size=\"20.5\">small</text>"))
    }

    @Test func clipIdsDifferBetweenFiguresAndRendersAreStable() {
        let a = SVGPlot(plot: sampleFigure).render()
        var other = sampleFigure
        other.suptitle = "Another"
        let b = SVGPlot(plot: other).render()
        func ids(_ s: String) -> Set<String> {
            Set(s.components(separatedBy: "clipPath id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) })
        }
        #expect(a == SVGPlot(plot: sampleFigure).render())
        #expect(ids(a).count == 2 && ids(a).isDisjoint(with: ids(b)))
    }

    @Test func textChartsStayWithin72Columns() {
        for figure in FigureTests.figures {
            let text = AsciiPlot(plot: figure).render()
            #expect(text.split(separator: "\n").allSatisfy { $0.count <= 72 }, "\(text)")
        }
    }

    @Test func figuresAsMarkdownAndHTML() {
        let format = NumberFormat(decimals: 4)
        let md = FigureTests.figures.map { MarkdownRenderer.markdown(.plot($0), format) }.joined(separator: "\n\n")
        assertSnapshot(md + "\n", named: "figures.md")
        let html = FigureTests.figures.map { HTMLRenderer.html(.plot($0), format) }.joined(separator: "\n\n")
        assertSnapshot(html + "\n", named: "figures.html")
    }

    /// A line chart with a log axis, an image grid with a colour bar, and a histogram.
    static let figures: [Figure] = {
        var loss = Axes()
        loss.yScale = .log
        loss.xLabel = "epoch"
        loss.yLabel = "loss"
        loss.grid = true
        loss.legend = "best"
        let epochs = (1...30).map(Double.init)
        var train = Line(xs: epochs, ys: epochs.map { 0.7 * exp(-$0 / 6) + 0.05 }, color: "#1f77b4")
        train.label = "training"
        var validation = Line(xs: epochs, ys: epochs.map { 0.9 * exp(-$0 / 6) + 0.08 }, color: "#ff7f0e")
        validation.label = "validation"
        validation.style = .dashed
        validation.marker = .square
        loss.artists = [.line(train), .line(validation)]

        var images: [Axes] = []
        for k in 0..<4 {
            var a = Axes(slot: GridSlot(rows: 2, columns: 2, index: k))
            a.title = "digit \(k)"
            let colors = (0..<16).map { ["#440154", "#31688e", "#35b779", "#fde725"][($0 + k) % 4] }
            let marks = (0..<16).map { [" ", ".", "+", "@"][($0 + k) % 4] }.map { Character($0) }
            a.artists = [.raster(Raster(columns: 4, rows: 4, colors: colors, marks: marks, x: -0.5...3.5, y: -0.5...3.5))]
            a.xLimits = AxisLimits(-0.5, 3.5)
            a.yLimits = AxisLimits(3.5, -0.5)
            if k == 3 { a.colorbar = Colorbar(colors: ["#440154", "#31688e", "#35b779", "#fde725"], low: 0, high: 255) }
            images.append(a)
        }

        var hist = Axes()
        hist.title = "Histogram"
        hist.legend = "upper right"
        var bars = Bars(
            positions: [-1.5, -0.5, 0.5, 1.5], lengths: [3, 12, 14, 4], thicknesses: [1, 1, 1, 1], bases: [0, 0, 0, 0],
            color: "#1f77b4")
        bars.alpha = 0.7
        bars.label = "samples"
        var mean = Span(horizontal: false, value: 0.1, color: "#000000")
        mean.style = .dashed
        mean.label = "mean"
        hist.artists = [.bars(bars), .span(mean)]

        // z = x + y on a 3 × 3 grid, split at 2: a triangle under the diagonal, one above it.
        var regions = Axes()
        regions.title = "Regions"
        let lower = ContourRing(xs: [0, 2, 0], ys: [0, 0, 2])
        let upper = ContourRing(xs: [2, 2, 0], ys: [0, 2, 2])
        var contours = FilledContours(
            levels: [0, 2, 4],
            bands: [ContourBand(color: "#a6cee3", mark: ".", rings: [lower]), ContourBand(color: "#fb9a99", mark: "@", rings: [upper])],
            xs: [0, 1, 2], ys: [0, 1, 2], z: [0, 1, 2, 1, 2, 3, 2, 3, 4])
        contours.alpha = 0.8
        regions.artists = [.contour(contours)]
        return [
            Figure(axes: [loss]), Figure(width: 6, height: 6, suptitle: "Images", axes: images), Figure(axes: [hist]),
            Figure(axes: [regions]),
        ]
    }()
}
