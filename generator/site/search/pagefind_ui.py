"""The browser side of the Pagefind switch: one script, written into the built site.

The script keeps Material's own search box and result list (same place in the header,
same look, same translations read from Material's ``__config``) and only swaps what
answers the query: Pagefind's JS API instead of Material's lunr worker. Material's
search component is switched off on the element (see ``pagefind.py``), so the two never
both listen.

Kept as Python strings (not package data files) so a plain ``pip install`` ships them.
"""

from __future__ import annotations

SCRIPT_NAME = "assets/javascripts/pagefind-search.js"

# Material's search box, as partials/search.html renders it with the zh translations.
# Inserted only when the Material search plugin is disabled and the header has no box.
SEARCH_MARKUP = """<label class="md-header__button md-icon" for="__search"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg></label>
<div class="md-search" data-pf-search role="dialog">
  <label class="md-search__overlay" for="__search"></label>
  <div class="md-search__inner" role="search">
    <form class="md-search__form" name="pf-search">
      <input type="text" class="md-search__input" name="query" aria-label="搜索" placeholder="搜索" autocapitalize="off" autocorrect="off" autocomplete="off" spellcheck="false" required>
      <label class="md-search__icon md-icon" for="__search"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M9.5 3A6.5 6.5 0 0 1 16 9.5c0 1.61-.59 3.09-1.56 4.23l.27.27h.79l5 5-1.5 1.5-5-5v-.79l-.27-.27A6.52 6.52 0 0 1 9.5 16 6.5 6.5 0 0 1 3 9.5 6.5 6.5 0 0 1 9.5 3m0 2C7 5 5 7 5 9.5S7 14 9.5 14 14 12 14 9.5 12 5 9.5 5"/></svg><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M20 11v2H8l5.5 5.5-1.42 1.42L4.16 12l7.92-7.92L13.5 5.5 8 11z"/></svg></label>
      <nav class="md-search__options" aria-label="搜索"><button type="reset" class="md-search__icon md-icon" title="清空当前内容" aria-label="清空当前内容" tabindex="-1"><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24"><path d="M19 6.41 17.59 5 12 10.59 6.41 5 5 6.41 10.59 12 5 17.59 6.41 19 12 13.41 17.59 19 19 17.59 13.41 12z"/></svg></button></nav>
    </form>
    <div class="md-search__output">
      <div class="md-search__scrollwrap" tabindex="0" data-md-scrollfix>
        <div class="md-search-result">
          <div class="md-search-result__meta">键入以开始搜索</div>
          <ol class="md-search-result__list" role="presentation"></ol>
        </div>
      </div>
    </div>
  </div>
</div>
"""

SEARCH_JS = r"""// Pagefind answers queries typed into Material's search box (generator/site/pagefind.py).
(function () {
  "use strict";
  var cfgEl = document.getElementById("__config");
  var cfg = cfgEl ? JSON.parse(cfgEl.textContent) : {};
  var tr = cfg.translations || {};
  var root = new URL((cfg.base || ".").replace(/\/?$/, "/"), location.href);
  var engine = null, seq = 0, PAGE = 5, current = null, shown = 0, loading = false;
  var termIndex = null, termUrl = null;
  var QUOTES = /[\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f"'\u300a\u300b\u3008\u3009]/g;

  function t(key, fallback) { return tr[key] || fallback; }
  function box() { return document.querySelector("[data-pf-search]"); }
  function toggle(on) { var c = document.getElementById("__search"); if (c) c.checked = on; }
  function esc(s) {
    return String(s).replace(/[&<>"]/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" }[c];
    });
  }
  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname, excerptLength: 40 }).then(function () { return pf; });
      });
    }
    return engine;
  }
  function article(url, title, excerpt, heading) {
    return '<a href="' + esc(url) + '" class="md-search-result__link" tabindex="-1">' +
      '<article class="md-search-result__article md-typeset">' +
      (heading === "h1" ? '<div class="md-search-result__icon md-icon"></div>' : "") +
      "<" + heading + ">" + esc(title) + "</" + heading + "><p>" + excerpt + "</p></article></a>";
  }
  function item(d) {
    var html = article(d.url, (d.meta && d.meta.title) || d.url, d.excerpt, "h1");
    (d.sub_results || []).filter(function (s) { return s.url !== d.url; }).slice(0, 2).forEach(function (s) {
      html += article(s.url, s.title, s.excerpt, "h2");
    });
    return '<li class="md-search-result__item">' + html + "</li>";
  }
  function show(meta, items) {
    var b = box(); if (!b) return;
    b.querySelector(".md-search-result__meta").textContent = meta;
    b.querySelector(".md-search-result__list").innerHTML = items;
  }
  // Like Material: a first page of results, more as the list is scrolled. Each shown
  // result costs one fragment download, so the first query stays small.
  function more(mine) {
    if (!current || loading || mine !== seq || shown >= current.length) return;
    loading = true;
    var next = current.slice(shown, shown + PAGE);
    Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      loading = false;
      if (mine !== seq) return;
      shown += next.length;
      data = data.filter(function (d) { return d.term || d.url !== termUrl; });  // listed once
      box().querySelector(".md-search-result__list").insertAdjacentHTML("beforeend", data.map(item).join(""));
      var wrap = box().querySelector(".md-search__scrollwrap");  // not scrollable yet: fill it
      if (wrap && wrap.clientHeight && wrap.scrollHeight <= wrap.clientHeight + 100) more(mine);
    }, function () { loading = false; });
  }
  function run(query) {
    var mine = ++seq;
    current = null; shown = 0;
    query = query.trim();
    if (!query) { show(t("search.result.placeholder", "键入以开始搜索"), ""); return; }
    load().then(function (pf) {
      return Promise.all([pf.debouncedSearch(query, {}, 150), terms(pf)]).then(function (both) {
        var ranked = both[0], hit = both[1][bare(query)];
        if (!ranked || mine !== seq) return null;
        termUrl = hit ? new URL(hit.url, root).pathname : null;
        // Glossary terms: the term page whose headword is exactly the query comes first.
        return hit ? [termResult(hit)].concat(ranked.results) : ranked.results;
      });
    }).then(function (results) {
      if (!results || mine !== seq) return;
      var n = results.length;
      show(n === 0 ? t("search.result.none", "没有找到符合条件的结果")
        : n === 1 ? t("search.result.one", "找到 1 个符合条件的结果")
        : t("search.result.other", "# 个符合条件的结果").replace("#", n), "");
      current = results;
      loading = false;
      more(mine);
    }).catch(function (err) { show(String(err), ""); });
  }
  function bare(q) { return q.replace(QUOTES, "").replace(/[,:|]/g, " ").replace(/\s+/g, " ").trim(); }
  // The `term` filter of term pages: "key|url|headword|excerpt" (see pagefind.py). Read
  // once; it is one small file, unlike a filter-only search, which reads every index chunk.
  function terms(pf) {
    if (!termIndex) {
      termIndex = pf.filters().then(function (f) {
        var map = {};
        Object.keys((f && f.term) || {}).forEach(function (v) {
          var p = v.split("|");
          if (p.length >= 3 && !map[p[0]]) map[p[0]] = { url: p[1], title: p[2], text: p.slice(3).join("|") };
        });
        return map;
      }, function () { return {}; });
    }
    return termIndex;
  }
  function termResult(hit) {
    var url = new URL(hit.url, root).pathname;
    return { id: "term:" + url, data: function () {
      return Promise.resolve({ url: url, meta: { title: hit.title }, excerpt: esc(hit.text), sub_results: [], term: true });
    } };
  }
  function isInput(el) { return el && el.matches && el.matches("[data-pf-search] .md-search__input"); }

  document.addEventListener("scroll", function (e) {
    var wrap = e.target;
    if (wrap.classList && wrap.classList.contains("md-search__scrollwrap") &&
        wrap.scrollTop + wrap.clientHeight >= wrap.scrollHeight - 100) more(seq);
  }, true);
  document.addEventListener("focusin", function (e) { if (isInput(e.target)) { toggle(true); load(); } });
  document.addEventListener("input", function (e) { if (isInput(e.target)) run(e.target.value); });
  document.addEventListener("submit", function (e) {
    if (!e.target.closest("[data-pf-search]")) return;
    e.preventDefault();
    var first = box().querySelector(".md-search-result__link");
    if (first) location.href = first.href;
  });
  document.addEventListener("reset", function (e) {
    if (e.target.closest("[data-pf-search]")) setTimeout(function () { run(""); }, 0);
  });
  document.addEventListener("keydown", function (e) {
    var input = box() && box().querySelector(".md-search__input");
    if (!input) return;
    if (e.key === "Escape" && document.activeElement === input) { toggle(false); input.blur(); return; }
    var typing = /^(input|textarea|select)$/i.test((document.activeElement || {}).tagName || "");
    if (!typing && !e.ctrlKey && !e.metaKey && !e.altKey && (e.key === "/" || e.key === "s" || e.key === "f")) {
      e.preventDefault(); toggle(true); input.focus();
    }
  });
})();
"""
