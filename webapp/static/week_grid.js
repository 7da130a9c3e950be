// Week grid: press on a cell and drag to paint (or unpaint) 30-minute cells; by keyboard, the arrow keys move
// between cells, Space toggles one and Shift+arrow paints the next cell like the current one. The checkboxes
// still post the values, so the form works without this script. Loaded with <script src> because the CSP
// forbids inline scripts.
(function () {
  "use strict";
  var painting = null; // true: checking cells, false: clearing them, null: mouse is up

  function cellInput(target) {
    return target && target.matches && target.matches("[data-week-grid] input[type=checkbox]") ? target : null;
  }

  document.addEventListener("mousedown", function (event) {
    var input = cellInput(event.target);
    if (!input || event.button !== 0) { return; }
    event.preventDefault();
    painting = !input.checked;
    input.checked = painting;
    input.focus();
  });
  document.addEventListener("mouseover", function (event) {
    var input = cellInput(event.target);
    if (input && painting !== null) { input.checked = painting; }
  });
  document.addEventListener("mouseup", function () { painting = null; });
  var STEPS = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
  document.addEventListener("keydown", function (event) {
    var input = cellInput(event.target);
    var step = STEPS[event.key];
    if (!input || !step) { return; }
    var cell = input.closest("td");
    var row = cell.parentElement;
    var rows = Array.prototype.slice.call(row.parentElement.children);
    var column = Array.prototype.indexOf.call(row.children, cell);
    var nextRow = rows[rows.indexOf(row) + step[0]];
    var next = nextRow && nextRow.children[column + step[1]];
    var target = next && next.querySelector("input[type=checkbox]");
    if (!target) { return; }
    event.preventDefault();
    if (event.shiftKey) { target.checked = input.checked; }
    target.focus();
  });
  document.addEventListener("click", function (event) {
    // A mouse click was already handled on mousedown; keyboard toggles (detail 0) keep their default.
    if (cellInput(event.target) && event.detail > 0) { event.preventDefault(); }
  });
}());
