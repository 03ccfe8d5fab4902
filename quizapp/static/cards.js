/* Flashcard review with the keyboard: Space shows or hides the answer, 1-4 rate the card once
   its answer has been shown. Without this script the page still works: "Show answer" is a link
   to the same card with its answer and the rating buttons shown. */
(function () {
  "use strict";
  var form = document.getElementById("rating-form");
  var back = document.getElementById("card-back");
  var link = document.getElementById("show-answer");
  if (!form || !back) { return; }
  var started = Date.now();
  var sent = false;

  function typingIn(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function nativeSpace(element) {
    return element && /^(BUTTON|A|SUMMARY)$/.test(element.tagName) && element !== link;
  }

  function reveal() {
    back.hidden = false;
    form.hidden = false;
    form.elements.revealed.value = "1";
    Array.prototype.forEach.call(form.querySelectorAll("button[name=rating]"), function (button) {
      button.disabled = false;
    });
    if (link) { link.hidden = true; }
  }

  function toggle() {
    if (back.hidden) {
      reveal();
    } else {
      back.hidden = true;
      if (link) { link.hidden = false; }
    }
  }

  if (link) {
    link.addEventListener("click", function (event) {
      event.preventDefault();
      reveal();
    });
  }

  form.addEventListener("submit", function () {
    form.elements.duration_ms.value = String(Date.now() - started);
  });

  document.addEventListener("keydown", function (event) {
    if (sent || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) { return; }
    if (event.key === " " && !nativeSpace(event.target)) {
      event.preventDefault();
      toggle();
      return;
    }
    if (form.elements.revealed.value !== "1") { return; }
    var button = form.querySelector('button[data-key="' + event.key + '"]');
    if (button) {
      event.preventDefault();
      sent = true;
      button.click();
    }
  });
})();
