/* 引用 buttons on report pages (see generator/site/facts/citation.py for the format).
 *
 * The page carries the citation once, on the metadata card: data-cite-head (author, title,
 * report type, year) and data-cite-url (the page's permanent address). Each body paragraph
 * carries its number in data-n. This script adds one button per paragraph and one for the
 * whole report, and copies
 *   <head>: 第<n>段. <url>#<anchor>      (a paragraph)
 *   <head>. <url>                        (the whole report)
 * with navigator.clipboard, or, where there is none (a page opened over plain http or from
 * a file), by selecting a hidden text field and document.execCommand("copy"). No network.
 */
(function () {
  "use strict";

  var LABEL = "引用";
  var DONE = "已复制";
  var FAILED = "复制失败";

  function copyByCommand(text) {
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.className = "cite-buffer";
    document.body.appendChild(field);
    field.select();
    field.setSelectionRange(0, text.length);
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(field);
    return ok;
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(
        function () { return true; },
        function () { return copyByCommand(text); });
    }
    return Promise.resolve(copyByCommand(text));
  }

  function button(name, text) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "cite-btn";
    b.setAttribute("data-label", LABEL);
    b.setAttribute("aria-label", name);
    b.title = name;
    b.addEventListener("click", function (event) {
      event.preventDefault();
      var citation = text();
      copy(citation).then(function (ok) {
        b.setAttribute("data-label", ok ? DONE : FAILED);
        b.classList.toggle("cite-done", ok);
        var status = document.getElementById("cite-status");
        if (status) status.textContent = ok ? DONE + "：" + citation : FAILED;
        window.setTimeout(function () {
          b.setAttribute("data-label", LABEL);
          b.classList.remove("cite-done");
        }, 2000);
      });
    });
    return b;
  }

  function setup() {
    var card = document.querySelector("dl.report-meta[data-cite-head]");
    if (!card || card.getAttribute("data-cite-ready")) return;
    card.setAttribute("data-cite-ready", "1");
    var head = card.getAttribute("data-cite-head");
    var url = card.getAttribute("data-cite-url");

    var status = document.createElement("p");
    status.id = "cite-status";
    status.className = "cite-status";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    card.parentNode.insertBefore(status, card.nextSibling);

    var whole = card.querySelector(".cite-text");
    if (whole) {
      whole.parentNode.appendChild(button("复制整篇报告的引用", function () { return head + ". " + url; }));
    }
    var paragraphs = document.querySelectorAll(".md-content [data-n][id]");
    Array.prototype.forEach.call(paragraphs, function (el) {
      var n = el.getAttribute("data-n");
      var anchor = el.id;
      el.appendChild(button("复制第" + n + "段的引用", function () {
        return head + ": 第" + n + "段. " + url + "#" + anchor;
      }));
    });
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(setup);  // Material's instant navigation: every page view
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
