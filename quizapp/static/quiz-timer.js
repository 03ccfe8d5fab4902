// Count down to the attempt's deadline and send the quiz form when the time is up.
(function () {
  "use strict";
  var clock = document.getElementById("time-left");
  var form = document.getElementById("quiz-form");
  if (!clock || !form) { return; }
  var deadline = Date.parse(clock.dataset.deadline);
  var sent = false;
  function tick() {
    var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
    var minutes = Math.floor(left / 60), seconds = left % 60;
    clock.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
    if (left === 0 && !sent) { sent = true; form.submit(); return; }
    if (left > 0) { window.setTimeout(tick, 1000); }
  }
  tick();
}());
