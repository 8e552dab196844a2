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
});
