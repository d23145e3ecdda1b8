/* Site search, as you type. The header form works on its own (it opens the search page);
   this script loads lunr, the language's stemmer and the first part of the prebuilt index of
   this page's language (search/<lang>/head.json: titles, keywords, tags) only when the
   search box gets focus, then the shards of the words typed (search-query.js ``Shards``,
   core/search/parts.py), and shows results in a WAI-ARIA combobox.
   On the search page it also fills in the full result list (?q=...&section=...).
   Nothing leaves the device: the index is a file of this site and queries stay in the page. */
(function () {
  "use strict";

  var form = document.getElementById("site-search");
  if (!form) return;
  var input = document.getElementById("site-search-q");
  var listbox = document.getElementById("site-search-listbox");
  var status = document.getElementById("site-search-status");
  var lang = form.getAttribute("data-lang");
  // The language root, from the index's address (search/<lang>.json sits right under it).
  var indexUrl = new URL(form.getAttribute("data-index"), document.baseURI).href;
  var root = indexUrl.slice(0, indexUrl.lastIndexOf("/search/") + 1);
  // The parts the browser fetches sit next to it: search/<lang>.json -> search/<lang>/.
  var partsUrl = indexUrl.replace(/\.json$/, "/");
  var MAX_OPTIONS = 8;
  var loading = null;  // the promise of {index, docs, query}, once started
  var active = -1;     // index of the highlighted option, -1 for none
  var current = [];    // the results shown in the listbox

  function text(name, n) {
    return (form.getAttribute("data-text-" + name) || "").replace("{n}", n).replace("{q}", n);
  }

  function countText(n) { return n === 0 ? text("none") : n === 1 ? text("one") : text("results", n); }

  // What the count says, and what the typo was taken for ("Results for: mensenhandel").
  function statusText(found) {
    var count = countText(found.results.length);
    return found.corrected ? text("corrected", found.corrected) + ". " + count : count;
  }

  // Scripts in order (async=false keeps the order), the index fetched at the same time.
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = src;
      s.async = false;
      s.onload = resolve;
      s.onerror = reject;
      document.head.appendChild(s);
    });
  }

  function fetchPart(path) {
    return fetch(partsUrl + path, {credentials: "same-origin"})
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .catch(function (e) { var failed = new Error(String(e)); failed.fetchFailed = true; throw failed; });
  }

  function load() {
    if (loading) return loading;
    var scripts = form.getAttribute("data-scripts").split(/\s+/).filter(Boolean);
    loading = Promise.all([fetchPart("head.json")].concat(scripts.map(loadScript))).then(function (done) {
      var query = window.SiteSearchQuery, shards = new query.Shards(done[0], fetchPart);
      return {shards: shards, docs: shards.docs, query: query};
    });
    loading.catch(function () { loading = null; });  // a later keystroke may try again
    return loading;
  }

  /* A promise of what ``q`` finds (typos forgiven, search-query.js ``find``), once the
     shards of its words are in; a failed fetch rejects. */
  function lookup(engine, q) {
    return engine.shards.find(q).catch(function (e) {
      if (e && e.fetchFailed) throw e;  // a part did not arrive: the visitor is told
      return {results: [], fuzzy: []};  // never an error for the visitor: no results instead
    });
  }

  /* {results, corrected}: the results of ``found`` (``lookup``) in ``facet`` and, when a word
     was taken for another, the words searched for instead. */
  function run(engine, q, facet, found) {
    var corrected = null, query = engine.query, index = engine.shards.index;
    try {
      if (found.fuzzy.length) {
        corrected = query.rewrite(index, engine.docs, q, lang,
                                  query.corrections(found.results, found.fuzzy, lang));
      }
    } catch (e) {
      found = {results: []};  // never an error for the visitor: no results instead
    }
    var results = found.results.map(function (r) {
      var doc = engine.docs[r.ref];
      return {doc: doc, terms: Object.keys(r.matchData.metadata)};
    }).filter(function (r) { return !facet || r.doc.facet === facet; });
    return {results: results, corrected: corrected};
  }

  // Text with the matched words in <mark>, built as nodes (never innerHTML of index data).
  function marked(engine, parent, value, terms) {
    engine.query.highlight(value, terms, lang).forEach(function (part) {
      if (part.mark) {
        var m = document.createElement("mark");
        m.textContent = part.text;
        parent.appendChild(m);
      } else {
        parent.appendChild(document.createTextNode(part.text));
      }
    });
  }

  function resultContent(engine, el, r, titleTag) {
    var section = document.createElement("span");
    section.className = "search-result__section";
    section.textContent = r.doc.section;
    var title = document.createElement(titleTag);
    title.className = "search-result__title";
    if (r.doc.lang) title.setAttribute("lang", r.doc.lang);  // an item not translated yet
    marked(engine, title, r.doc.title, r.terms);
    var summary = document.createElement("span");
    summary.className = "search-result__summary";
    marked(engine, summary, r.doc.summary, r.terms);
    if (r.doc.lang) summary.setAttribute("lang", r.doc.lang);
    el.appendChild(section);
    el.appendChild(title);
    if (r.doc.lang) {
      var note = document.createElement("span");
      note.className = "search-result__language";
      note.textContent = " " + text("foreign");
      el.appendChild(note);
    }
    el.appendChild(summary);
  }

  function urlOf(doc) { return new URL(doc.url, root).href; }

  /* ---- The header combobox ---- */
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-controls", listbox.id);
  input.setAttribute("aria-expanded", "false");

  function close() {
    listbox.hidden = true;
    listbox.textContent = "";
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
    current = [];
  }

  function setActive(i) {
    var options = listbox.querySelectorAll("[role=option]");
    if (!options.length) return;
    active = (i + options.length) % options.length;
    options.forEach(function (o, j) { o.setAttribute("aria-selected", j === active ? "true" : "false"); });
    input.setAttribute("aria-activedescendant", options[active].id);
    options[active].scrollIntoView({block: "nearest"});
  }

  function show(engine, q, looked) {
    var found = run(engine, q, "", looked), results = found.results;
    listbox.textContent = "";
    active = -1;
    input.removeAttribute("aria-activedescendant");
    current = results.slice(0, MAX_OPTIONS);
    current.forEach(function (r, i) {
      var li = document.createElement("li");
      li.id = "site-search-option-" + i;
      li.className = "search-result";
      li.setAttribute("role", "option");
      li.setAttribute("aria-selected", "false");
      resultContent(engine, li, r, "span");
      // mousedown, not click: the field keeps focus, so the listbox is still there on click.
      li.addEventListener("mousedown", function (e) { e.preventDefault(); });
      li.addEventListener("click", function () { window.location.href = urlOf(r.doc); });
      listbox.appendChild(li);
    });
    var open = current.length > 0;
    listbox.hidden = !open;
    input.setAttribute("aria-expanded", open ? "true" : "false");
    status.textContent = statusText(found);
    form.setAttribute("data-results", String(results.length));  // for tests and benchmarks
  }

  function update() {
    var q = input.value;
    if (!q.trim()) { close(); status.textContent = ""; return; }
    load().then(function (engine) {
      return lookup(engine, q).then(function (found) {
        if (input.value === q) show(engine, q, found);  // a later keystroke has its own turn
      });
    }).catch(function () {
      if (input.value !== q) return;  // as with results: a later keystroke has its own turn
      close();
      status.textContent = text("error");
    });
  }

  input.addEventListener("input", update);
  // Focus in the box is the start of a search: fetch now, so the first result is ready sooner.
  input.addEventListener("focus", function () {
    if (input.value.trim()) update(); else load().catch(function () {});
  });
  input.addEventListener("blur", function () { setTimeout(close, 150); });
  input.addEventListener("keydown", function (e) {
    var open = !listbox.hidden;
    if (e.key === "ArrowDown") {
      e.preventDefault();
      if (open) setActive(active + 1); else update();
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      if (open) setActive(active - 1);
    } else if (e.key === "Enter" && open && active >= 0) {
      e.preventDefault();
      window.location.href = urlOf(current[active].doc);
    } else if (e.key === "Escape") {
      if (open) { e.preventDefault(); close(); }
      else if (input.value) { e.preventDefault(); input.value = ""; status.textContent = ""; }
    }
  });

  // "/" anywhere but in a text field jumps to the search box.
  document.addEventListener("keydown", function (e) {
    if (e.key !== "/" || e.ctrlKey || e.altKey || e.metaKey) return;
    var t = e.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    e.preventDefault();
    input.focus();
  });

  /* ---- The search page: full result list, ?q= and the section filter ---- */
  var page = document.getElementById("search-page");
  if (!page) return;
  var pageInput = document.getElementById("search-page-q");
  var pageSection = document.getElementById("search-page-section");
  var pageStatus = document.getElementById("search-page-status");
  var pageList = document.getElementById("search-page-results");
  var nojs = document.getElementById("search-nojs");
  var pageEmpty = document.getElementById("search-page-empty");
  var pageSuggestion = document.getElementById("search-page-suggestion");
  var pageSuggestionLink = document.getElementById("search-page-suggestion-link");
  if (nojs) nojs.hidden = true;
  var params = new URLSearchParams(window.location.search);
  pageInput.value = params.get("q") || "";
  pageSection.value = params.get("section") || "";
  if (pageSection.selectedIndex < 0) pageSection.value = "";

  function renderPage() {
    var q = pageInput.value, facet = pageSection.value;
    var url = new URL(window.location.href);
    if (q) url.searchParams.set("q", q); else url.searchParams.delete("q");
    if (facet) url.searchParams.set("section", facet); else url.searchParams.delete("section");
    window.history.replaceState(null, "", url.toString());
    pageEmpty.hidden = true;
    if (!q.trim()) { pageList.hidden = true; pageList.textContent = ""; pageStatus.textContent = ""; return; }
    pageStatus.textContent = text("loading");
    load().then(function (engine) {
      return lookup(engine, q).then(function (looked) { return [engine, looked]; });
    }).then(function (both) {
      var engine = both[0];
      if (pageInput.value !== q || pageSection.value !== facet) return;
      var found = run(engine, q, facet, both[1]), results = found.results;
      pageList.textContent = "";
      results.forEach(function (r) {
        var li = document.createElement("li");
        li.className = "search-result";
        var a = document.createElement("a");
        a.href = urlOf(r.doc);
        resultContent(engine, a, r, "strong");
        li.appendChild(a);
        pageList.appendChild(li);
      });
      pageList.hidden = results.length === 0;
      pageStatus.textContent = statusText(found);
      page.setAttribute("data-results", String(results.length));
      if (!results.length) showEmpty(engine, q);
    }, function () {
      if (pageInput.value !== q || pageSection.value !== facet) return;
      pageStatus.textContent = text("error");
    });
  }

  /* Nothing found: a word from the index the visitor may have meant, the overviews to browse
     and the way to help (the page holds them, hidden until now). */
  function showEmpty(engine, q) {
    var suggestion = null;
    try {
      suggestion = engine.query.suggest(engine.shards.index, engine.docs, q, lang);
    } catch (e) {
      suggestion = null;
    }
    pageSuggestion.hidden = suggestion === null;
    if (suggestion !== null) {
      var url = new URL(window.location.href);
      url.searchParams.set("q", suggestion);
      pageSuggestionLink.href = url.toString();
      pageSuggestionLink.textContent = suggestion;
    }
    pageEmpty.hidden = false;
  }

  // The suggestion searches in place: no page load, no new entry in the browser's history.
  pageSuggestionLink.addEventListener("click", function (e) {
    e.preventDefault();
    pageInput.value = pageSuggestionLink.textContent;
    renderPage();
    pageInput.focus();
  });

  page.addEventListener("submit", function (e) { e.preventDefault(); renderPage(); });
  pageInput.addEventListener("input", renderPage);
  pageSection.addEventListener("change", renderPage);
  if (pageInput.value) renderPage();
})();
