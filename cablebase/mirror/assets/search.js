// The mirror's search page: Pagefind's browser search over the mirror's own files.
// A query in the address (?q=words, as the site's search box sends it) runs at once.
(function () {
  "use strict";
  window.addEventListener("DOMContentLoaded", function () {
    var root = new URL("../", document.location.href).pathname;
    var ui = new PagefindUI({
      element: "#pagefind-search",
      baseUrl: root,
      bundlePath: root + "pagefind/",
      showSubResults: true,
      resetStyles: false
    });
    // Pagefind labels its box with a title only; the page's visible <label> names it.
    var box = document.getElementById("pagefind-search");
    var tie = function () {
      var input = box.querySelector("input");
      if (input) { input.id = "mirror-q"; }
      return Boolean(input);
    };
    if (!tie()) {
      new MutationObserver(function (_, seen) { if (tie()) { seen.disconnect(); } })
        .observe(box, {childList: true, subtree: true});
    }
    var q = new URLSearchParams(document.location.search).get("q");
    if (q) { ui.triggerSearch(q); }
  });
})();
