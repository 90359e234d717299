import Testing

@testable import Notebook

/// Obsidian-style notes, math blocks and links, read and rendered.
@Suite struct NoteTests {
    static let course = SiteContext(
        title: "Course", lectures: [.init(path: "intro.md", title: "Intro"), .init(path: "week2/perceptron.md", title: "Perceptron")],
        files: ["data/points.csv", "media/diagram.png"], hasIndex: true)

    func page(_ source: String, path: String = "week2/perceptron.md", site: SiteContext = course) -> RenderedPage {
        var renderer = HTMLRenderer(highlight: { $0 }, assetsPrefix: "../assets/")
        renderer.site = site
        return renderer.renderPage(
            ExecutedDocument(document: DocumentReader.read(source, path: path), blockOutputs: [], inlineValues: []))
    }

    @Test func scannerFindsLinksTagsAndCalloutsButNotInCodeHeadingsOrLinks() {
        let source = """
            # Heading #not
            See [[intro]], [[intro|the intro]], [[intro#Part two]] and ![[diagram.png]]. #real-tag #1 `#code`
            A [link #text](x.md#frag) and $#math$ and (#paren) x#mid [a](#anchor).
            > [!tip]- Folded title
            > body [!note]

            """
        let notes = DocumentReader.read(source, path: "n.md").notes
        #expect(notes.links.map(\.target) == ["intro", "intro", "intro", "diagram.png"])
        #expect(notes.links.map(\.text) == [nil, "the intro", nil, nil])
        #expect(notes.links[2].heading == "Part two")
        #expect(notes.links.map(\.embed) == [false, false, false, true])
        #expect(notes.tags.map(\.name) == ["real-tag", "paren"])
        #expect(notes.tags.map(\.line) == [2, 3])
        #expect(notes.callouts.map(\.kind) == ["tip"])
        #expect(notes.callouts[0].foldable && !notes.callouts[0].open)
    }

    @Test func displayMathOnItsOwnLinesIsABlockAndARuleFollows() {
        let html = page("Text\n$$\n\\hat{y} = 1\n$$\n---\n\nafter\n").html
        #expect(html.contains("<div class=\"math-block\"><span class=\"math display\">\n\\hat{y} = 1\n</span></div>\n<hr />"))
        #expect(!html.contains("<h2"))
    }

    @Test func calloutsBecomeBoxesAndFoldableOnesDetails() {
        let html = page("> [!note] Why $b$?\n> Because.\n\n> [!warning]- Careful\n> Folded.\n\n> plain quote\n").html
        #expect(
            html.contains("<div class=\"callout callout-note\"><p class=\"callout-title\">Why <span class=\"math inline\">b</span>?</p>"))
        #expect(html.contains("<details class=\"callout callout-warning\"><summary class=\"callout-title\">Careful</summary>"))
        #expect(html.contains("<blockquote>\n<p>plain quote</p>"))
    }

    @Test func wikilinksEmbedsAndTagsBecomeLinksImagesAndTagLinks() {
        let p = page("[[intro]] [[intro|the intro]] [[intro#Part two]] ![[diagram.png]] #logic\n")
        #expect(p.html.contains("<a class=\"wikilink\" href=\"../intro.html\">Intro</a>"))
        #expect(p.html.contains("<a class=\"wikilink\" href=\"../intro.html\">the intro</a>"))
        #expect(p.html.contains("<a class=\"wikilink\" href=\"../intro.html#part-two\">Intro › Part two</a>"))
        #expect(p.html.contains("<img class=\"embed\" src=\"../media/diagram.png\" alt=\"diagram.png\">"))
        #expect(p.html.contains("<a class=\"tag\" href=\"../tags/logic.html\">#logic</a>"))
        #expect(p.assets == ["media/diagram.png"])
        #expect(p.tags == ["logic"])
        #expect(p.warnings.isEmpty)
    }

    @Test func noteEmbedsShowTheOtherNotesProse() {
        var site = NoteTests.course
        site.text = { path in path == "intro.md" ? "# Intro\n\nThe **intro** text.\n" : nil }
        let html = page("![[intro]]\n", site: site).html
        #expect(html.contains("<div class=\"embed\" data-source=\"intro.md\">\n<h1"))
        #expect(html.contains("The <strong>intro</strong> text."))
    }

    @Test func lectureLinksPointAtPagesAndMissingTargetsWarnAtTheirLine() {
        let source =
            "# P\n\n```nn\nx = 1\n```\n\nSee [intro](../intro.md#part), [data](../data/points.csv),\n[gone](../gone.md) and ![img](nope.png) and [[Missing]].\n"
        let p = page(source)
        #expect(p.html.contains("href=\"../intro.html#part\""))
        #expect(p.html.contains("href=\"../data/points.csv\""))
        #expect(p.assets == ["data/points.csv"])
        #expect(p.warnings.map(\.location.line) == [8, 8, 8])
        #expect(p.warnings.map(\.file) == ["week2/perceptron.md", "week2/perceptron.md", "week2/perceptron.md"])
        #expect(p.warnings[0].message.contains("gone.md"))
    }

    @Test func tocEntriesAreTypesetNotRawTeXAndTheSummaryIsTheFirstParagraph() {
        let p = page("#tag-only\n\n# Title\n\nFirst $x$ paragraph.\n\n## The $w$ vector\n")
        #expect(p.html.contains("<li class=\"l2\"><a href=\"#the-w-vector\">The <span class=\"math inline\">w</span> vector</a></li>"))
        #expect(p.summary == "First x paragraph.")
    }

    @Test func navigationListsEveryLectureAndLinksNeighbours() {
        let html = page("# P\n", path: "intro.md").html
        #expect(html.contains("<li><a href=\"intro.html\" aria-current=\"page\">Intro</a></li>"))
        #expect(html.contains("<a class=\"next\" rel=\"next\" href=\"week2/perceptron.html\">Perceptron →</a>"))
        #expect(html.contains("<form class=\"search\" action=\"search.html\""))
        #expect(html.contains("<a class=\"download\" href=\"intro.md\" download>"))
        #expect(html.contains("<a class=\"download\" href=\"intro.ipynb\" download"))
    }

    @Test func spliceIsOnePassAndUnwrapsBlockTokens() {
        let text = "<p>LECTERNBLOCK0Z</p>\nx LECTERNMATH12Z y LECTERNNOPE1Z LECTERNMATH3"
        let out = TokenSplice.apply(text) { kind, i in
            kind == .block ? .init(text: "<section/>", isBlock: true) : .init(text: "[\(i)]")
        }
        #expect(out == "<section/>\nx [12] y LECTERNNOPE1Z LECTERNMATH3")
    }
}
