// Polls a solve job's status once a second and updates the page; reloads when the job ends.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "true") { return; }
  var url = box.dataset.statusUrl;
  function format(key, value) {
    if (value === undefined || value === null) { return "—"; }
    if (key === "coverage") { return (value * 100).toFixed(1) + "%"; }
    return String(value);
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        document.querySelectorAll("#job-progress [data-key]").forEach(function (cell) {
          cell.textContent = format(cell.dataset.key, job.progress[cell.dataset.key]);
        });
        if (job.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
