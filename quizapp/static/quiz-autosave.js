// Save each question's answer to the server as it changes (after a pause in typing), so that
// nothing is lost when the page is left or the time runs out. Without this script the "Save"
// button does the same. Leaving with changes not yet saved asks first.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById("save-status");
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var timers = {};
  var unsaved = 0;
  var DELAY_MS = 800;

  function say(text) { if (status) { status.textContent = text; } }

  function save(section) {
    var data = new FormData();
    data.append("question", section.dataset.question);
    section.querySelectorAll("input, select, textarea").forEach(function (control) {
      if (!control.name || control.disabled) { return; }
      if ((control.type === "radio" || control.type === "checkbox") && !control.checked) { return; }
      data.append(control.name, control.value);
    });
    return fetch(form.dataset.saveUrl, {
      method: "POST", body: data, credentials: "same-origin", headers: {"X-CSRFToken": token}
    }).then(function (response) {
      unsaved = Math.max(0, unsaved - 1);
      if (response.ok) { say("Saved."); return; }
      return response.json().then(function (body) {
        say(body.reason === "time" ? "Time is up: this answer was not saved." :
            "This attempt is closed: the answer was not saved.");
      });
    }).catch(function () {
      unsaved = Math.max(0, unsaved - 1);
      say("Not saved (no connection). Use the Save button when you are back online.");
    });
  }

  function changed(event) {
    var section = event.target.closest("section[data-question]");
    if (!section) { return; }
    var key = section.dataset.question;
    if (!timers[key]) { unsaved += 1; }
    window.clearTimeout(timers[key]);
    say("Saving…");
    timers[key] = window.setTimeout(function () { timers[key] = null; save(section); }, DELAY_MS);
  }

  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () { unsaved = 0; });
  window.addEventListener("beforeunload", function (event) {
    if (unsaved > 0) { event.preventDefault(); event.returnValue = ""; }
  });
}());
