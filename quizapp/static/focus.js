// Where the keyboard starts when a page loads: on the first field the server refused, so a
// corrected form is one keystroke away; otherwise on the region a page marks with
// data-focus-on-load (its first heading when it has one), such as the question a quiz moved to.
(function () {
  "use strict";

  function start() {
    var target = document.querySelector('[aria-invalid="true"]');
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
