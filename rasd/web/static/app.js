// Small helpers for the pages. This script never builds HTML from strings: it only reads files into the
// textarea (as text) and toggles classes on elements the server rendered.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // A chosen file is read into the textarea when it is text, so it can be checked before analyzing.
  var file = document.getElementById("file");
  var text = document.getElementById("text");
  if (file && text) {
    file.addEventListener("change", function () {
      var f = file.files && file.files[0];
      if (!f || f.size > 5 * 1024 * 1024) return;
      // Only UTF-8 is shown here; other encodings (cp1256, ISO-8859-6, UTF-16) stay in the file input
      // and are decoded by the server, which detects them.
      f.arrayBuffer().then(function (buf) {
        try {
          text.value = new TextDecoder("utf-8", { fatal: true }).decode(buf);
          file.value = "";
        } catch (e) { /* not UTF-8: leave it to the server */ }
      });
    });
  }

  // Pointing at an entity (in the text or the list) lights up all its mentions and its row.
  var article = document.getElementById("article");
  if (!article) return;
  var lit = [];
  function clear() { lit.forEach(function (el) { el.classList.remove("lit", "focus"); }); lit = []; }
  function light(id) {
    clear();
    if (!id) return;
    document.querySelectorAll('[data-entity="' + CSS.escape(id) + '"]').forEach(function (el) {
      el.classList.add(el.tagName === "TR" ? "focus" : "lit");
      lit.push(el);
    });
  }
  document.addEventListener("mouseover", function (ev) {
    var el = ev.target.closest && ev.target.closest("[data-entity]");
    if (el) light(el.getAttribute("data-entity")); else if (lit.length) clear();
  });
  // Clicking a mention in the text scrolls the list to the entity.
  article.addEventListener("click", function (ev) {
    var el = ev.target.closest && ev.target.closest("mark[data-entity]");
    if (!el) return;
    var row = document.querySelector('tr[data-entity="' + CSS.escape(el.getAttribute("data-entity")) + '"]');
    if (row) row.scrollIntoView({ block: "center", behavior: "smooth" });
  });
});
