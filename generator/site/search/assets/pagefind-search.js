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
  var termShards = {}, termUrl = null, heavy = null, verify = null;
  var QUOTES = /[\u201c\u201d\u2018\u2019\u300c\u300d\u300e\u300f"'\u300a\u300b\u3008\u3009]/g;
  var MARK = "\uE000";  // pagefind-presplit.js: Pagefind searches these words as given
  var ZWSP = /\u200b/g;  // Pagefind keeps its word breaks in excerpts as zero-width spaces
  var HAN = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF]/;
  var BLOCK = /[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFFa-zA-Z0-9+#&._%\-]+/g;  // jieba's blocks
  var SHARDS = 4096, PAIR = 65599, shards = {}, DEBOUNCE = 150;
  var TERM_SHARDS = 1024;  // pagefind_lookup.TERM_SHARDS

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
  // result costs one fragment download, so the first query stays small: a result left
  // out (the term page already listed first, or a page not holding the phrase whole)
  // is replaced by one more, not by a whole page more.
  function more(mine, want) {
    if (!current || loading || mine !== seq || shown >= current.length) return;
    loading = true;
    var next = current.slice(shown, shown + (want || PAGE));
    Promise.all(next.map(function (r) { return r.data(); })).then(function (data) {
      loading = false;
      if (mine !== seq) return;
      shown += next.length;
      var kept = data.filter(function (d) { return d.term || (d.url !== termUrl && holds(d)); });
      box().querySelector(".md-search-result__list").insertAdjacentHTML("beforeend", kept.map(item).join(""));
      var wrap = box().querySelector(".md-search__scrollwrap");  // not scrollable yet: fill it
      if (kept.length < data.length) more(mine, data.length - kept.length);
      else if (wrap && wrap.clientHeight && wrap.scrollHeight <= wrap.clientHeight + 100) more(mine);
    }, function () { loading = false; });
  }
  // When plan() left very common words out of the index lookups, each result is checked
  // for the phrase whole in its text, and its excerpt shows where it stands.
  function holds(d) {
    if (!verify) return true;
    var text = d.content || "", at = text.search(verify);
    if (at < 0) return false;
    var hit = text.match(verify)[0], from = Math.max(0, at - 30);
    d.excerpt = (from > 0 ? "…" : "") + esc(text.slice(from, at)) + "<mark>" + esc(hit) + "</mark>" +
      esc(text.slice(at + hit.length, at + hit.length + 60)) + "…";
    return true;
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
      return Promise.all([plan(query), lookup(bare(query))]).then(function (both) {
        var p = both[0], hit = both[1];
        if (mine !== seq) return null;
        var searches = [pf.search(p.ranked)].concat(p.exact.map(function (e) { return pf.search(e); }));
        return Promise.all(searches).then(function (found) {
          if (mine !== seq || !found[0]) return null;
          var exact = p.exact.length ? both_all(found.slice(1)) : null;
          var results = merge(found[0].results, exact);
          verify = exact && exact.length ? p.verify : null;  // no page holds it: the ordinary results
          termUrl = hit ? new URL(hit.url, root).pathname : null;
          // Glossary terms and regions: the page whose title is exactly the query comes first.
          return hit ? [termResult(hit)].concat(results) : results;
        });
      });
    }).then(function (results) {
      if (!results || mine !== seq) return;
      var n = results.length;
      var line = n === 0 ? t("search.result.none", "没有找到符合条件的结果")
        : n === 1 ? t("search.result.one", "找到 1 个符合条件的结果")
        : t("search.result.other", "# 个符合条件的结果").replace("#", n);
      // Checked one by one as shown (holds()), the count is then an upper bound.
      show(verify && n > 1 ? "约 " + line : line, "");
      current = results;
      loading = false;
      more(mine);
    }).catch(function (err) { show(String(err), ""); });
  }
  // The pages found by every exact search (the first search's results, in its order).
  function both_all(found) {
    var lists = found.map(function (f) { return (f && f.results) || []; });
    return lists[0].filter(function (r) {
      return lists.every(function (l) { return l.some(function (x) { return x.id === r.id; }); });
    });
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
  // What to ask Pagefind: {ranked, exact: [phrases], verify}. A query with Chinese is cut
  // into index words and marked for pagefind-presplit.js; without spaces (or in quotes)
  // and with two or more characters it is also searched as an exact phrase.
  // Very common words (和, 发展, 的 …) sit in index chunks of up to 360 kB each
  // (pagefind/zh-heavy.json, written by pagefind_lookup.py). While a phrase's words would
  // download more of those than the budget, the largest are left out of the lookups, as
  // long as other words remain: the phrase is then searched as its runs of remaining
  // words (pages holding every run), and each result shown is checked for the phrase
  // whole (``verify``, in holds()).
  function plan(query) {
    var quoted = /^\s*".+"\s*$/.test(query);
    var inner = quoted ? query.trim().slice(1, -1).trim() : query;
    if (!HAN.test(inner)) return Promise.resolve({ ranked: query, exact: [], verify: null });
    var parts = inner.split(/\s+/).filter(Boolean);
    return Promise.all([Promise.all(parts.map(cut)), heavyChunks()]).then(function (got) {
      var words = [].concat.apply([], got[0]);
      if (!words.length) return { ranked: query, exact: [], verify: null };
      var phrase = (quoted || parts.length === 1) && Array.from(inner.replace(/\s+/g, "")).length >= 2;
      if (!phrase) return { ranked: MARK + words.join(" "), exact: [], verify: null };
      var runs = lighten(words, got[1]);
      if (runs.length === 1 && runs[0].length === words.length) {
        return { ranked: MARK + words.join(" "), exact: ['"' + MARK + words.join(" ") + '"'], verify: null };
      }
      var chars = Array.from(bare(inner).replace(/\s+/g, "")).map(function (c) {
        return c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      });
      return { ranked: MARK + [].concat.apply([], runs).join(" "),
        exact: runs.map(function (r) { return '"' + MARK + r.join(" ") + '"'; }),
        verify: new RegExp(chars.join("\\s*"), "i") };
    });
  }
  // The words' runs once the words of the largest heavy chunks are left out, while the
  // heavy chunks' bytes pass the budget and some other word remains.
  function lighten(words, info) {
    var chunkOf = function (w) {
      for (var i = 0; i < info.chunks.length; i++) {
        if (info.chunks[i][0] <= w && w <= info.chunks[i][1]) return i;
      }
      return -1;
    };
    var idx = words.map(chunkOf), used = {}, total = 0, dropped = {};
    idx.forEach(function (i) { if (i >= 0 && !used[i]) { used[i] = 1; total += info.chunks[i][2]; } });
    if (idx.indexOf(-1) >= 0) {
      Object.keys(used).map(Number).sort(function (a, b) { return info.chunks[b][2] - info.chunks[a][2]; })
        .forEach(function (i) { if (total > info.budget) { dropped[i] = 1; total -= info.chunks[i][2]; } });
    }
    var runs = [[]];
    words.forEach(function (w, k) {
      if (idx[k] >= 0 && dropped[idx[k]]) { if (runs[runs.length - 1].length) runs.push([]); }
      else runs[runs.length - 1].push(w);
    });
    return runs.filter(function (r) { return r.length; });
  }
  function heavyChunks() {
    if (!heavy) {
      heavy = fetch(new URL("pagefind/zh-heavy.json", root).href).then(function (r) {
        return r.ok ? r.json() : null;
      }).then(function (j) { return j && j.chunks ? j : { budget: Infinity, chunks: [] }; },
        function () { return { budget: Infinity, chunks: [] }; });
    }
    return heavy;
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
  // The term or region page titled exactly `key`: pagefind/terms/N.json (pagefind_lookup.py)
  // maps keys to [url, title, excerpt]; a query reads the one shard of its key.
  function termShard(key) {
    var h = 0;
    Array.from(key).forEach(function (c) { h = (h * 31 + c.codePointAt(0)) % TERM_SHARDS; });
    return h;
  }
  function lookup(key) {
    if (!key) return Promise.resolve(null);
    var i = termShard(key);
    if (!termShards[i]) {
      termShards[i] = fetch(new URL("pagefind/terms/" + i + ".json", root).href).then(function (r) {
        return r.ok ? r.json() : {};
      }).catch(function () { return {}; });
    }
    return termShards[i].then(function (map) {
      var p = map[key];
      return p ? { url: p[0], title: p[1], text: p[2] } : null;
    });
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
