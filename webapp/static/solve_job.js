// Polls a solve job's status once a second and updates the page (the server words every fact); reloads when it ends.
(function () {
  "use strict";
  var box = document.getElementById("job");
  if (!box || box.dataset.finished === "true") { return; }
  var url = box.dataset.statusUrl;
  var status = document.getElementById("job-status");
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (response) { return response.json(); })
      .then(function (job) {
        status.textContent = job.status_label;
        status.dataset.status = job.status;
        document.querySelectorAll("#job-progress [data-key]").forEach(function (cell) {
          var text = job.facts[cell.dataset.key];
          if (text !== undefined) { cell.textContent = text; }
        });
        if (job.finished) { window.location.reload(); } else { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  window.setTimeout(poll, 500);
})();
