/* Quick exit. The #quick-exit link works on its own (a plain link); this script makes leaving
   faster and less traceable: the page is hidden at once and replaced in the history, so the
   Back button does not bring it back. Shift pressed N times within T ms does the same
   (N, T from the link's data-presses / data-within-ms). */
(function () {
  "use strict";

  var presses = [];  // times of the recent Shift presses

  function exitLink() { return document.getElementById("quick-exit"); }

  function leave() {
    var link = exitLink();
    if (!link) return;
    // Hide first: whoever looks at the screen must not see the page while the next one loads.
    // The class (site.css) hides the body; the inline style also holds if the CSS is missing.
    document.documentElement.classList.add("quick-exit-leaving");
    document.documentElement.style.display = "none";
    // Navigate only once that blank frame is painted: during a navigation browsers keep
    // showing the last painted frame ("paint holding") until the next site has drawn.
    var url = link.href, gone = false;
    function go() {
      if (gone) return;
      gone = true;
      window.location.replace(url);  // replace: the Back button does not return here
    }
    requestAnimationFrame(function () { setTimeout(go, 0); });
    setTimeout(go, 100);  // requestAnimationFrame does not run in a hidden tab
  }

  function isTyping(el) {
    if (!el || el.nodeType !== 1) return false;
    return el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName);
  }

  // Delegated, so it keeps working if the header is ever re-rendered.
  document.addEventListener("click", function (event) {
    var link = event.target.closest && event.target.closest("#quick-exit");
    if (!link) return;
    event.preventDefault();  // also on Ctrl/Cmd/Shift-click: never leave this site open in a tab
    leave();
  });

  document.addEventListener("keydown", function (event) {
    var link = exitLink();
    if (!link) return;
    // Any other key, a held-down Shift, or Shift as part of a chord (Alt+Shift switches the
    // keyboard layout) breaks the sequence.
    if (event.key !== "Shift" || event.repeat || event.ctrlKey || event.altKey || event.metaKey) {
      presses = [];
      return;
    }
    if (isTyping(event.target) || isTyping(document.activeElement)) {
      presses = [];  // Shift while typing text is capitals, not a request to leave
      return;
    }
    var needed = parseInt(link.getAttribute("data-presses"), 10) || 3;
    var within = parseInt(link.getAttribute("data-within-ms"), 10) || 2000;
    var now = Date.now();
    presses = presses.filter(function (t) { return now - t < within; });
    presses.push(now);
    if (presses.length >= needed) {
      presses = [];
      leave();
    }
  });

  // Restored from the back/forward cache: show the page again (it may have been hidden by
  // an exit) and start counting afresh; the listeners above are still attached.
  window.addEventListener("pageshow", function (event) {
    if (!event.persisted) return;
    presses = [];
    document.documentElement.classList.remove("quick-exit-leaving");
    document.documentElement.style.display = "";
  });
})();
