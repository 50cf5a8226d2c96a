// Term link tooltips: the headword, the gloss and where the gloss comes from.
//
// A term link carries its gloss in `title` (what browsers without scripts show, and what
// Material's `content.tooltips` puts into its tooltip) and the source in `data-src`
// (`data-term` too when the link text is not the headword, as in “三北”工程). When
// Material adds a tooltip for such a link, this script fills it in three parts. A page may
// carry the attributes on its first link to a term only: later links to the same address
// take them from there.
// Styles: docs_src/stylesheets/term-tooltip.css.
(function () {
  "use strict";
  function host(tip) {
    return tip.id ? document.querySelector('a[href][aria-describedby="' + tip.id + '"]') : null;
  }
  // The link that carries the term's attributes: this one, or the page's first link there.
  function reference(link) {
    if (link.hasAttribute("data-src")) return link;
    var href = link.getAttribute("href");
    var all = document.querySelectorAll("a[data-src]");
    for (var i = 0; i < all.length; i++) if (all[i].getAttribute("href") === href) return all[i];
    return null;
  }
  function part(cls, text, tag) {
    var el = document.createElement(tag || "span");
    el.className = cls;
    el.textContent = text;
    return el;
  }
  function fill(tip) {
    var link = host(tip), inner = tip.querySelector(".md-tooltip2__inner");
    var ref = link && reference(link);
    if (!ref || !inner || inner.classList.contains("term-tip")) return;
    var gloss = inner.textContent.trim();
    inner.textContent = "";
    inner.classList.add("term-tip");
    inner.appendChild(part("term-tip__head", link.getAttribute("data-term") || ref.getAttribute("data-term") || ref.textContent.trim(), "strong"));
    if (gloss) inner.appendChild(part("term-tip__gloss", gloss));
    inner.appendChild(part("term-tip__source", "出处：" + ref.getAttribute("data-src")));
  }
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.nodeType === 1 && n.classList.contains("md-tooltip2")) fill(n);
      });
    });
  }).observe(document.body, { childList: true });
})();
