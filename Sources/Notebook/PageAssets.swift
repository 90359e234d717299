/// The stylesheet and script every page links from `assets/`.
public enum PageAssets {
    /// Typesets every `.math` element with the site's own KaTeX (no network at view time).
    public static let script = """
        document.addEventListener("DOMContentLoaded", function () {
          if (typeof katex !== "undefined") {
            document.querySelectorAll(".math").forEach(function (el) {
              try {
                katex.render(el.textContent, el, { displayMode: el.classList.contains("display"), throwOnError: false });
              } catch (e) { el.classList.add("math-error"); }
            });
          }
          if (typeof hljs !== "undefined") {
            // Debian's highlight.js 10 calls it highlightBlock, 11 highlightElement.
            var highlight = hljs.highlightElement || hljs.highlightBlock;
            document.querySelectorAll("pre code[class*='language-']:not(.language-python)").forEach(function (el) {
              highlight.call(hljs, el);
            });
          }
          document.querySelectorAll("pre.nn-code, pre.code, main pre > code[class*='language-']").forEach(function (el) {
            var pre = el.tagName === "PRE" ? el : el.parentElement;
            if (pre.querySelector("button.copy")) return;
            var code = pre.querySelector("code") || pre;
            var button = document.createElement("button");
            button.className = "copy";
            button.type = "button";
            button.textContent = "Copy";
            button.addEventListener("click", function () {
              var done = function () {
                button.textContent = "Copied";
                setTimeout(function () { button.textContent = "Copy"; }, 1500);
              };
              if (navigator.clipboard) { navigator.clipboard.writeText(code.innerText).then(done, function () {}); return; }
              var range = document.createRange();
              range.selectNodeContents(code);
              var selection = window.getSelection();
              selection.removeAllRanges();
              selection.addRange(range);
              try { document.execCommand("copy"); done(); } catch (e) {}
              selection.removeAllRanges();
            });
            pre.classList.add("has-copy");
            pre.appendChild(button);
          });
          var results = document.getElementById("search-results");
          if (results) LecternSearch.show(results);
        });
        // Printing shows folded logs and callouts too.
        window.addEventListener("beforeprint", function () {
          document.querySelectorAll("details").forEach(function (d) { d.setAttribute("open", ""); });
        });
        var LecternSearch = {
          show: function (results) {
            var q = new URLSearchParams(window.location.search).get("q") || "";
            var box = document.querySelector("form.search input");
            if (box) box.value = q;
            if (typeof lunr === "undefined" || typeof LECTERN_SEARCH === "undefined" || !q.trim()) return;
            var docs = LECTERN_SEARCH;
            var index = lunr(function () {
              this.ref("id");
              this.field("title", { boost: 10 });
              this.field("tags", { boost: 5 });
              this.field("text");
              docs.forEach(function (d, i) { this.add({ id: i, title: d.title, tags: d.tags.join(" "), text: d.text }); }, this);
            });
            var hits = [];
            try { hits = index.search(q); } catch (e) {
              hits = index.query(function (query) {
                lunr.tokenizer(q).forEach(function (t) { query.term(t.toString(), { wildcard: lunr.Query.wildcard.TRAILING }); });
              });
            }
            document.getElementById("search-summary").textContent =
              hits.length + (hits.length === 1 ? " lecture matches " : " lectures match ") + "“" + q + "”";
            hits.forEach(function (hit) {
              var d = docs[Number(hit.ref)];
              var li = document.createElement("li");
              var a = document.createElement("a");
              a.href = d.href;
              a.textContent = d.title;
              li.appendChild(a);
              var p = document.createElement("p");
              p.className = "snippet";
              p.textContent = LecternSearch.snippet(d.text, Object.keys(hit.matchData.metadata));
              li.appendChild(p);
              results.appendChild(li);
            });
          },
          snippet: function (text, terms) {
            var lower = text.toLowerCase(), at = -1;
            terms.forEach(function (t) { var i = lower.indexOf(t.toLowerCase()); if (i >= 0 && (at < 0 || i < at)) at = i; });
            if (at < 0) return text.slice(0, 160) + (text.length > 160 ? "…" : "");
            var start = Math.max(0, at - 60);
            return (start > 0 ? "…" : "") + text.slice(start, start + 180) + (start + 180 < text.length ? "…" : "");
          }
        };

        """

    public static let stylesheet = """
        :root {
          --bg: #fdfdfc; --fg: #1d1f21; --muted: #5f6368; --accent: #0b63b6; --rule: #e3e3e0;
          --code-bg: #f5f5f2; --out-bg: #f0f6fc; --out-rule: #8fb8de; --err-bg: #fdf0ef; --err-rule: #c5221f;
          --kw: #8e24aa; --num: #b35900; --str: #1b7f3b; --com: #6a737d; --fn: #0b63b6;
        }
        @media (prefers-color-scheme: dark) {
          :root {
            --bg: #16181b; --fg: #e6e6e3; --muted: #a0a4a8; --accent: #7ab7ff; --rule: #2e3236;
            --code-bg: #1f2226; --out-bg: #182430; --out-rule: #3d6a94; --err-bg: #2d1b1b; --err-rule: #f28b82;
            --kw: #d7a8ff; --num: #ffb366; --str: #8fd694; --com: #8b949e; --fn: #7ab7ff;
          }
          .nn-plot { background: #f7f7f5; border-radius: 6px; }
        }
        * { box-sizing: border-box; }
        html { font-size: 17px; }
        body { margin: 0; background: var(--bg); color: var(--fg);
          font-family: "Charter", "Bitstream Charter", "Georgia", "DejaVu Serif", serif; line-height: 1.6; }
        header.site { display: flex; align-items: center; gap: 1rem; padding: .5rem 1.5rem; border-bottom: 1px solid var(--rule);
          font-family: system-ui, sans-serif; font-size: .9rem; }
        header.site a.course { font-weight: 600; color: var(--fg); text-decoration: none; flex: 1; min-width: 0; overflow: hidden;
          text-overflow: ellipsis; white-space: nowrap; }
        form.search input { font: inherit; width: 12rem; max-width: 40vw; padding: .25rem .5rem; border: 1px solid var(--rule);
          border-radius: 4px; background: var(--bg); color: var(--fg); }
        .nav-toggle { position: absolute; opacity: 0; pointer-events: none; }
        .menu-button { display: none; cursor: pointer; font-size: 1.2rem; line-height: 1; padding: .2rem .4rem; }
        nav.site-nav { flex: 0 0 13rem; position: sticky; top: 1rem; align-self: flex-start; font-family: system-ui, sans-serif;
          font-size: .85rem; max-height: calc(100vh - 2rem); overflow-y: auto; }
        nav.site-nav ol { margin: 0; padding-left: 1.4rem; color: var(--muted); }
        nav.site-nav li { margin: .3rem 0; }
        nav.site-nav a { color: var(--fg); text-decoration: none; }
        nav.site-nav a[aria-current] { font-weight: 700; color: var(--accent); }
        main p.source { margin-top: 1.5rem; font-family: system-ui, sans-serif; font-size: .8rem; color: var(--muted); }
        main p.source a.download { display: inline-block; margin: .2rem .3rem 0 0; padding: .15rem .55rem; border: 1px solid var(--rule);
          border-radius: 4px; color: var(--fg); text-decoration: none; }
        main p.source a.download:hover { border-color: var(--accent); color: var(--accent); }
        .callout { border-left: 4px solid var(--accent); background: var(--out-bg); border-radius: 0 6px 6px 0; padding: .1rem 1rem;
          margin: 1rem 0; }
        .callout-title { font-family: system-ui, sans-serif; font-weight: 600; margin: .6rem 0 .3rem; }
        details.callout > summary { cursor: pointer; }
        .callout-tip { border-color: #1b7f3b; } .callout-warning, .callout-caution { border-color: #b35900; }
        .callout-important { border-color: #8e24aa; } .callout-danger, .callout-error { border-color: var(--err-rule); }
        blockquote { margin: 1rem 0; padding: 0 1rem; border-left: 3px solid var(--rule); color: var(--muted); }
        a.tag, span.tag { font-family: system-ui, sans-serif; font-size: .85em; color: var(--accent); text-decoration: none; }
        p.tags a.tag, p.tags span.tag { display: inline-block; font-size: .75rem; padding: .1rem .5rem; border: 1px solid var(--rule);
          border-radius: 999px; }
        .math-block { overflow-x: auto; overflow-y: hidden; margin: 1rem 0; }
        span.math.display { display: block; overflow-x: auto; overflow-y: hidden; }
        .katex-display { overflow-x: auto; overflow-y: hidden; }
        img { max-width: 100%; height: auto; }
        img.embed { display: block; margin: 1rem 0; }
        div.embed { border-left: 3px solid var(--rule); padding-left: 1rem; }
        main table { display: block; max-width: 100%; overflow-x: auto; }
        pre.has-copy { position: relative; }
        button.copy { position: absolute; top: .3rem; right: .3rem; font: .7rem system-ui, sans-serif; padding: .1rem .4rem;
          border: 1px solid var(--rule); border-radius: 4px; background: var(--bg); color: var(--muted); cursor: pointer; opacity: .6; }
        pre.has-copy:hover button.copy { opacity: 1; }
        pre.code, article > pre, .callout > pre, li > pre { background: var(--code-bg); border: 1px solid var(--rule); }
        .hljs-keyword, .hljs-built_in, .hljs-selector-tag { color: var(--kw); } .hljs-string, .hljs-attr { color: var(--str); }
        .hljs-number, .hljs-literal { color: var(--num); } .hljs-comment { color: var(--com); font-style: italic; }
        .hljs-title, .hljs-function { color: var(--fn); }
        ol.search-results { padding-left: 1.4rem; } ol.search-results p.snippet { margin: .2rem 0 1rem; color: var(--muted); font-size: .9rem; }
        a { color: var(--accent); }
        .layout { display: flex; gap: 2.5rem; max-width: 80rem; margin: 0 auto; padding: 1.5rem; }
        main { flex: 1; min-width: 0; max-width: 46rem; overflow-wrap: break-word; }
        nav.toc { flex: 0 0 14rem; position: sticky; top: 1rem; align-self: flex-start; font-family: system-ui, sans-serif; font-size: .85rem; }
        nav.toc p { font-weight: 600; margin: 0 0 .4rem; color: var(--muted); text-transform: uppercase; letter-spacing: .05em; font-size: .75rem; }
        nav.toc ul { list-style: none; margin: 0; padding: 0; }
        nav.toc li { margin: .25rem 0; }
        nav.toc li.l3 { padding-left: .9rem; }
        nav.toc a { color: var(--fg); text-decoration: none; }
        nav.toc a:hover { color: var(--accent); }
        h1, h2, h3 { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; line-height: 1.25; }
        h1 { font-size: 2rem; margin-top: 0; }
        h2 { margin-top: 2.2rem; border-bottom: 1px solid var(--rule); padding-bottom: .25rem; }
        a.anchor { margin-left: .4rem; color: var(--rule); text-decoration: none; font-weight: 400; }
        h1:hover a.anchor, h2:hover a.anchor, h3:hover a.anchor { color: var(--muted); }
        p.tags span { display: inline-block; font-family: system-ui, sans-serif; font-size: .75rem; padding: .1rem .5rem;
          border: 1px solid var(--rule); border-radius: 999px; color: var(--muted); }
        code, pre { font-family: "JetBrains Mono", "DejaVu Sans Mono", "Menlo", monospace; font-size: .82rem; }
        :not(pre) > code { background: var(--code-bg); padding: .05rem .3rem; border-radius: 3px; }
        pre { overflow-x: auto; padding: .75rem 1rem; border-radius: 6px; margin: 0; line-height: 1.45; }
        .nn-cell { margin: 1.2rem 0; }
        .nn-code { background: var(--code-bg); border: 1px solid var(--rule); }
        .nn-outputs { border-left: 3px solid var(--out-rule); background: var(--out-bg); border-radius: 0 6px 6px 0; margin-top: .35rem; padding: .25rem 0; }
        .nn-outputs > * { margin: .4rem .8rem; }
        .nn-out { background: transparent; padding: .2rem 0; }
        .nn-value { font-family: "JetBrains Mono", "DejaVu Sans Mono", monospace; font-size: .88em; color: var(--num); }
        .nn-tensor .math.display { display: block; overflow-x: auto; }
        .nn-shape { font-family: system-ui, sans-serif; font-size: .75rem; color: var(--muted); }
        table { border-collapse: collapse; margin: .8rem 0; font-size: .9rem; }
        th, td { border-bottom: 1px solid var(--rule); padding: .3rem .7rem; text-align: left; }
        thead th { border-bottom: 2px solid var(--muted); font-family: system-ui, sans-serif; font-size: .8rem; }
        td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; font-family: "DejaVu Sans Mono", monospace; font-size: .82rem; }
        table.nn-summary td { font-family: "JetBrains Mono", "DejaVu Sans Mono", monospace; font-size: .8rem; }
        table.nn-summary caption { text-align: left; font-family: system-ui, sans-serif; font-weight: 600; padding-bottom: .3rem; }
        table.nn-summary tfoot td { border: none; font-size: .8rem; color: var(--muted); padding: .1rem .7rem; }
        details.nn-log summary { cursor: pointer; font-family: system-ui, sans-serif; font-size: .85rem; color: var(--muted); }
        .nn-figure { margin: .5rem 0; }
        .nn-plot { width: 100%; height: auto; max-width: 640px; font-family: system-ui, sans-serif; font-size: 11px; }
        .nn-plot .grid line { stroke: #e4e4e0; stroke-width: 1; }
        .nn-plot .axis line { stroke: #555; stroke-width: 1; }
        .nn-plot text { fill: #333; }
        .nn-plot .title { font-size: 13px; font-weight: 600; }
        .nn-plot .label { font-size: 12px; }
        .nn-error { border-left: 3px solid var(--err-rule); background: var(--err-bg); border-radius: 0 6px 6px 0; }
        .nn-error pre { color: var(--fg); }
        .tok-kw { color: var(--kw); font-weight: 600; }
        .tok-num { color: var(--num); }
        .tok-str { color: var(--str); }
        .tok-com { color: var(--com); font-style: italic; }
        .tok-fn { color: var(--fn); }
        nav.pager { display: flex; justify-content: space-between; margin-top: 3rem; padding-top: 1rem; border-top: 1px solid var(--rule);
          font-family: system-ui, sans-serif; font-size: .9rem; }
        ul.lectures { list-style: none; padding: 0; }
        ul.lectures li { margin: 1rem 0; display: flex; gap: 1rem; align-items: baseline; }
        ul.lectures .number { font-family: system-ui, sans-serif; color: var(--muted); min-width: 1.5rem; text-align: right; }
        ul.lectures p.tags { margin: .3rem 0 0; }
        ul.lectures a { font-size: 1.15rem; font-family: system-ui, sans-serif; }
        ul.lectures .status { font-size: .8rem; color: var(--muted); margin-left: .5rem; font-family: system-ui, sans-serif; }
        @media (max-width: 72rem) { nav.toc { display: none; } }
        @media (max-width: 48rem) {
          .layout { display: block; padding: 1rem; }
          .menu-button { display: inline-block; }
          header.site { padding: .5rem 1rem; }
          nav.site-nav { display: none; position: static; max-height: none; border-bottom: 1px solid var(--rule); margin-bottom: 1rem; }
          .nav-toggle:checked ~ .layout nav.site-nav { display: block; }
          form.search input { width: 8rem; }
          /* A plot keeps legible text: below its natural width it scrolls in its own box. */
          .nn-figure { overflow-x: auto; }
          .nn-plot { min-width: 34rem; }
        }
        @media print {
          nav.toc, nav.site-nav, header.site, nav.pager, a.anchor, p.source, button.copy, .menu-button { display: none; }
          body { background: #fff; color: #000; font-size: 11pt; }
          .layout { display: block; padding: 0; max-width: none; }
          main { max-width: none; }
          pre, pre code, .nn-error pre, details.nn-log pre { white-space: pre-wrap; overflow: visible; word-break: break-all; }
          .math-block, span.math.display, .katex-display, main table { overflow: visible; }
          figure, tr, img { break-inside: avoid; }
          h1, h2, h3 { break-after: avoid; }
          details.nn-log[open] summary { display: none; }
        }

        """
}
