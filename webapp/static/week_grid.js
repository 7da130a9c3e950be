// Week grid: press on a cell and drag to paint (or unpaint) 30-minute cells; the checkboxes still post the values,
// so the form works without this script. Loaded with <script src> because the CSP forbids inline scripts.
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
  document.addEventListener("click", function (event) {
    // A mouse click was already handled on mousedown; keyboard toggles (detail 0) keep their default.
    if (cellInput(event.target) && event.detail > 0) { event.preventDefault(); }
  });
}());
