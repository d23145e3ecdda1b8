/* The preview's error overlay (build.py serve only; never part of a published site).
 *
 * After every reload the page asks /_preview/status.json how the last build went. When it
 * failed, a modal alert dialog lists each problem (file, line, message, and a link to the
 * field reference of the file's content type) over the last page that did build. Escape or
 * the close button hides it; a button in the corner opens it again. Once the content is fixed
 * the live-reload script (or the overlay's own check of the status) reloads the page, the
 * status is fine, and no overlay appears.
 */
(function () {
  "use strict";

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function problemItem(problem) {
    var where = [];
    if (problem.path) {
      where.push("File ", el("code", {"class": "preview-overlay__file"}, [problem.path]));
      if (problem.line) {
        where.push(", line ", el("code", {"class": "preview-overlay__line"}, [String(problem.line)]));
      }
    } else {
      where.push("The build itself");
    }
    var children = [
      el("p", {"class": "preview-overlay__where"}, where),
      el("p", {"class": "preview-overlay__message"}, [problem.message])
    ];
    if (problem.type) {
      children.push(el("p", {}, [el("a", {"href": "/_preview/fields/" + problem.type + "/",
        "class": "preview-overlay__fields", "target": "_blank", "rel": "noopener"},
        ["Fields of the type \u2018" + problem.type + "\u2019 (opens in a new tab)"])]));
    }
    return el("li", {"class": "preview-overlay__problem"}, children);
  }

  function show(problems) {
    var count = problems.length + (problems.length === 1 ? " problem" : " problems");
    var close = el("button", {"type": "button", "class": "preview-overlay__close"}, ["Close"]);
    var dialog = el("dialog", {
      "class": "preview-overlay", "role": "alertdialog", "lang": "en",
      "aria-labelledby": "preview-overlay-title", "aria-describedby": "preview-overlay-intro"
    }, [
      close,
      el("h2", {"id": "preview-overlay-title"}, ["The preview is not up to date: " + count]),
      el("div", {"id": "preview-overlay-intro"}, [
        el("p", {}, ["Your last change could not be built. Below is the last version that " +
          "did build. Fix what is listed, save the file, and this page reloads by itself."]),
        el("p", {"lang": "nl"}, ["Je laatste wijziging kon niet worden gebouwd. Herstel wat " +
          "hieronder staat en sla het bestand op; de pagina laadt dan vanzelf opnieuw."])
      ]),
      el("ol", {"class": "preview-overlay__list"}, problems.map(problemItem))
    ]);
    var reopen = el("button", {"type": "button", "class": "preview-overlay__reopen",
      "lang": "en", "hidden": ""}, ["Preview not up to date: show " + count]);
    close.addEventListener("click", function () { dialog.close(); });
    dialog.addEventListener("close", function () { reopen.hidden = false; reopen.focus(); });
    reopen.addEventListener("click", function () { reopen.hidden = true; dialog.showModal(); });
    document.body.appendChild(dialog);
    document.body.appendChild(reopen);
    dialog.showModal();
  }

  function status() {
    return fetch("/_preview/status.json", {cache: "no-store"})
      .then(function (response) { return response.json(); });
  }

  // While problems are shown, ask again now and then: a page the last good site does not have
  // (a 404 answer) carries no live-reload script, so this reload is its only way back.
  function waitForFix() {
    setTimeout(function () {
      status().then(function (now) {
        if (now.ok) { location.reload(); } else { waitForFix(); }
      }).catch(function () { /* the preview server stopped */ });
    }, 1500);
  }

  function check() {
    status()
      .then(function (now) {
        if (!now.ok) { show(now.problems); waitForFix(); }
      })
      .catch(function () { /* the preview server stopped: nothing to show */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check);
  } else {
    check();
  }
})();
