// Count down to the attempt's deadline (the server's) and send the quiz form when the time is
// up. Answers are saved as they change, so what reached the server in time counts either way.
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
    if (left === 0 && !sent) {
      sent = true;
      form.dataset.timeUp = "1";
      var button = document.getElementById("submit-quiz");
      if (button && form.requestSubmit) { form.requestSubmit(button); } else { form.submit(); }
      return;
    }
    window.setTimeout(tick, 1000);
  }
  tick();
}());
