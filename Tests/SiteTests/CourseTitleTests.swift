import Testing

@testable import Site

/// The cheap test that decides whether a lecture's front matter goes through the YAML parser
/// for its title: "title" anywhere before the closing `---` or `...`.
@Suite struct CourseTitleTests {
    @Test(arguments: [
        ("---\ntitle: One neuron\n---\n# Heading", true),
        ("---\ntags: [week1]\n---\n# A title in the body", false),
        ("---\n\"title\": quoted\n...\ntext", true),
        ("---\ntags: [a]\n...\ntitle: after the end", false),
        ("---\nsubtitle: counts too\n---", true),
        ("---\nno end, title later", true),
        ("---\n---title", false),
    ])
    func frontMatterMentionsTitle(_ c: (String, Bool)) {
        #expect(Course.frontMatterMentionsTitle(c.0) == c.1)
    }
}
