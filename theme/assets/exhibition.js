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

  /* Show each group's "nothing here" line only when none of its stops is visible; while a
     town or region is chosen, the line speaks of that place ("In Utrecht is nog niets
     gepland"), never of the whole tour. */
  function updateEmpty(calendar, place) {
    calendar.querySelectorAll("[data-group]").forEach(function (group) {
      var visible = group.querySelectorAll("[data-stop]:not([hidden])").length;
      var empty = group.querySelector("[data-empty]");
      if (!empty) { return; }
      var template = empty.getAttribute("data-empty-in");
      if (template) {  /* only the full calendar's lines, which are plain text */
        if (!empty.hasAttribute("data-empty-all")) {
          empty.setAttribute("data-empty-all", empty.textContent);
        }
        empty.textContent = place ? template.replace("{what}", place)
          : empty.getAttribute("data-empty-all");
      }
      empty.hidden = visible > 0;
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
    updateEmpty(calendar, "");
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

  /* The in-place filter. The choice lives in the address (?plaats=utrecht, ?regio=...,
     in English ?city= and ?region=): restored on load, and the back button walks through
     earlier choices. Without this script the links open one page per town or region. */
  function enableFilter(calendar) {
    var links = Array.prototype.slice.call(document.querySelectorAll("a[data-filter-kind]"));
    var status = document.querySelector("[data-filter-status]");

    function apply(link, announce) {
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
      updateEmpty(calendar, kind === "all" ? "" : link.textContent.trim());
      if (status && announce) {
        var template = status.getAttribute(kind === "all" ? "data-all-template" : "data-count-template");
        status.textContent = (template || "").replace("{n}", count)
          .replace("{what}", link.textContent.trim());
      }
    }

    /* The link the address asks for: ?plaats=utrecht finds the town link "utrecht". */
    function fromAddress() {
      var query = new URLSearchParams(window.location.search);
      var chosen = links.filter(function (link) {
        var param = link.getAttribute("data-filter-param");
        return param && query.get(param) === link.getAttribute("data-filter-value");
      })[0];
      return chosen || links.filter(function (link) {
        return link.getAttribute("data-filter-kind") === "all";
      })[0];
    }

    function addressOf(link) {
      var param = link.getAttribute("data-filter-param");
      var url = new URL(window.location.href);
      url.search = "";
      if (param) { url.searchParams.set(param, link.getAttribute("data-filter-value")); }
      return url.pathname + url.search + url.hash;
    }

    links.forEach(function (link) {
      link.addEventListener("click", function (event) {
        event.preventDefault();
        apply(link, true);
        var target = addressOf(link);
        if (target !== window.location.pathname + window.location.search + window.location.hash) {
          window.history.pushState(null, "", target);
        }
      });
    });
    window.addEventListener("popstate", function () {
      var link = fromAddress();
      if (link) { apply(link, true); }
    });
    var initial = fromAddress();
    if (initial && initial.getAttribute("data-filter-kind") !== "all") { apply(initial, true); }
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
