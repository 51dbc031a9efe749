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
  // The comment form lives at its own URL (the only page with a CSRF cookie), so the
  // cable page stays the same for every reader. With this script, "Leave a comment" and
  // "Comment on ¶N" load that form into the page; without it, the links lead there.
  // ?par=N is the cable's own paragraph N, the value of the form's paragraph choice.
  var slot = document.getElementById("comment-slot");
  function showForm(form, link) {
    var wanted = new URL(link.href).searchParams.get("par");
    var choice = form.querySelector("select[name=paragraph]");
    if (choice && wanted !== null) { choice.value = wanted; }
    form.scrollIntoView({block: "start"});
    var first = form.querySelector("input:not([type=hidden]):not([tabindex='-1']), select, textarea");
    (wanted !== null && choice ? choice : first).focus();
  }
  if (slot && window.fetch && window.DOMParser) {
    document.querySelectorAll("a[data-comment-form][href]").forEach(function (link) {
      link.addEventListener("click", function (event) {
        var loaded = slot.querySelector("form#comment-form");
        event.preventDefault();
        if (loaded) { showForm(loaded, link); return; }
        fetch(link.href.split("#")[0], {credentials: "same-origin"})
          .then(function (response) {
            if (!response.ok) { throw new Error(response.status); }
            return response.text();
          })
          .then(function (html) {
            var form = new DOMParser().parseFromString(html, "text/html")
              .querySelector("form#comment-form");
            if (!form) { throw new Error("no form"); }
            slot.replaceChildren(document.adoptNode(form));
            showForm(slot.querySelector("form#comment-form"), link);
          })
          .catch(function () { window.location.href = link.href; });
      });
    });
  }
  // Before paragraphs were named by the cable's own numbers, sub-heads counted: an old
  // link such as #par20 on a cable numbered to 13 names no paragraph now. A renumbered
  // cable's paragraphs list the old positions they hold (data-legacy="19-20"): such a link
  // goes there. #par5 where a ¶5 exists means the cable's ¶5, as on the 2010 cable viewer.
  function followOldFragment() {
    var wanted = /^#par(\d+)$/.exec(window.location.hash);
    if (!wanted || document.getElementById("par" + wanted[1])) { return; }
    var n = Number(wanted[1]);
    var held = document.querySelectorAll("div.par[data-legacy]");
    for (var i = 0; i < held.length; i++) {
      var range = held[i].getAttribute("data-legacy").split("-");
      if (n >= Number(range[0]) && n <= Number(range[1])) {
        window.location.replace("#" + held[i].id);
        return;
      }
    }
  }
  followOldFragment();
  window.addEventListener("hashchange", followOldFragment);
  // Select the whole field on focus so keyboard users can copy at once.
  document.querySelectorAll("input.copy, textarea.copy").forEach(function (el) {
    el.addEventListener("focus", function () { el.select(); });
  });
})();
