/* Open je Ogen calendar: group the stops again with the visitor's own date, and filter the
   full calendar by town or region in place. Progressive enhancement: without this script the
   build's grouping and the plain filter links (one page per town or region) still work. */
(function () {
  "use strict";

  /* The visitor's date as YYYY-MM-DD in their own time zone: ISO dates compare as text. */
  function localIso(date) {
    function pad(n) { return (n < 10 ? "0" : "") + n; }
    return date.getFullYear() + "-" + pad(date.getMonth() + 1) + "-" + pad(date.getDate());
  }

  function groupOf(item, today) {
    /* Postponed, new date to follow: still to come on any day, never "past". */
    if (item.hasAttribute("data-awaiting")) { return "coming"; }
    if (today < item.getAttribute("data-first")) { return "coming"; }
    if (today > item.getAttribute("data-last")) { return "past"; }
    return "now";
  }

  function byDates(a, b) {
    var ka = a.getAttribute("data-first") + a.getAttribute("data-last");
    var kb = b.getAttribute("data-first") + b.getAttribute("data-last");
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  }

  /* Show each group's "nothing here" line only when none of its stops is visible. */
  function updateEmpty(calendar) {
    calendar.querySelectorAll("[data-group]").forEach(function (group) {
      var visible = group.querySelectorAll("[data-stop]:not([hidden])").length;
      var empty = group.querySelector("[data-empty]");
      if (empty) { empty.hidden = visible > 0; }
    });
  }

  function regroup(calendar, now) {
    var today = localIso(now);
    var lists = {};
    calendar.querySelectorAll("[data-group]").forEach(function (group) {
      lists[group.getAttribute("data-group")] = group.querySelector("ul");
    });
    var items = Array.prototype.slice.call(calendar.querySelectorAll("[data-stop]"));
    items.sort(byDates);
    var buckets = { now: [], coming: [], past: [] };
    items.forEach(function (item) { buckets[groupOf(item, today)].push(item); });
    buckets.past.reverse();  /* most recent first, as the build does */
    /* Stops awaiting new dates after those with dates, as the build does. */
    buckets.coming = buckets.coming.filter(function (i) { return !i.hasAttribute("data-awaiting"); })
      .concat(buckets.coming.filter(function (i) { return i.hasAttribute("data-awaiting"); }));
    Object.keys(buckets).forEach(function (name) {
      // A list that shows only some groups (the start page: now and coming) hides the rest.
      if (!lists[name]) {
        buckets[name].forEach(function (item) { item.hidden = true; });
        return;
      }
      buckets[name].forEach(function (item) { lists[name].appendChild(item); });
    });
    updateEmpty(calendar);
    calendar.setAttribute("data-today", today);
    var asof = calendar.querySelector("[data-calendar-asof]");
    var template = calendar.getAttribute("data-grouped-template");
    if (asof && template) {
      var lang = document.documentElement.lang || "nl";
      var label = new Intl.DateTimeFormat(lang, { day: "numeric", month: "long", year: "numeric" })
        .format(now);
      asof.textContent = template.replace("{date}", label);
    }
  }

  function enableFilter(calendar) {
    var links = document.querySelectorAll("a[data-filter-kind]");
    var status = document.querySelector("[data-filter-status]");
    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        var kind = link.getAttribute("data-filter-kind");
        var value = link.getAttribute("data-filter-value");
        var count = 0;
        calendar.querySelectorAll("[data-stop]").forEach(function (item) {
          var match = kind === "all" || item.getAttribute("data-" + kind) === value;
          item.hidden = !match;
          if (match) { count += 1; }
        });
        links.forEach(function (other) { other.removeAttribute("aria-current"); });
        link.setAttribute("aria-current", "true");
        updateEmpty(calendar);
        if (status) {
          var template = status.getAttribute(kind === "all" ? "data-all-template" : "data-count-template");
          status.textContent = (template || "").replace("{n}", count)
            .replace("{what}", link.textContent.trim());
        }
      });
    });
  }

  function init() {
    document.querySelectorAll("[data-calendar]").forEach(function (calendar) {
      regroup(calendar, new Date());
      if (calendar.hasAttribute("data-filterable")) { enableFilter(calendar); }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
