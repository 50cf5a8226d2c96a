// Material's search worker, for a Chinese query: list only the pages that hold the query
// whole, and show their text without jieba's zero-width spaces
// (generator/site/search/material_fix.py puts this in front of Material's worker).
//
// Material's index keeps jieba's word breaks as U+200B and lunr matches each word of the
// query on its own, so 营商环境 also listed a 居住环境 heading ("缺少: 营商"). Here a
// query with Chinese and without spaces or lunr syntax is a phrase: of Material's result
// groups (a page and its sections) only those where a title or text holds the phrase are
// kept, in Material's order; when none does, Material's results are left as they are.
(function () {
  if (self.pfPhrase) return;
  self.pfPhrase = true;
  var HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/, ZWSP = /\u200b/g, TAGS = /<[^>]*>/g;
  var QUERY = 2, RESULT = 3;  // Material's SearchMessageType
  var query = "";
  self.addEventListener("message", function (e) {
    if (e.data && e.data.type === QUERY) query = String(e.data.data || "");
  });
  var post = self.postMessage;
  self.postMessage = function (msg) {
    try {
      if (msg && msg.type === RESULT && msg.data && Array.isArray(msg.data.items)) {
        msg.data.items = phrase(msg.data.items, query.trim());
      }
    } catch (err) { /* leave Material's answer as it is */ }
    return post.apply(self, arguments);
  };
  function clean(s) { return typeof s === "string" ? s.replace(ZWSP, "") : s; }
  function plain(s) { return String(s || "").replace(TAGS, ""); }
  // Where the phrase is used: as written, else with quotes between its characters
  // (三北工程 written “三北”工程), as the glossary matches it.
  function find(html, q) {
    var at = html.indexOf(q);
    if (at >= 0) return at;
    var chars = Array.from(q).map(function (c) { return c.replace(/[\\^$.*+?()[\]{}|]/g, "\\$&"); });
    var m = new RegExp(chars.join("[“”‘’\"'「」『』]*")).exec(html);
    return m ? m.index : -1;
  }
  // The text from a little before the phrase's first use (not inside a tag).
  function near(html, q) {
    html = String(html || "");
    var at = find(html, q);
    if (at < 0 || plain(html.slice(0, at)).length <= 40) return html;
    var cut = at, seen = 0;
    while (cut > 0 && seen < 30) {
      cut--;
      if (html[cut] === ">") { var open = html.lastIndexOf("<", cut); if (open >= 0) { cut = open; continue; } }
      seen++;
    }
    return "…" + html.slice(cut);
  }
  function phrase(groups, q) {
    groups.forEach(function (g) { g.forEach(function (d) { d.title = clean(d.title); d.text = clean(d.text); }); });
    if (!q || !HAN.test(q) || /[\s+\-*:~^"]/.test(q)) return groups;
    // A report section also holds a term it writes otherwise (“三北”工程): its `glossary`
    // field lists the headwords (generator/site/search/term_field.py).
    function named(d) { return (" " + plain(d.glossary) + " ").indexOf(" " + q + " ") >= 0; }
    function holds(d) { return plain(d.title).indexOf(q) >= 0 || plain(d.text).indexOf(q) >= 0 || named(d); }
    var kept = groups.filter(function (g) { return g.some(holds); }).map(function (g) {
      // The sections holding the phrase, shown (Material shows a section's text when its
      // score reaches the group's first), their text starting near the phrase; the page
      // itself stays (Material needs it) but other sections go.
      var top = Math.max.apply(null, g.map(function (d) { return d.score; }));
      var out = g.filter(holds).map(function (d) {
        if (d.terms) Object.keys(d.terms).forEach(function (k) { d.terms[k] = true; });
        d.score = top;
        d.text = near(d.text, q);
        return d;
      });
      g.forEach(function (d) {
        if (!holds(d) && !/#/.test(d.location)) { d.score = 0; d.text = ""; out.push(d); }
      });
      return out;
    });
    return kept.length ? kept : groups;
  }
})();
