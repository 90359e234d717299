import Foundation

/// Lectern's version: shown by `--version`.
public enum LecternVersion {
    public static let current = "0.2.0"
}

/// `lectern init`: a new course that renders and checks green at once.
public enum Scaffold {
    /// The files of a new course, relative to its folder, in the order they are written.
    public static let files: [(path: String, text: String)] = [
        ("lectern.yml", courseConfig),
        ("notebooks/01-first-lecture.md", sampleLecture),
        (".gitignore", gitignore),
        (".github/workflows/lectern.yml", workflow),
    ]

    /// Writes a new course into `folder` (created if missing). Refuses an existing course — a
    /// folder with `notebooks/`, `lectern.yml` or any other file the scaffold would write — and
    /// then changes nothing.
    public static func create(in folder: URL) throws(BuildError) {
        let fm = FileManager.default
        let clashes = (files.map(\.path) + ["notebooks", "output"]).filter {
            fm.fileExists(atPath: folder.appendingPathComponent($0).path)
        }
        if !clashes.isEmpty {
            throw .usage(
                "\(folder.path) already holds a course (\(clashes.joined(separator: ", "))); init changes nothing there")
        }
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            do {
                try fm.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .io("cannot create \(url.deletingLastPathComponent().path): \(error.localizedDescription)")
            }
            try Write.atomically(text, to: url)
        }
    }

    static let courseConfig = """
        # The course: its home page shows the title and description; lectures are listed in this
        # order (the rest follow by file name).
        title: My neural-network course
        description: Lecture notes whose numbers are computed, checked and never stale.
        author: Your Name
        # base_url: https://you.github.io/course/
        lectures:
          - 01-first-lecture.md

        """

    static let sampleLecture = """
        ---
        title: A first lecture
        tags: [intro]
        ---
        # A first lecture

        A neuron computes a weighted sum of its inputs plus a bias, $z = w^\\top x + b$,
        and passes it through an activation function such as the sigmoid
        $\\sigma(z) = 1/(1 + e^{-z})$.

        ```nn
        import numpy as np
        w = np.array([0.5, -0.25])
        x = np.array([2.0, 4.0])
        b = 0.1
        z = w @ x + b
        print(f"z = {z:.2f}")
        assert abs(z - 0.1) < 1e-12
        ```

        The neuron's output is `{nn} sigmoid(z)`. Edit the numbers above and run
        `lectern render`: this sentence follows.

        """

    static let gitignore = """
        # Lectern's build cache
        .lectern/

        """

    /// A GitHub Actions workflow: build Lectern, check the course on every push and pull
    /// request, and publish `output/` to GitHub Pages from the main branch.
    static let workflow = """
        name: lectern
        on:
          push:
            branches: [main]
          pull_request:
        permissions:
          contents: read
          pages: write
          id-token: write
        env:
          # Where Lectern's source is cloned from: set the repository variable LECTERN_REPOSITORY
          # (Settings → Secrets and variables → Actions → Variables) to its git URL.
          LECTERN_REPOSITORY: ${{ vars.LECTERN_REPOSITORY }}
          LECTERN_REF: ${{ vars.LECTERN_REF || 'main' }}
        jobs:
          check:
            runs-on: ubuntu-latest
            container: swift:6.0
            steps:
              - uses: actions/checkout@v4
              - name: Install Lectern's system packages
                run: apt-get update && apt-get install -y libcmark-gfm-dev libcmark-gfm-extensions-dev libjs-katex libjs-lunr pkg-config git
              - name: Build Lectern
                run: |
                  test -n "$LECTERN_REPOSITORY" || { echo "set the repository variable LECTERN_REPOSITORY to Lectern's git URL"; exit 1; }
                  git clone --depth 1 --branch "$LECTERN_REF" "$LECTERN_REPOSITORY" /tmp/lectern
                  swift build -c release --package-path /tmp/lectern --product lectern
                  cp "$(swift build -c release --package-path /tmp/lectern --show-bin-path)/lectern" /usr/local/bin/
              - name: Check the lectures against output/
                run: lectern check
              - uses: actions/upload-pages-artifact@v3
                if: github.ref == 'refs/heads/main' && github.event_name == 'push'
                with:
                  path: output
          publish:
            needs: check
            if: github.ref == 'refs/heads/main' && github.event_name == 'push'
            runs-on: ubuntu-latest
            environment:
              name: github-pages
              url: ${{ steps.deployment.outputs.page_url }}
            steps:
              - id: deployment
                uses: actions/deploy-pages@v4

        """
}
