// The network's date slider: moving it picks a month; letting go redraws the graph as of
// the end of that month.
"use strict";
(function () {
  var slider = document.getElementById("date-slider");
  if (!slider) { return; }
  var months = JSON.parse(document.getElementById("slider-months").textContent);
  var input = document.getElementById("as-of");
  var label = document.getElementById("slider-label");
  function endOf(month) {
    var d = new Date(month + "T00:00:00Z");
    d.setUTCMonth(d.getUTCMonth() + 1);
    d.setUTCDate(0);
    return d.toISOString().slice(0, 10);
  }
  if (input.value) {
    var at = months.findIndex(function (m) { return m.slice(0, 7) === input.value.slice(0, 7); });
    if (at >= 0) { slider.value = String(at); }
  }
  slider.addEventListener("input", function () { label.textContent = endOf(months[+slider.value]); });
  slider.addEventListener("change", function () {
    input.value = endOf(months[+slider.value]);
    document.getElementById("network-form").submit();
  });
})();
