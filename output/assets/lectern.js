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
