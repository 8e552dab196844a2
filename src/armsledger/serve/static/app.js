// armsledger dashboard: small progressive enhancements; every page works without this file.
"use strict";

document.addEventListener("DOMContentLoaded", function () {
  // Article page: the legend's checkboxes show or hide one kind of highlight.
  var body = document.getElementById("article-body");
  var legend = document.getElementById("legend");
  if (body && legend) {
    legend.addEventListener("change", function (event) {
      var box = event.target;
      if (box && box.dataset && box.dataset.kind) {
        body.classList.toggle("hide-k-" + box.dataset.kind, !box.checked);
      }
    });
  }
  // The first evidence sentence of a deal comes into view on an article page opened from the deal.
  var first = document.querySelector("#article-body .ev");
  if (first && first.scrollIntoView) {
    first.scrollIntoView({block: "center"});
  }
  reviewQueue(document.getElementById("review-queue"), document.getElementById("reviewer"));
});

// Review page: j/k move between items, a/r/c pick accept, reject or correct and put the cursor where the
// reason (or the corrected value) goes; Enter sends the decision, Esc goes back to the queue.
function reviewQueue(queue, reviewer) {
  if (!queue || !reviewer) {
    return;
  }
  var items = Array.prototype.slice.call(queue.querySelectorAll(".review-item"));
  var current = 0;
  function select(i) {
    if (!items.length) {
      return;
    }
    current = Math.max(0, Math.min(items.length - 1, i));
    items.forEach(function (item, n) {
      item.classList.toggle("current", n === current);
      if (n === current) { item.setAttribute("aria-current", "true"); } else { item.removeAttribute("aria-current"); }
    });
    items[current].focus({preventScroll: true});
    items[current].scrollIntoView({block: "nearest"});
  }
  function pick(action) {
    var form = items[current].querySelector("form.decide");
    form.dataset.action = action;
    form.querySelectorAll("button").forEach(function (b) { b.classList.toggle("pending", b.value === action); });
    if (!reviewer.value.trim()) {
      reviewer.focus();
      return;
    }
    var field = form.querySelector("select[name=field]");
    if (action !== "correct") {
      form.querySelector("input[name=why]").focus();
    } else if (field.value === "*") {
      field.focus();  // which field? (arrow keys), then Tab to the value
    } else {
      form.querySelector("input[name=value]").focus();
    }
  }
  queue.addEventListener("submit", function (event) {
    var form = event.target;
    if (!reviewer.value.trim()) {
      event.preventDefault();
      reviewer.focus();
      return;
    }
    form.querySelector("input[name=who]").value = reviewer.value.trim();
  });
  queue.addEventListener("keydown", function (event) {
    var form = event.target.form;
    if (event.key === "Enter" && form && form.dataset.action && /^(INPUT|SELECT)$/.test(event.target.tagName)) {
      event.preventDefault();
      if (form.reportValidity()) {
        form.requestSubmit(form.querySelector("button[value=" + form.dataset.action + "]"));
      }
    }
  });
  document.addEventListener("keydown", function (event) {
    var typing = /^(INPUT|SELECT|TEXTAREA)$/.test(event.target.tagName);
    if (event.key === "Escape" && typing) {
      event.target.blur();
      select(current);
      return;
    }
    if (typing || event.ctrlKey || event.metaKey || event.altKey || !items.length) {
      return;
    }
    var keys = {j: function () { select(current + 1); }, k: function () { select(current - 1); },
                a: function () { pick("accept"); }, r: function () { pick("reject"); }, c: function () { pick("correct"); }};
    if (keys[event.key]) {
      event.preventDefault();
      keys[event.key]();
    }
  });
  select(0);
}
