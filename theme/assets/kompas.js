/* The Kompas in the browser: print buttons, and the self-assessment checklist.
 *
 * Privacy: ticks are kept in sessionStorage, under the key in the list's data-checklist
 * attribute: they survive a reload in the same tab and are gone when the tab closes. Only when
 * the visitor ticks "keep my ticks on this device" do they move to localStorage (same key), and
 * "clear all ticks" removes them from both. Nothing is ever sent. The privacy page
 * (content/pages/privacy.md) names this key; keep the two in step. Without this script the
 * checklist is a plain list that prints with empty boxes, and the print buttons stay hidden.
 *
 * Below the list, the advice section shows, for each point not ticked, its theme and the
 * instruments that help. "Clear all ticks" asks first, in a modal <dialog> (keyboard: Tab
 * between the two buttons, Escape or "Cancel" keeps the ticks); asking stores nothing.
 */
(function () {
  "use strict";

  var TEXTS = {
    nl: {status: "{n} van {total} punten afgevinkt", reset: "Wis alle vinkjes",
         cleared: "Alle vinkjes zijn gewist, ook van dit apparaat.",
         keep: "Bewaar mijn vinkjes op dit apparaat",
         kept: "Je vinkjes blijven op dit apparaat bewaard, tot je ze wist.",
         session: "Je vinkjes blijven alleen bewaard tot je dit tabblad sluit.",
         confirm: "Alle {n} vinkjes wissen? Dat kun je niet ongedaan maken.",
         confirmYes: "Ja, wis alle vinkjes", confirmNo: "Annuleren",
         kept_ticks: "Je vinkjes zijn niet gewist."},
    en: {status: "{n} of {total} points ticked", reset: "Clear all ticks",
         cleared: "All ticks have been cleared, also from this device.",
         keep: "Keep my ticks on this device",
         kept: "Your ticks are kept on this device until you clear them.",
         session: "Your ticks are kept only until you close this tab.",
         confirm: "Clear all {n} ticks? This cannot be undone.",
         confirmYes: "Yes, clear all ticks", confirmNo: "Cancel",
         kept_ticks: "Your ticks have not been cleared."}
  };
  var lang = (document.documentElement.lang || "nl").slice(0, 2);
  var text = TEXTS[lang] || TEXTS.nl;

  function storage(name) {
    try {
      return window[name]; // reading the property throws where storage is blocked
    } catch (error) {
      return null;
    }
  }

  function read(store, key) {
    try {
      var value = JSON.parse((store && store.getItem(key)) || "{}");
      return value && typeof value === "object" ? value : {};
    } catch (error) {
      return {}; // storage blocked or damaged: start empty, the page still works
    }
  }

  function write(store, key, state) {
    try {
      if (store) store.setItem(key, JSON.stringify(state));
    } catch (error) { /* private mode without storage: ticks last until the page closes */ }
  }

  function remove(store, key) {
    try {
      if (store) store.removeItem(key);
    } catch (error) { /* nothing stored */ }
  }

  function printButtons() {
    document.querySelectorAll("[data-kompas-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  }

  function checklist(root) {
    var key = root.getAttribute("data-checklist");
    var local = storage("localStorage");
    var session = storage("sessionStorage");
    // Kept on this device only if the visitor chose so before (the key is in localStorage).
    var kept = false;
    try { kept = !!(local && local.getItem(key) !== null); } catch (error) { kept = false; }
    var state = read(kept ? local : session, key);
    var status = root.querySelector("[data-checklist-status]");
    var boxes = [];

    function save() {
      write(kept ? local : session, key, state);
    }

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
        save();
        update();
      });
      boxes.push(box);
    });

    var advice = root.querySelector("[data-checklist-advice]");

    function showAdvice() {
      if (!advice) return;
      var open = 0;
      advice.querySelectorAll("[data-advice-for]").forEach(function (item) {
        var done = state[item.getAttribute("data-advice-for")] === true;
        item.hidden = done;
        if (!done) open += 1;
      });
      advice.querySelector("[data-advice-done]").hidden = open > 0;
      advice.hidden = false;
    }

    function ticked() {
      return boxes.filter(function (b) { return b.checked; }).length;
    }

    function update(message) {
      var line = text.status.replace("{n}", ticked()).replace("{total}", boxes.length);
      status.textContent = message ? message + " " + line : line;
      showAdvice();
    }

    var tools = root.querySelector("[data-checklist-tools]");
    var keepLabel = document.createElement("label");
    keepLabel.className = "kompas-checklist__keep";
    var keep = document.createElement("input");
    keep.type = "checkbox";
    keep.setAttribute("data-checklist-keep", "");
    keep.checked = kept;
    keepLabel.appendChild(keep);
    keepLabel.appendChild(document.createTextNode(" " + text.keep));
    keep.addEventListener("change", function () {
      // Move the ticks, never copy them: they are in exactly one of the two stores.
      remove(kept ? local : session, key);
      kept = keep.checked;
      save();
      update(kept ? text.kept : text.session);
    });

    var reset = document.createElement("button");
    reset.type = "button";
    reset.className = "button";
    reset.setAttribute("data-checklist-reset", "");
    reset.textContent = text.reset;
    function clearAll() {
      state = {};
      kept = false;
      keep.checked = false;
      remove(local, key);
      remove(session, key);
      boxes.forEach(function (b) { b.checked = false; });
      update(text.cleared);
    }

    // The question before clearing: a modal dialog, so focus stays in it and Escape closes it
    // (the browser does both); Cancel has focus first, as the safe choice.
    var dialog = document.createElement("dialog");
    dialog.className = "kompas-confirm";
    dialog.setAttribute("data-checklist-confirm", "");
    var question = document.createElement("p");
    question.id = key.replace(/[^a-z0-9-]/gi, "-") + "-confirm";
    dialog.setAttribute("aria-labelledby", question.id);
    var yes = document.createElement("button");
    yes.type = "button";
    yes.className = "md-button md-button--primary";
    yes.setAttribute("data-confirm-yes", "");
    yes.textContent = text.confirmYes;
    var no = document.createElement("button");
    no.type = "button";
    no.className = "md-button";
    no.setAttribute("data-confirm-no", "");
    no.textContent = text.confirmNo;
    no.autofocus = true;
    var buttons = document.createElement("p");
    buttons.className = "kompas-confirm__buttons";
    buttons.appendChild(yes);
    buttons.appendChild(document.createTextNode(" "));
    buttons.appendChild(no);
    dialog.appendChild(question);
    dialog.appendChild(buttons);
    yes.addEventListener("click", function () { dialog.close("yes"); });
    no.addEventListener("click", function () { dialog.close("no"); });
    dialog.addEventListener("close", function () {
      if (dialog.returnValue === "yes") clearAll(); else update(text.kept_ticks);
      dialog.returnValue = "";
      reset.focus();
    });

    reset.addEventListener("click", function () {
      if (ticked() === 0 && !kept) { clearAll(); return; } // nothing to lose: no question
      question.textContent = text.confirm.replace("{n}", ticked());
      dialog.returnValue = "";
      dialog.showModal();
    });
    tools.appendChild(keepLabel);
    tools.appendChild(document.createTextNode(" "));
    tools.appendChild(reset); // printing: the page's own print button (data-kompas-print)
    root.appendChild(dialog);
    tools.hidden = false;
    root.classList.add("kompas-checklist--live");
    update();
  }

  printButtons();
  document.querySelectorAll("[data-checklist]").forEach(checklist);
})();
