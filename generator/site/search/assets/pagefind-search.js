// Pagefind answers queries typed into Material's search box (generator/site/search/pagefind.py).
// A Chinese query is cut into the index's own words (zh_segment.py: the dictionary shards
// under pagefind/zh-dict/, the algorithm below) and searched as an exact phrase; pages
// holding the phrase whole are listed, ranked by Pagefind's ordinary search of the words.
(function () {
  "use strict";
  var cfgEl = document.getElementById("__config");
  var cfg = cfgEl ? JSON.parse(cfgEl.textContent) : {};
  var tr = cfg.translations || {};
  var root = new URL((cfg.base || ".").replace(/\/?$/, "/"), location.href);
  var engine = null, seq = 0, PAGE = 5, current = null, shown = 0, loading = false;
  var termIndex = null, termUrl = null;
  var QUOTES = /[\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f"'\u300a\u300b\u3008\u3009]/g;
  var MARK = "\uE000";  // pagefind-presplit.js: Pagefind searches these words as given
  var ZWSP = /\u200b/g;  // Pagefind keeps its word breaks in excerpts as zero-width spaces
  var HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
  var BLOCK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFFa-zA-Z0-9+#&._%\-]+/g;  // jieba's blocks
  // A region's name without its suffix also finds the region page (内蒙古, 鄂尔多斯).
  var REGION_SUFFIX = /(?:特别行政区|自治区|自治州|自治县|自治旗|地区|省|市|盟|旗|县|区)$/;
  var SHARDS = 4096, PAIR = 65599, shards = {}, DEBOUNCE = 150;

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
        // pageLength 0.3 (Pagefind's default 0.75): a long report that uses a term five times
        // is not ranked below a short page that names it once.
        return pf.options({ baseUrl: root.pathname, excerptLength: 40, ranking: { pageLength: 0.3 } })
          .then(function () { return pf; });
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
  function clean(s) { return String(s || "").replace(ZWSP, ""); }
  function item(d) {
    var html = article(d.url, clean((d.meta && d.meta.title) || d.url), clean(d.excerpt), "h1");
    (d.sub_results || []).filter(function (s) { return s.url !== d.url; }).slice(0, 2).forEach(function (s) {
      html += article(s.url, clean(s.title), clean(s.excerpt), "h2");
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
      var kept = data.filter(function (d) { return d.term || d.url !== termUrl; });  // listed once
      box().querySelector(".md-search-result__list").insertAdjacentHTML("beforeend", kept.map(item).join(""));
      var wrap = box().querySelector(".md-search__scrollwrap");  // not scrollable yet: fill it
      if (kept.length < data.length || (wrap && wrap.clientHeight && wrap.scrollHeight <= wrap.clientHeight + 100)) more(mine);
    }, function () { loading = false; });
  }
  function run(query) {
    var mine = ++seq;
    current = null; shown = 0;
    query = query.trim();
    if (!query) { show(t("search.result.placeholder", "键入以开始搜索"), ""); return; }
    var wait = new Promise(function (resolve) { setTimeout(resolve, DEBOUNCE); });
    Promise.all([load(), wait]).then(function (got) {
      var pf = got[0];
      if (mine !== seq) return null;
      return Promise.all([plan(query), terms(pf)]).then(function (both) {
        var p = both[0], hit = both[1][bare(query)];
        if (mine !== seq) return null;
        var searches = [pf.search(p.ranked)];
        if (p.exact) searches.push(pf.search(p.exact));
        return Promise.all(searches).then(function (found) {
          if (mine !== seq || !found[0]) return null;
          var results = merge(found[0].results, found[1] ? found[1].results : null);
          termUrl = hit ? new URL(hit.url, root).pathname : null;
          // Glossary terms and regions: the page whose title is exactly the query comes first.
          return hit ? [termResult(hit)].concat(results) : results;
        });
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
  // Pages holding the phrase whole (exact), in the order of the ordinary search of its
  // words (ranked); when no page holds it whole, the ordinary results.
  function merge(ranked, exact) {
    if (!exact || !exact.length) return ranked;
    var rank = {};
    ranked.forEach(function (r, i) { rank[r.id] = i; });
    return exact.map(function (r, i) { return { r: r, k: r.id in rank ? rank[r.id] : ranked.length + i }; })
      .sort(function (a, b) { return a.k - b.k; }).map(function (x) { return x.r; });
  }
  // What to ask Pagefind: {ranked, exact}. A query with Chinese is cut into index words
  // and marked for pagefind-presplit.js; without spaces (or in quotes) and with two or more
  // characters it is also searched as an exact phrase.
  function plan(query) {
    var quoted = /^\s*".+"\s*$/.test(query);
    var inner = quoted ? query.trim().slice(1, -1).trim() : query;
    if (!HAN.test(inner)) return Promise.resolve({ ranked: query, exact: null });
    var parts = inner.split(/\s+/).filter(Boolean);
    return Promise.all(parts.map(cut)).then(function (cuts) {
      var words = [].concat.apply([], cuts);
      if (!words.length) return { ranked: query, exact: null };
      var phrase = (quoted || parts.length === 1) && Array.from(inner.replace(/\s+/g, "")).length >= 2;
      return { ranked: MARK + words.join(" "), exact: phrase ? '"' + MARK + words.join(" ") + '"' : null };
    });
  }
  // ---- the index's segmentation (charabia 0.9: jieba-rs without HMM, then cut_for_search)
  function shard(i) {
    if (!shards[i]) {
      shards[i] = fetch(new URL("pagefind/zh-dict/" + i + ".txt", root).href).then(function (r) {
        return r.ok ? r.text() : "";
      }).then(function (text) {
        var lines = text.split("\n"), map = new Map();
        for (var k = 1; k < lines.length; k++) {
          var sp = lines[k].lastIndexOf(" ");
          if (sp > 0) map.set(lines[k].slice(0, sp), +lines[k].slice(sp + 1));
        }
        return { total: +lines[0] || 1, map: map };
      }, function () { return { total: 1, map: new Map() }; });
    }
    return shards[i];
  }
  // zh_segment.shard_of: a word's shard, from its first two code points (one for a one-character word)
  function shardOf(w) {
    var a = w.codePointAt(0), b = w.length > (a > 0xFFFF ? 2 : 1) ? w.codePointAt(a > 0xFFFF ? 2 : 1) : -1;
    return (b < 0 ? a : a * PAIR + b) % SHARDS;
  }
  function cut(text) {
    var blocks = text.match(BLOCK) || [];
    var need = {};  // every word that can be part of a block starts with one of its characters or pairs
    blocks.forEach(function (b) {
      var ch = Array.from(b);
      ch.forEach(function (c, k) { need[shardOf(c)] = 1; if (k + 1 < ch.length) need[shardOf(c + ch[k + 1])] = 1; });
    });
    return Promise.all(Object.keys(need).map(function (i) { return shard(+i).then(function (s) { return [+i, s]; }); }))
      .then(function (loaded) {
        var by = {}, total = 1;
        loaded.forEach(function (p) { by[p[0]] = p[1].map; total = Math.max(total, p[1].total); });
        var freq = function (w) { var m = by[shardOf(w)]; return m ? m.get(w) : undefined; };
        var logtotal = Math.log(total), out = [];
        blocks.forEach(function (b) {
          b.split(/[._%&#+\-]+/).forEach(function (piece) {
            if (!piece) return;
            jieba(piece, freq, logtotal).forEach(function (w) {
              forSearch(w, freq).forEach(function (x) { out.push(x.toLowerCase()); });
            });
          });
        });
        return out;
      });
  }
  function jieba(block, freq, logtotal) {
    var ch = Array.from(block), n = ch.length, dag = [], route = [], k, j;
    for (k = 0; k < n; k++) {
      var ends = [], w = "";
      for (j = k; j < n; j++) { w += ch[j]; if (freq(w) !== undefined) ends.push(j + 1); }
      dag.push(ends.length ? ends : [k + 1]);
    }
    route[n] = [0, 0];
    for (k = n - 1; k >= 0; k--) {
      var best = null;
      for (j = 0; j < dag[k].length; j++) {
        var e = dag[k][j], f = freq(ch.slice(k, e).join("")) || 1;
        var score = Math.log(f) - logtotal + route[e][0];
        if (!best || score > best[0] || (score === best[0] && e > best[1])) best = [score, e];
      }
      route[k] = best;
    }
    var words = [], x = 0, left = -1;
    while (x < n) {
      var y = route[x][1], piece = ch.slice(x, y).join("");
      if (y - x === 1 && /^[A-Za-z0-9]$/.test(piece)) {
        if (left < 0) left = x;
      } else {
        if (left >= 0) { words.push(ch.slice(left, x).join("")); left = -1; }
        words.push(piece);
      }
      x = y;
    }
    if (left >= 0) words.push(ch.slice(left).join(""));
    return words;
  }
  function forSearch(word, freq) {
    var ch = Array.from(word);
    if (ch.length <= 2 || /^[A-Za-z0-9]+$/.test(word)) return [word];
    var out = [], i = 0;
    while (i < ch.length) {
      var two = ch.slice(i, i + 2).join(""), three = ch.slice(i, i + 3).join("");
      if (i + 2 <= ch.length && freq(two) !== undefined) { out.push(two); i += 2; }
      else if (i + 3 <= ch.length && freq(three) !== undefined) { out.push(three); i += 3; }
      else { out.push(ch[i]); i += 1; }
    }
    return out;
  }
  function bare(q) { return q.replace(QUOTES, "").replace(/[,:|]/g, " ").replace(/\s+/g, " ").trim(); }
  // The `term` filter of term and region pages: "title|url|title|excerpt" (see pagefind.py). Read
  // once; it is one small file, unlike a filter-only search, which reads every index chunk.
  function terms(pf) {
    if (!termIndex) {
      termIndex = pf.filters().then(function (f) {
        var map = {};
        Object.keys((f && f.term) || {}).forEach(function (v) {
          var p = v.split("|");
          if (p.length < 3) return;
          var hit = { url: p[1], title: p[2], text: p.slice(3).join("|") };
          var keys = [p[0], bare(p[0])];
          var short = bare(p[0]).replace(REGION_SUFFIX, "");
          if (p[1].indexOf("regions/") === 0 && Array.from(short).length >= 2) keys.push(short);
          keys.forEach(function (k) { if (k && !map[k]) map[k] = hit; });
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
  window.pfSegment = cut;  // for tests: the words a query is searched as
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
