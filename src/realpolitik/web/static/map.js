// The map: clicking a marker (or a place's row) lists that place's events under the same
// filter, from /api/events?at=KEY. Everything is written with textContent, never as HTML:
// place names, evidence and actors come from documents.
"use strict";
(function () {
  var filter = JSON.parse(document.getElementById("map-filter").textContent);
  var back = JSON.parse(document.getElementById("map-back").textContent);
  var panel = document.getElementById("place-events");
  var LIMIT = 200;

  function text(tag, value, cls) {
    var el = document.createElement(tag);
    el.textContent = value === null || value === undefined ? "" : String(value);
    if (cls) { el.className = cls; }
    return el;
  }

  function docLink(e) {
    return "/documents/" + encodeURIComponent(e.document_id) + "?sentence=" + e.sentence +
      "&event=" + encodeURIComponent(e.id) + "&back=" + encodeURIComponent(back) +
      "#s-" + e.sentence;
  }

  function render(name, rows, total) {
    panel.replaceChildren();
    panel.appendChild(text("h2", name));
    panel.appendChild(text("p", total + " events" + (total > rows.length ?
      " (the newest " + rows.length + " shown)" : ""), "summary"));
    var table = document.createElement("table");
    table.className = "rows";
    table.id = "place-event-table";
    var head = document.createElement("tr");
    ["date", "source", "event", "target", "place basis", "evidence"].forEach(function (h) {
      head.appendChild(text("th", h));
    });
    table.appendChild(head);
    rows.forEach(function (e) {
      var tr = document.createElement("tr");
      tr.appendChild(text("td", e.date_start || "", "nowrap"));
      tr.appendChild(text("td", e.source_actor || e.source_country || e.source_text || ""));
      var what = document.createElement("td");
      what.appendChild(text("span", e.code, "code q" + e.quad_class));
      tr.appendChild(what);
      tr.appendChild(text("td", e.target_actor || e.target_country || e.target_text || ""));
      var basis = text("td", (e.place_basis || "").replace(/_/g, " "));
      if (e.place_text) { basis.appendChild(text("span", " \u201c" + e.place_text + "\u201d", "meta")); }
      if (e.place_basis_text) { basis.title = e.place_basis_text; }
      tr.appendChild(basis);
      var ev = document.createElement("td");
      ev.className = "evidence-cell";
      var a = text("a", e.evidence, "open-doc");
      a.href = docLink(e);
      ev.appendChild(a);
      tr.appendChild(ev);
      table.appendChild(tr);
    });
    panel.appendChild(table);
  }

  function show(key, name) {
    var params = new URLSearchParams(filter);
    params.set("at", key);
    params.set("limit", String(LIMIT));
    document.querySelectorAll("#place-table tr.chosen").forEach(function (r) { r.classList.remove("chosen"); });
    document.querySelectorAll("#place-table tr").forEach(function (r) {
      if (r.dataset.key === key) { r.classList.add("chosen"); }
    });
    panel.replaceChildren(text("p", "Loading the events at " + name + "\u2026", "muted"));
    fetch("/api/events?" + params.toString(), {headers: {Accept: "application/json"}})
      .then(function (r) {
        return r.json().then(function (body) {
          if (!r.ok) { throw new Error(body.error ? body.error.message : r.statusText); }
          render(name, body, Number(r.headers.get("X-Total-Count") || body.length));
        });
      })
      .catch(function (err) { panel.replaceChildren(text("p", String(err.message || err), "error")); });
  }

  document.querySelectorAll("button.show-place").forEach(function (b) {
    b.addEventListener("click", function () { show(b.dataset.key, b.dataset.name); });
  });
  var names = {};
  document.querySelectorAll("button.show-place").forEach(function (b) { names[b.dataset.key] = b.dataset.name; });
  var map = document.getElementById("place-map");
  function hook() {
    if (map && map.on) {
      map.on("plotly_click", function (ev) {
        var pt = ev && ev.points && ev.points[0];
        if (pt && pt.customdata !== undefined) { show(String(pt.customdata), names[pt.customdata] || String(pt.customdata)); }
      });
    } else if (map) { setTimeout(hook, 50); }
  }
  hook();
})();
