/* The shared filter component (markup contract: core/facets.py).
   Progressive enhancement: without this script the form stays hidden and every entry shows.
   Within a facet ticked options are alternatives; facets and the text filter combine. The
   query string mirrors the form, so links can be shared, reload keeps the state and Back
   undoes the last ticked box. */
(function () {
  "use strict";
  var form = document.querySelector("form[data-facets]");
  if (!form) return;

  var text = form.querySelector("[data-facets-text]");
  var status = form.querySelector("[data-facets-status]");
  var fold = form.querySelector("[data-facets-fold]");
  var active = form.querySelector("[data-facets-active]");
  var facets = Array.prototype.map.call(form.querySelectorAll("fieldset[data-facet]"), function (set) {
    return { name: set.getAttribute("data-facet"),
             boxes: Array.prototype.slice.call(set.querySelectorAll("input[type=checkbox]")) };
  });
  var nodes = Array.prototype.slice.call(document.querySelectorAll("[data-facets-entry]"));
  var groups = Array.prototype.slice.call(document.querySelectorAll("[data-facets-group]"));

  // One record per entry id: an entry shown in two groups counts once.
  var entries = {};
  nodes.forEach(function (node) {
    var id = node.getAttribute("data-facets-entry");
    if (entries[id]) { entries[id].nodes.push(node); return; }
    var values = {};
    facets.forEach(function (facet) {
      var raw = node.getAttribute("data-facet-" + facet.name) || "";
      values[facet.name] = raw.split(" ").filter(Boolean);
    });
    entries[id] = { values: values, text: node.getAttribute("data-facets-text") || "", nodes: [node] };
  });
  var ids = Object.keys(entries);

  function plain(value) {
    return value.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "")
      .split(/\s+/).filter(Boolean);
  }

  function selection() {
    var chosen = {};
    facets.forEach(function (facet) {
      chosen[facet.name] = facet.boxes.filter(function (b) { return b.checked; })
        .map(function (b) { return b.value; });
    });
    return chosen;
  }

  function passes(entry, chosen, words, skip) {
    for (var name in chosen) {
      if (name === skip || chosen[name].length === 0) continue;
      if (!chosen[name].some(function (v) { return entry.values[name].indexOf(v) !== -1; })) return false;
    }
    return words.every(function (w) { return entry.text.indexOf(w) !== -1; });
  }

  function update() {
    var chosen = selection();
    var words = plain(text.value);
    var shown = 0;
    ids.forEach(function (id) {
      var entry = entries[id];
      var visible = passes(entry, chosen, words, null);
      if (visible) shown += 1;
      entry.nodes.forEach(function (node) { node.hidden = !visible; });
    });
    groups.forEach(function (group) {
      // A group standing for one option hides while other options of its facet are ticked.
      var facet = group.getAttribute("data-facets-group-facet");
      var ticked = facet && chosen[facet] ? chosen[facet] : [];
      var excluded = ticked.length > 0 && ticked.indexOf(group.getAttribute("data-facets-group-value")) === -1;
      group.hidden = excluded || !group.querySelector("[data-facets-entry]:not([hidden])");
    });
    // Count per option: the entries there would be with that option ticked as well.
    facets.forEach(function (facet) {
      var base = ids.filter(function (id) { return passes(entries[id], chosen, words, facet.name); });
      facet.boxes.forEach(function (box) {
        var n = base.filter(function (id) { return entries[id].values[facet.name].indexOf(box.value) !== -1; }).length;
        box.parentNode.querySelector("[data-facets-count]").textContent = String(n);
        // Never disable a ticked box (it could not be unticked) or the one in focus (focus would be lost).
        box.disabled = n === 0 && !box.checked && box !== document.activeElement;
      });
    });
    if (active) {
      var ticked = form.querySelectorAll("[data-facet] input:checked").length;
      active.textContent = ticked ? "(" + active.getAttribute("data-text").replace("{n}", ticked) + ")" : "";
    }
    var key = shown === 0 ? "data-none" : shown === 1 ? "data-one" : "data-many";
    var message = status.getAttribute(key).replace("{n}", shown).replace("{total}", ids.length);
    if (status.textContent !== message) status.textContent = message;
  }

  function toQuery() {
    var params = new URLSearchParams();
    if (text.value.trim()) params.append("q", text.value.trim());
    facets.forEach(function (facet) {
      facet.boxes.forEach(function (box) { if (box.checked) params.append(facet.name, box.value); });
    });
    var query = params.toString();
    return location.pathname + (query ? "?" + query : "") + location.hash;
  }

  function fromQuery() {
    var params = new URLSearchParams(location.search);
    text.value = params.get("q") || "";
    facets.forEach(function (facet) {
      var wanted = params.getAll(facet.name);
      facet.boxes.forEach(function (box) { box.checked = wanted.indexOf(box.value) !== -1; });
    });
  }

  var typing = null;
  form.addEventListener("change", function (event) {
    if (event.target === text) return;
    update();
    history.pushState(null, "", toQuery());
  });
  text.addEventListener("input", function () {
    // Filter, announce and record once typing pauses, so a screen reader is not flooded.
    clearTimeout(typing);
    typing = setTimeout(function () {
      update();
      history.replaceState(null, "", toQuery());
    }, 250);
  });
  // A box kept enabled while it had focus gets its proper state once focus moves on.
  form.addEventListener("focusout", function (event) {
    if (event.target.type === "checkbox") setTimeout(update, 0);
  });
  // The list follows every keystroke and tick already; the submit button (or Enter) takes the
  // visitor to the first result shown, which on a phone is screens below the filters.
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    update();
    var first = document.querySelector("[data-facets-entry]:not([hidden])");
    if (first) first.scrollIntoView({block: "start"});
  });
  form.addEventListener("reset", function () {
    // After the browser has reset the controls.
    setTimeout(function () {
      update();
      history.pushState(null, "", toQuery());
      text.focus();
    }, 0);
  });
  window.addEventListener("popstate", function () { fromQuery(); update(); });

  fromQuery();
  form.hidden = false;
  // Phones: the options fold behind one summary, so the first results are in view.
  if (fold && window.matchMedia("(max-width: 44.9375em)").matches) fold.open = false;
  update();
})();
