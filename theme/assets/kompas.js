/* The Kompas in the browser: print buttons, and the self-assessment checklist.
 *
 * The checklist's state stays in localStorage on this device, under the key in the list's
 * data-checklist attribute; nothing is ever sent. Without this script the checklist is a plain
 * list that prints with empty boxes, and the print buttons stay hidden.
 */
(function () {
  "use strict";

  var TEXTS = {
    nl: {status: "{n} van {total} punten afgevinkt", reset: "Wis alle vinkjes",
         cleared: "Alle vinkjes zijn gewist."},
    en: {status: "{n} of {total} points ticked", reset: "Clear all ticks",
         cleared: "All ticks have been cleared."}
  };
  var lang = (document.documentElement.lang || "nl").slice(0, 2);
  var text = TEXTS[lang] || TEXTS.nl;

  function read(key) {
    try {
      var value = JSON.parse(window.localStorage.getItem(key) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {}; // storage blocked or damaged: start empty, the page still works
    }
  }

  function write(key, state) {
    try {
      window.localStorage.setItem(key, JSON.stringify(state));
    } catch (error) { /* private mode without storage: ticks last until the page closes */ }
  }

  function printButtons() {
    document.querySelectorAll("[data-kompas-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function checklist(root) {
    var key = root.getAttribute("data-checklist");
    var state = read(key);
    var status = root.querySelector("[data-checklist-status]");
    var boxes = [];

    root.querySelectorAll("li[data-check]").forEach(function (item) {
      var id = item.getAttribute("data-check");
      var label = document.createElement("label");
      var box = document.createElement("input");
      box.type = "checkbox";
      box.value = id;
      box.checked = state[id] === true;
      label.className = "kompas-checklist__point";
      label.appendChild(box);
      var span = document.createElement("span");
      while (item.firstChild) span.appendChild(item.firstChild);
      label.appendChild(span);
      item.appendChild(label);
      box.addEventListener("change", function () {
        if (box.checked) state[id] = true; else delete state[id];
        write(key, state);
        update();
      });
      boxes.push(box);
    });

    function update(message) {
      var n = boxes.filter(function (b) { return b.checked; }).length;
      var line = text.status.replace("{n}", n).replace("{total}", boxes.length);
      status.textContent = message ? message + " " + line : line;
    }

    var tools = root.querySelector("[data-checklist-tools]");
    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "md-button";
    reset.setAttribute("data-checklist-reset", "");
    reset.textContent = text.reset;
    reset.addEventListener("click", function () {
      state = {};
      try { window.localStorage.removeItem(key); } catch (error) { /* nothing stored */ }
      boxes.forEach(function (b) { b.checked = false; });
      update(text.cleared);
    });
    tools.appendChild(reset); // printing: the page's own print button (data-kompas-print)
    tools.hidden = false;
    root.classList.add("kompas-checklist--live");
    update();
  }

  printButtons();
  document.querySelectorAll("[data-checklist]").forEach(checklist);
})();
