// Draws every chart of a page from its JSON specification (script.chart-spec).
"use strict";
document.querySelectorAll("script.chart-spec").forEach(function (el) {
  var spec = JSON.parse(el.textContent);
  var target = document.getElementById(el.dataset.target);
  if (target && window.Plotly) {
    window.Plotly.newPlot(target, spec.data, spec.layout, {responsive: true, displaylogo: false,
      topojsonURL: "/static/"});
  }
});
