/* 对比 pages (reports/compare/…): two pickers (地区, 年份) for each column, and any pair of
 * reports rendered from the per-report JSON under data/compare/, the way the generator
 * renders the pages it writes (generator/site/pages/compare.py), which hold the summary and the
 * aligned parts only: the page's own pair is rendered again, with its sections, on load. The alignment below
 * repeats generator/site/facts/compare.py line for line: change both together
 * (tests/test_compare.py checks in a browser that they give the same page).
 * No library; does nothing on pages without a .cmp block. */
(function () {
  "use strict";

  var KIND_LABELS = {review: "工作回顾", outlook: "今后发展", plan: "工作安排", self: "政府自身建设",
                     attachment: "附件", glossary: "名词解释", other: "其他部分"};
  var MIN_SCORE = 0.25;
  var NUMBER = /^\s*(?:[（(][一二三四五六七八九十百零〇0-9０-９]+[）)]|[一二三四五六七八九十百零〇]+[、.．]|[0-9０-９]+[、.．]|附件\s*[0-9０-９]*)\s*/;
  var YEAR = /(?:19|20)[0-9]{2}年?/g;
  var HAN = /[\u3400-\u9fff]/g;
  var NONE = "（无对应部分）";
  var cache = {};

  // -- alignment (facts/compare.py) -------------------------------------------
  function titleKey(title) {
    return (title.replace(NUMBER, "").replace(YEAR, "").match(HAN) || []).join("");
  }
  function bigrams(text) {
    var out = new Set();
    if (text.length === 1) out.add(text);
    for (var i = 0; i + 1 < text.length; i++) out.add(text.slice(i, i + 2));
    return out;
  }
  function dice(a, b) {
    if (!a.size || !b.size) return 0;
    var common = 0;
    a.forEach(function (x) { if (b.has(x)) common++; });
    return 2 * common / (a.size + b.size);
  }
  function termSlugs(node, outline) {
    return new Set(node.terms.map(function (i) { return outline.t[i][0]; }));
  }
  function similarity(x, y, a, b) {
    var titles = dice(bigrams(titleKey(x.title)), bigrams(titleKey(y.title)));
    var terms = dice(termSlugs(x, a), termSlugs(y, b));
    return Math.max(titles, 0.8 * terms);
  }
  function pair(a, b, score) {
    var n = a.length, m = b.length, i, j, s, take, best = [];
    for (i = 0; i <= n; i++) { best.push(new Array(m + 1).fill(0)); }
    for (i = n - 1; i >= 0; i--) {
      for (j = m - 1; j >= 0; j--) {
        s = score(a[i], b[j]);
        take = s > 0 ? best[i + 1][j + 1] + s : -1;
        best[i][j] = Math.max(take, best[i + 1][j], best[i][j + 1]);
      }
    }
    var out = [];
    i = 0; j = 0;
    while (i < n && j < m) {
      s = score(a[i], b[j]);
      if (s > 0 && best[i][j] === best[i + 1][j + 1] + s) { out.push([a[i], b[j]]); i++; j++; }
      else if (best[i][j] === best[i + 1][j]) { out.push([a[i], null]); i++; }
      else { out.push([null, b[j]]); j++; }
    }
    for (; i < n; i++) out.push([a[i], null]);
    for (; j < m; j++) out.push([null, b[j]]);
    return out;
  }
  function align(a, b) {
    function top(x, y) { return x.kind === y.kind ? 1 + similarity(x, y, a, b) : 0; }
    function sub(x, y) { var s = similarity(x, y, a, b); return s >= MIN_SCORE ? s : 0; }
    return pair(a.sections, b.sections, top).map(function (p) {
      return {left: p[0], right: p[1],
              children: pair(p[0] ? p[0].children : [], p[1] ? p[1].children : [], sub)
                .map(function (c) { return {left: c[0], right: c[1], children: []}; })};
    });
  }
  function node(raw) {
    return {title: raw[0], anchor: raw[1], kind: raw[2], paragraphs: raw[3], chars: raw[4], terms: raw[5],
            children: (raw[6] || []).map(node)};
  }
  function json(url) {
    if (!cache[url]) {
      cache[url] = fetch(url).then(function (res) {
        if (!res.ok) throw new Error(res.status);
        return res.json();
      }).catch(function (err) { delete cache[url]; throw err; });  // a failed load may be tried again
    }
    return cache[url];
  }
  function load(root, slug) {  // a report's outline, its terms as [slug, headword] (terms.json)
    return Promise.all([json(root + "data/compare/terms.json"), json(root + "data/compare/" + slug + ".json")])
      .then(function (got) {
        var data = got[1];
        if (!data.sections) {
          data.t = data.t.map(function (i) { return got[0][i]; });
          data.sections = data.s.map(node);
        }
        return data;
      });
  }

  // -- rendering (pages/compare.py) --------------------------------------------
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }
  function link(text, href, cls) {
    var a = el("a", cls, text);
    a.href = href;
    return a;
  }
  function pageTitle(a, b) {
    if (a.region === b.region && a.year && b.year) return a.region + " " + a.year + "年与" + b.year + "年政府工作报告对比";
    return a.label + " 与 " + b.label + " 对比";
  }
  function sideLabel(o, other) {
    if (o.region === other.region && o.year) return o.year + "年";
    return o.year ? o.region + " " + o.year + "年" : o.region;
  }
  function spaced(parent, items) {
    items.forEach(function (item, k) {
      if (k) parent.appendChild(document.createTextNode(" "));
      parent.appendChild(item);
    });
    return parent;
  }
  function render(box, root, a, b) {
    var slugs = [new Set(a.t.map(function (t) { return t[0]; })), new Set(b.t.map(function (t) { return t[0]; }))];
    function term(o, i, others) {
      var t = o.t[i];
      return others.has(t[0]) ? el("span", "cmp-both", t[1]) : link(t[1], root + "glossary/" + t[0] + "/", "cmp-only");
    }
    function tag(o, other) { return el("span", "cmp-tag", sideLabel(o, other)); }
    function cell(o, other, n, others) {
      var div;
      if (!n) {
        div = el("div", "cmp-cell cmp-empty");
        div.appendChild(tag(o, other));
        div.appendChild(el("span", "cmp-none", NONE));
        return div;
      }
      var parts = [tag(o, other), link(n.title, root + "reports/" + o.slug + "/#" + n.anchor)];
      if (n.kind) parts.push(el("span", "cmp-kind", KIND_LABELS[n.kind]));
      parts.push(el("span", "cmp-size", n.paragraphs + " 段 · " + n.chars + " 字"));
      if (n.terms.length) {
        parts.push(spaced(el("span", "cmp-terms"), n.terms.map(function (i) { return term(o, i, others); })));
      }
      return spaced(el("div", "cmp-cell"), parts);
    }
    function row(r, cls) {
      var div = el("div", "cmp-row " + cls);
      div.appendChild(cell(a, b, r.left, slugs[1]));
      div.appendChild(cell(b, a, r.right, slugs[0]));
      return div;
    }
    var body = el("div", "cmp-body");
    var summary = el("div", "cmp-summary");
    var both = 0;
    slugs[0].forEach(function (s) { if (slugs[1].has(s)) both++; });
    summary.appendChild(el("p", "", "两篇共同用到的术语 " + both + " 个。"));
    [[a, b, slugs[1]], [b, a, slugs[0]]].forEach(function (side) {
      var o = side[0], others = side[2], only = [];
      o.t.forEach(function (t, i) { if (!others.has(t[0])) only.push(i); });
      var p = el("p", "", "只见于" + sideLabel(o, side[1]) + "的 " + only.length + " 个" + (only.length ? "：" : ""));
      spaced(p, only.map(function (i) { return term(o, i, others); }));
      p.appendChild(document.createTextNode("。"));
      summary.appendChild(p);
    });
    body.appendChild(summary);
    var legend = box.querySelector(".cmp-legend");
    if (legend) body.appendChild(legend.cloneNode(true));
    var grid = el("div", "cmp-grid");
    var head = el("div", "cmp-row cmp-head");
    [[a, b], [b, a]].forEach(function (side) {
      var c = el("div", "cmp-cell");
      c.appendChild(tag(side[0], side[1]));
      c.appendChild(link(side[0].label, root + "reports/" + side[0].slug + "/"));
      head.appendChild(c);
    });
    grid.appendChild(head);
    align(a, b).forEach(function (r) {
      grid.appendChild(row(r, "cmp-part"));
      r.children.forEach(function (c) { grid.appendChild(row(c, "cmp-sub")); });
    });
    body.appendChild(grid);
    box.replaceChild(body, box.querySelector(".cmp-body"));
    var h1 = document.querySelector("article h1");
    if (h1) h1.firstChild.textContent = pageTitle(a, b);
    document.title = pageTitle(a, b) + document.title.slice(document.title.indexOf(" - "));
  }

  // -- pickers -----------------------------------------------------------------
  function option(value, text, selected) {
    var o = el("option", "", text);
    o.value = value;
    o.selected = selected;
    return o;
  }
  function picker(index, label, slug) {
    var regions = [], years = {};
    index.forEach(function (r) {
      if (!years[r[1]]) { years[r[1]] = []; regions.push(r[1]); }
      years[r[1]].push(r);
    });
    var current = index.filter(function (r) { return r[0] === slug; })[0] || index[0];
    var field = el("fieldset", "cmp-picker");
    field.appendChild(el("legend", "", label));
    var region = el("select"), year = el("select");
    region.setAttribute("aria-label", label + "地区");
    year.setAttribute("aria-label", label + "年份");
    regions.forEach(function (name) { region.appendChild(option(name, name, name === current[1])); });
    function fillYears(pick) {
      year.textContent = "";
      years[region.value].forEach(function (r) { year.appendChild(option(r[0], r[2] + "年", r[0] === pick)); });
    }
    region.addEventListener("change", function () {
      var list = years[region.value];
      fillYears(list[list.length - 1][0]);
    });
    fillYears(current[0]);
    var l1 = el("label", "", "地区 "), l2 = el("label", "", "年份 ");
    l1.appendChild(region);
    l2.appendChild(year);
    field.appendChild(l1);
    field.appendChild(l2);
    return {field: field, value: function () { return year.value; }};
  }
  function show(box, root, slugA, slugB, status) {
    status.textContent = "正在载入……";
    return Promise.all([load(root, slugA), load(root, slugB)]).then(function (both) {
      render(box, root, both[0], both[1]);
      box.dataset.a = slugA;
      box.dataset.b = slugB;
      status.textContent = "";
    }).catch(function () {
      status.textContent = "无法载入所选报告的数据，请稍后再试。";
    });
  }
  function init() {
    var box = document.querySelector(".cmp[data-root]");
    if (!box || box.querySelector(".cmp-pickers")) return;
    var root = box.dataset.root;
    json(root + "data/compare/index.json").then(function (index) {
      var wanted = /^#a=([^&]+)&b=([^&]+)$/.exec(location.hash);
      var a0 = wanted ? decodeURIComponent(wanted[1]) : box.dataset.a;
      var b0 = wanted ? decodeURIComponent(wanted[2]) : box.dataset.b;
      var form = el("form", "cmp-pickers");
      var left = picker(index, "左栏", a0), right = picker(index, "右栏", b0);
      var button = el("button", "md-button md-button--primary", "对比");
      button.type = "submit";
      var status = el("p", "cmp-status");
      status.setAttribute("aria-live", "polite");
      form.appendChild(left.field);
      form.appendChild(right.field);
      form.appendChild(button);
      form.appendChild(status);
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var a = left.value(), b = right.value();
        history.replaceState(null, "", "#a=" + encodeURIComponent(a) + "&b=" + encodeURIComponent(b));
        show(box, root, a, b, status);
      });
      box.insertBefore(form, box.firstChild);
      show(box, root, a0, b0, status);  // the written page holds the parts only: add their sections
    });
  }
  if (window.document$ && window.document$.subscribe) window.document$.subscribe(init);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();
