// Pagefind cuts a Chinese query with the browser's Intl.Segmenter, which disagrees with
// the dictionary Pagefind indexed with. pagefind-search.js cuts the query itself (with the
// index's dictionary, generator/site/search/zh_segment.py) and marks it with U+E000; for a
// marked string this wrapper splits at spaces only, so Pagefind searches those words.
// Prepended to pagefind/pagefind-worker.js (where Pagefind searches) and run on the page
// (Pagefind's main-thread fallback). Unmarked strings go to the browser's own segmenter.
(function (g) {
  var I = g.Intl, Native = I && I.Segmenter, MARK = "\uE000";
  if (!Native || Native.pfPresplit) return;
  function Presplit(locales, options) {
    var native = new Native(locales, options);
    var words = !!options && options.granularity === "word";
    return {
      segment: function (text) {
        text = String(text);
        if (!words || text.indexOf(MARK) < 0) return native.segment(text);
        return text.split(MARK).join("").split(/\s+/).filter(Boolean).map(function (w, i) {
          return { segment: w, index: i, input: text, isWordLike: true };
        });
      },
      resolvedOptions: function () { return native.resolvedOptions(); }
    };
  }
  Presplit.supportedLocalesOf = function (l, o) { return Native.supportedLocalesOf(l, o); };
  Presplit.pfPresplit = true;
  I.Segmenter = Presplit;
})(typeof self !== "undefined" ? self : this);
