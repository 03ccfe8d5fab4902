// Save each question's answer to the server as it changes (after a pause in typing), so that
// nothing is lost when the page is left or the time runs out. Without this script the "Save"
// button does the same. Leaving the page sends the answers still waiting for their pause; it
// asks first only when one of them is too long to be sent while the page closes.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form || !window.fetch || !window.FormData) { return; }
  var status = document.getElementById("save-status");
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var timers = {};     // question id -> timer of a save waiting for a pause in typing
  var sent = {};       // question id -> the fields last sent, as text
  var unsafe = 0;      // saves under way that leaving the page would cut short
  var DELAY_MS = 800;
  var KEEPALIVE_LIMIT = 60000;  // a request outliving its page carries at most 64 kB

  function say(text) { if (status) { status.textContent = text; } }

  function fields(section) {
    var data = new FormData();
    data.append("question", section.dataset.question);
    section.querySelectorAll("input, select, textarea").forEach(function (control) {
      if (!control.name || control.disabled) { return; }
      if ((control.type === "radio" || control.type === "checkbox") && !control.checked) { return; }
      data.append(control.name, control.value);
    });
    return data;
  }

  function asText(data) {
    var parts = [];
    data.forEach(function (value, name) { parts.push(name + "=" + value); });
    return parts.join("&");
  }

  function refused(response) {
    return response.json().then(function (body) {
      say(body.reason === "time" ? "Time is up: this answer was not saved." :
          "This attempt is closed: the answer was not saved.");
    }, function () {
      say("Not saved: the server refused it. Reload the page, then use the Save button.");
    });
  }

  function save(section) {
    var data = fields(section);
    var text = asText(data);
    var keepalive = text.length < KEEPALIVE_LIMIT;
    sent[section.dataset.question] = text;
    if (!keepalive) { unsafe += 1; }
    return fetch(form.dataset.saveUrl, {
      method: "POST", body: data, credentials: "same-origin", keepalive: keepalive,
      headers: {"X-CSRFToken": token}
    }).then(function (response) {
      if (!keepalive) { unsafe -= 1; }
      if (response.ok) { say("Saved."); return; }
      return refused(response);
    }, function () {
      if (!keepalive) { unsafe -= 1; }
      say("Not saved (no connection). Use the Save button when you are back online.");
    });
  }

  function changed(event) {
    var section = event.target.closest("section[data-question]");
    if (!section) { return; }
    var key = section.dataset.question;
    if (!timers[key] && asText(fields(section)) === sent[key]) { return; }  // nothing new
    window.clearTimeout(timers[key]);
    say("Saving…");
    timers[key] = window.setTimeout(function () { timers[key] = null; save(section); }, DELAY_MS);
  }

  function sendWaiting() {
    Object.keys(timers).forEach(function (key) {
      if (!timers[key]) { return; }
      window.clearTimeout(timers[key]);
      timers[key] = null;
      save(form.querySelector('section[data-question="' + key + '"]'));
    });
  }

  form.querySelectorAll("section[data-question]").forEach(function (section) {
    sent[section.dataset.question] = asText(fields(section));  // what the page was given
  });
  form.addEventListener("input", changed);
  form.addEventListener("change", changed);
  form.addEventListener("submit", function () {
    Object.keys(timers).forEach(function (key) { window.clearTimeout(timers[key]); });
    timers = {};
    unsafe = 0;
  });
  window.addEventListener("beforeunload", function (event) {
    sendWaiting();
    if (unsafe > 0) { event.preventDefault(); event.returnValue = ""; }
  });
}());
