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

  // A text of the catalogue (status.json's "text", in the editor's language) with its
  // {name} placeholders replaced by the given nodes or strings.
  function fill(template, values) {
    return template.split(/(\{[a-z]+\})/).filter(Boolean).map(function (part) {
      var name = part.charAt(0) === "{" ? part.slice(1, -1) : null;
      return name && Object.prototype.hasOwnProperty.call(values, name) ? values[name] : part;
    });
  }

  function problemItem(text, problem) {
    var where;
    if (problem.path) {
      var file = el("code", {"class": "preview-overlay__file"}, [problem.path]);
      where = problem.line
        ? fill(text.file, {path: file, line: el("code", {"class": "preview-overlay__line"},
                                                  [String(problem.line)])})
        : fill(text.file_only, {path: file});
    } else {
      where = [text.build];
    }
    var children = [
      el("p", {"class": "preview-overlay__where"}, where),
      el("p", {"class": "preview-overlay__message"}, [problem.message])
    ];
    if (problem.type) {
      children.push(el("p", {}, [el("a", {"href": "/_preview/fields/" + problem.type + "/",
        "class": "preview-overlay__fields", "target": "_blank", "rel": "noopener"},
        fill(text.fields, {type: problem.type}))]));
    }
    return el("li", {"class": "preview-overlay__problem"}, children);
  }

  function show(now) {
    var text = now.text, problems = now.problems;
    var close = el("button", {"type": "button", "class": "preview-overlay__close"}, [text.close]);
    var dialog = el("dialog", {
      "class": "preview-overlay", "role": "alertdialog", "lang": now.lang,
      "aria-labelledby": "preview-overlay-title", "aria-describedby": "preview-overlay-intro"
    }, [
      close,
      el("h2", {"id": "preview-overlay-title"}, [text.title]),
      el("div", {"id": "preview-overlay-intro"}, [el("p", {}, [text.intro])]),
      el("ol", {"class": "preview-overlay__list"}, problems.map(function (problem) {
        return problemItem(text, problem);
      }))
    ]);
    var reopen = el("button", {"type": "button", "class": "preview-overlay__reopen",
      "lang": now.lang, "hidden": ""}, [text.reopen]);
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
        if (!now.ok) { show(now); waitForFix(); }
      })
      .catch(function () { /* the preview server stopped: nothing to show */ });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", check);
  } else {
    check();
  }
})();
