// A form with data-busy says so while its request runs (a publish takes seconds) and cannot be sent twice.
(function () {
  "use strict";
  document.querySelectorAll("form[data-busy]").forEach(function (form) {
    form.addEventListener("submit", function () {
      form.querySelectorAll("button").forEach(function (button) { button.disabled = true; });
      var status = form.querySelector(".busy");
      if (status) { status.textContent = form.dataset.busy; }
    });
  });
})();
