// Pagefind answers queries typed into Material's search box (generator/site/pagefind.py).
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
