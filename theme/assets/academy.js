/* The Academy: "Back to the Academy (with filters)" brings the visitor back to the catalogue as
 * they left it.
 *
 * The catalogue keeps its filters in its query string (filters.js). When the visitor follows
 * an offer's link from the catalogue, the link carries that query string along; on the offer
 * page, the back link takes it back to the catalogue. Nothing is stored anywhere: the filters
 * travel only in the two addresses. Without this script the back link opens the catalogue
 * unfiltered (without the script there are no filters either).
 */
(function () {
  "use strict";

  // The whole address, never pathname + search: opened as //evil.example/academy/...
  // (which servers that merge slashes answer), a path of '//evil.example/...' written back
  // as an href is an address on evil.example.

  // On the catalogue: an offer's link gets the filters at the moment it is followed.
  function carry(event) {
    var link = event.target.closest && event.target.closest("[data-facets-entry] a[href]");
    // A link to the other language's page (an untranslated offer, marked with hreflang) goes
    // without: its catalogue names the same filters in its own language.
    if (!link || !location.search || link.hasAttribute("hreflang")) return;
    var url = new URL(link.getAttribute("href"), location.href);
    if (url.origin !== location.origin) return;
    url.search = location.search;
    link.setAttribute("href", url.href);
  }
  if (document.querySelector("form[data-facets]")) {
    document.addEventListener("click", carry, true);
    document.addEventListener("auxclick", carry, true); // opened in a new tab
  }

  // On an offer page: the back link takes the filters the offer page was opened with.
  document.querySelectorAll("a[data-academy-back]").forEach(function (back) {
    if (!location.search) return;
    var url = new URL(back.getAttribute("href"), location.href);
    if (url.origin !== location.origin) return;
    url.search = location.search;
    back.setAttribute("href", url.href);
  });
})();
