// Where the keyboard starts when a page loads: on the first field the server refused, so a
// corrected form is one keystroke away; else on the element the address points at (#main
// after a flashcard is rated: a screen reader goes on from the next card, not from the menu);
// else on the region a page marks with data-focus-on-load (its first heading when it has one),
// such as the question a quiz moved to.
(function () {
  "use strict";

  function pointedAt() {
    var id = window.location.hash.slice(1);
    try { id = decodeURIComponent(id); } catch (error) { return null; }  // "#%E0" names nothing
    var element = id && document.getElementById(id);
    if (element && !element.hasAttribute("tabindex")) { element.setAttribute("tabindex", "-1"); }
    return element;
  }

  function start() {
    var target = document.querySelector('[aria-invalid="true"]') || pointedAt();
    if (!target) {
      var region = document.querySelector("[data-focus-on-load]");
      if (!region) return;
      target = region.querySelector("h1, h2, h3") || region;
      if (!target.hasAttribute("tabindex")) target.setAttribute("tabindex", "-1");
    }
    target.focus();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
