/* Flashcard review with the keyboard: Space shows or hides the answer, 1-4 rate the card.
   Without this script the page still works: the answer is a <details> and each rating a button. */
(function () {
  "use strict";
  var form = document.getElementById("rating-form");
  var back = document.getElementById("card-back");
  if (!form || !back) { return; }
  var started = Date.now();
  var sent = false;

  function typingIn(element) {
    return element && (element.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(element.tagName));
  }

  function nativeSpace(element) {
    return element && /^(BUTTON|A|SUMMARY)$/.test(element.tagName);
  }

  form.addEventListener("submit", function () {
    form.elements.duration_ms.value = String(Date.now() - started);
  });

  document.addEventListener("keydown", function (event) {
    if (sent || event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) { return; }
    if (event.key === " " && !nativeSpace(event.target)) {
      event.preventDefault();
      back.open = !back.open;
      return;
    }
    var button = form.querySelector('button[data-key="' + event.key + '"]');
    if (button) {
      event.preventDefault();
      sent = true;
      button.click();
    }
  });
})();
