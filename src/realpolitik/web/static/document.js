// The document view: clicking a marked word shows the records behind it. Everything is
// written with textContent, never as HTML: the records hold text from the document.
"use strict";
(function () {
  var records = JSON.parse(document.getElementById("mark-records").textContent);
  var selected = JSON.parse(document.getElementById("selected-mark").textContent);
  var panel = document.getElementById("record");
  var kindNames = {event: "Event", mention: "Actor mention", date: "Date expression",
                   relation: "Relation", figure: "Figure",
                   place: "Place"};

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value;
    if (cls) { el.className = cls; }
    return el;
  }

  function show(ids) {
    panel.replaceChildren();
    ids.forEach(function (id) {
      var mark = records[id];
      if (!mark) { return; }
      var box = document.createElement("section");
      box.className = "rec k-" + mark.kind;
      box.dataset.mark = id;
      box.appendChild(text("h3", kindNames[mark.kind] + ": " + mark.label));
      var dl = document.createElement("dl");
      Object.keys(mark.record).forEach(function (key) {
        var v = mark.record[key];
        if (v === null || v === "" || v === undefined) { return; }
        dl.appendChild(text("dt", key.replace(/_/g, " ")));
        dl.appendChild(text("dd", typeof v === "boolean" ? (v ? "yes" : "no") : String(v)));
      });
      box.appendChild(dl);
      panel.appendChild(box);
    });
  }

  function marksOf(el) { return (el.dataset.marks || "").split(" ").filter(Boolean); }

  document.getElementById("doc-text").addEventListener("click", function (ev) {
    var el = ev.target.closest(".mk");
    if (!el) { return; }
    document.querySelectorAll(".mk.chosen").forEach(function (c) { c.classList.remove("chosen"); });
    el.classList.add("chosen");
    show(marksOf(el));
  });
  document.getElementById("doc-text").addEventListener("keydown", function (ev) {
    if (ev.key === "Enter" && ev.target.classList.contains("mk")) { ev.target.click(); }
  });
  document.querySelectorAll(".kind-toggle").forEach(function (box) {
    box.addEventListener("change", function () {
      document.getElementById("doc-text").classList.toggle("hide-" + box.value, !box.checked);
    });
  });
  if (selected && records[selected]) {
    var first = null;
    document.querySelectorAll(".mk").forEach(function (el) {
      if (!first && marksOf(el).indexOf(selected) >= 0) { first = el; }
    });
    if (first) { first.classList.add("chosen"); }
    show([selected]);
  }
  var focus = document.querySelector(".evidence-focus");
  if (focus) { focus.scrollIntoView({block: "center"}); }
})();
