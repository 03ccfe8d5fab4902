// Before a quiz is submitted, warn about questions left blank, on this page and (as last saved)
// on the quiz's other pages, by their numbers in the quiz; the student may still send it.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form) { return; }

  function isAnswered(section) {
    var controls = section.querySelectorAll("input, select, textarea");
    for (var i = 0; i < controls.length; i++) {
      var control = controls[i];
      if (control.name.indexOf("flag-") === 0) { continue; }
      if (control.type === "radio" || control.type === "checkbox") {
        if (control.checked) { return true; }
      } else if (control.value.trim() !== "") {
        return true;
      }
    }
    return false;
  }

  form.addEventListener("submit", function (event) {
    if (form.dataset.timeUp || (event.submitter && event.submitter.id !== "submit-quiz")) { return; }
    var blank = [];
    var here = {};
    form.querySelectorAll("section.question").forEach(function (section) {
      var number = Number(section.id.replace("question-", ""));
      here[number] = true;
      if (!isAnswered(section)) { blank.push(number); }
    });
    document.querySelectorAll("#navigator [data-number]").forEach(function (item) {
      var number = Number(item.dataset.number);  // a question on another page, as last saved
      if (!here[number] && item.dataset.answered !== "1") { blank.push(number); }
    });
    blank.sort(function (a, b) { return a - b; });
    if (blank.length === 0) { return; }
    var noun = blank.length === 1 ? "Question " : "Questions ";
    var message = noun + blank.join(", ") + " " + (blank.length === 1 ? "has" : "have") +
      " no answer. Submit anyway?";
    if (!window.confirm(message)) { event.preventDefault(); }
  });
}());
