// The HTML report's only script, inlined (html_assets.cc.in). It reads the page and never data from
// anywhere else: sortable tables, the map's fit / actual size toggle. Without it the report still
// reads top to bottom, already sorted.
(function () {
  "use strict";

  function cellValue(row, index, numeric) {
    var cell = row.cells[index];
    var raw = cell.getAttribute("data-value");
    if (raw === null) raw = cell.textContent;
    if (!numeric) return raw.trim().toLowerCase();
    var n = parseFloat(raw);
    return isNaN(n) ? Infinity : n;  // "not assessed" sorts after every score
  }

  function sortTable(table, header) {
    var headers = table.tHead.rows[0].cells;
    var index = Array.prototype.indexOf.call(headers, header);
    var numeric = header.getAttribute("data-sort") === "number";
    var ascending = header.getAttribute("aria-sort") !== "ascending";
    for (var i = 0; i < headers.length; i++) headers[i].removeAttribute("aria-sort");
    header.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = cellValue(a, index, numeric), y = cellValue(b, index, numeric);
      var order = x < y ? -1 : x > y ? 1 : 0;
      return ascending ? order : -order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
  }

  document.querySelectorAll("table.sortable th[data-sort]").forEach(function (header) {
    header.tabIndex = 0;
    var table = header.closest("table");
    header.addEventListener("click", function () { sortTable(table, header); });
    header.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); sortTable(table, header); }
    });
  });

  var frame = document.querySelector("#map .map-frame");  // the report's map, not a whatif section's
  document.querySelectorAll(".map-tools button").forEach(function (button) {
    button.addEventListener("click", function () {
      var actual = button.getAttribute("data-size") === "actual";
      frame.classList.toggle("actual", actual);
      document.querySelectorAll(".map-tools button").forEach(function (b) {
        b.setAttribute("aria-pressed", String(b === button));
      });
    });
  });
  // Graphviz gives table cells a link so that their tooltips show; they lead nowhere.
  if (frame) frame.addEventListener("click", function (event) {
    var link = event.target.closest("a");
    if (link) event.preventDefault();
  });

  document.body.setAttribute("data-ready", "true");  // the Chromium test checks the script ran
})();
