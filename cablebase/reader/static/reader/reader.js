// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";
  // Copy buttons for the share block (hidden unless the Clipboard API is there).
  if (navigator.clipboard) {
    document.querySelectorAll("button.copy-btn").forEach(function (btn) {
      btn.hidden = false;
      btn.addEventListener("click", function () {
        var field = document.getElementById(btn.dataset.copy);
        navigator.clipboard.writeText(field.value).then(function () {
          var label = btn.textContent;
          btn.textContent = "Copied";
          setTimeout(function () { btn.textContent = label; }, 1500);
        });
      });
    });
  }
  // On a phone the search facets come after the results, folded: the results are what
  // the reader came for. Without this script they stay open (and still come after).
  var narrow = window.matchMedia("(max-width: 52rem)");
  document.querySelectorAll("details[data-fold-narrow]").forEach(function (el) {
    if (narrow.matches) { el.open = false; }
  });
  // Select the whole field on focus so keyboard users can copy at once.
  document.querySelectorAll("input.copy, textarea.copy").forEach(function (el) {
    el.addEventListener("focus", function () { el.select(); });
  });
})();
