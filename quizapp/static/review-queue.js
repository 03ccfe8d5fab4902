/* The review queue in place: Accept, Reject and saving an edit update the item where it is,
   without reloading or moving the page; keys J/K move between items, A accepts, R rejects and
   E edits the item that has the focus, Escape closes the editor. Without this script every
   button is a plain form that returns to the same view of the queue, at the next item. */
(function () {
  "use strict";
  var list = document.querySelector(".review-queue");
  if (!list || !window.fetch || !window.FormData) { return; }
  var token = document.querySelector('meta[name="csrf-token"]').getAttribute("content");
  var said = document.getElementById("review-said");
  var hint = document.getElementById("review-keys");
  var TEXT_INPUTS = /^(text|search|email|url|tel|password|number|date|time|datetime-local|month|week)$/;
  if (hint) { hint.hidden = false; }

  function say(text) { if (said) { said.textContent = text; } }

  function typingIn(element) {
    if (!element) { return false; }
    if (element.isContentEditable || /^(TEXTAREA|SELECT)$/.test(element.tagName)) { return true; }
    return element.tagName === "INPUT" && TEXT_INPUTS.test(element.type || "text");
  }

  function items() { return Array.prototype.slice.call(list.querySelectorAll(":scope > li.item")); }

  function current() {
    var active = document.activeElement;
    return active && active.closest ? active.closest(".review-queue > li.item") : null;
  }

  function firstInView() {
    var all = items();
    for (var i = 0; i < all.length; i += 1) {
      if (all[i].getBoundingClientRect().bottom > 0) { return all[i]; }
    }
    return all[0] || null;
  }

  function focusItem(item, scroll) {
    if (!item) { return; }
    item.focus({preventScroll: true});
    if (scroll) { item.scrollIntoView({block: "nearest"}); }
  }

  function post(url, body, accept) {
    return fetch(url, {
      method: "POST", body: body, credentials: "same-origin",
      headers: {"Accept": accept, "X-CSRFToken": token}
    });
  }

  /* Put the server's new rendering of an item in place of the old one, keeping the scroll. */
  function replaceItem(old, html) {
    var y = window.scrollY;
    var holder = document.createElement("ol");
    holder.innerHTML = html.trim();
    var fresh = holder.firstElementChild;
    old.replaceWith(fresh);
    window.scrollTo(window.scrollX, y);
    return fresh;
  }

  function showCounts(body) {
    var counts = document.getElementById("counts");
    var makeQuiz = document.getElementById("make-quiz");
    if (counts) { counts.textContent = body.counts; }
    if (makeQuiz) {
      makeQuiz.textContent = body.make_quiz;
      makeQuiz.disabled = !body.accepted;
    }
  }

  /* After an action: show the item as it now is and move on to the next one. */
  function done(item, body, scroll) {
    var fresh = replaceItem(item, body.html);
    showCounts(body);
    say(body.message);
    focusItem(fresh.nextElementSibling || fresh, scroll);
  }

  function failed(item, text) {
    say(text);
    item.classList.remove("busy");
  }

  function act(form, scroll) {
    var item = form.closest("li.item");
    if (!item || item.classList.contains("busy")) { return; }
    item.classList.add("busy");
    post(form.action, new FormData(form), "application/json").then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) { done(item, body, scroll); } else { failed(item, body.error || "Not saved."); }
      });
    }).catch(function () { failed(item, "Not saved: no connection. Try again."); });
  }

  function closeEditor(item) {
    var slot = item.querySelector(":scope > .item-editor-slot");
    if (slot) { slot.remove(); }
    item.classList.remove("editing");
    focusItem(item, true);
  }

  function focusFirstField(slot) {
    var field = slot.querySelector(".has-error input, .has-error textarea, input:not([type=hidden]), textarea");
    if (field) { field.focus(); }
  }

  function openEditor(link) {
    var item = link.closest("li.item");
    if (!item || item.classList.contains("editing")) { return; }
    var url = new URL(link.href, window.location.href);
    url.searchParams.set("fragment", "1");
    fetch(url.toString(), {credentials: "same-origin", headers: {"Accept": "text/html"}})
      .then(function (response) {
        if (!response.ok) { throw new Error(String(response.status)); }
        return response.text();
      })
      .then(function (html) {
        var slot = document.createElement("div");
        slot.className = "item-editor-slot";
        slot.innerHTML = html;
        item.appendChild(slot);
        item.classList.add("editing");
        focusFirstField(slot);
        say("Editing the item. Saving also accepts it.");
      })
      .catch(function () { window.location.assign(link.href); });
  }

  function saveEdit(form) {
    var item = form.closest("li.item");
    var slot = form.closest(".item-editor-slot");
    post(form.action, new FormData(form), "application/json").then(function (response) {
      return response.json().then(function (body) {
        if (response.ok) {
          done(item, body, true);
        } else if (body.html) {
          slot.innerHTML = body.html;
          focusFirstField(slot);
          say(body.error);
        } else {
          say(body.error || "Not saved.");
        }
      });
    }).catch(function () { say("Not saved: no connection. Try again."); });
  }

  list.addEventListener("submit", function (event) {
    var form = event.target;
    if (form.classList.contains("item-action")) {
      event.preventDefault();
      act(form, false);
    } else if (form.closest(".item-editor-slot")) {
      event.preventDefault();
      saveEdit(form);
    }
  });

  // Escape closes an open editor, asking first when something in it was changed.
  list.addEventListener("input", function (event) {
    var slot = event.target.closest(".item-editor-slot");
    if (slot) { slot.dataset.changed = "1"; }
  });

  list.addEventListener("keydown", function (event) {
    var slot = event.key === "Escape" && event.target.closest(".item-editor-slot");
    if (!slot) { return; }
    event.preventDefault();
    if (slot.dataset.changed && !window.confirm("Discard your changes to this item?")) { return; }
    closeEditor(slot.closest("li.item"));
    say("Edit closed; nothing was saved.");
  });

  list.addEventListener("click", function (event) {
    var link = event.target.closest("a.item-edit, a.edit-cancel");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) { return; }
    event.preventDefault();
    if (link.classList.contains("edit-cancel")) { closeEditor(link.closest("li.item")); } else { openEditor(link); }
  });

  function actionForm(item, verb) {
    return item.querySelector(':scope > .actions form.item-action[data-verb="' + verb + '"]');
  }

  var KEYS = {
    j: function (item) { focusItem(item ? item.nextElementSibling || item : firstInView(), true); },
    k: function (item) { focusItem(item ? item.previousElementSibling || item : firstInView(), true); },
    a: function (item) { keyAction(item, "accept", "This item is already accepted."); },
    r: function (item) { keyAction(item, "reject", "Only items still to review can be rejected."); },
    e: function (item) {
      var link = item && item.querySelector(":scope > .actions a.item-edit");
      if (link) { openEditor(link); } else if (item) { say("Accepted items are edited in the bank."); }
    }
  };

  function keyAction(item, verb, refused) {
    if (!item) { say("Press J to choose an item first."); return; }
    var form = actionForm(item, verb);
    if (form) { act(form, true); } else { say(refused); }
  }

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typingIn(event.target)) { return; }
    var handler = KEYS[event.key.length === 1 ? event.key.toLowerCase() : ""];
    if (!handler) { return; }
    var item = current();
    if (item && item.classList.contains("editing")) { return; }
    event.preventDefault();
    handler(item);
  });
}());
