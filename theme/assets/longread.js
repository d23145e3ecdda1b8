/* The Longread: reading progress, copy-the-link, and open the story before printing.
   Progressive enhancement: without this script the story, its content warning (a native
   details element) and the link field all work; only the progress bar and the copy button
   are missing. Nothing here moves focus. */
(function () {
  "use strict";

  var text = document.getElementById("story-text");

  /* Reading progress: how much of the story has scrolled past, as a bar at the top. */
  var bar = document.querySelector(".reading-progress");
  if (bar && text) {
    var fill = bar.querySelector(".reading-progress__bar");
    var update = function () {
      var rect = text.getBoundingClientRect();
      var total = rect.height - window.innerHeight;
      var done = total > 0 ? -rect.top / total : (rect.bottom <= window.innerHeight ? 1 : 0);
      done = Math.min(1, Math.max(0, done));
      fill.style.transform = "scaleX(" + done.toFixed(3) + ")";
      bar.setAttribute("data-progress", String(Math.round(done * 100)));
    };
    bar.hidden = false;
    window.addEventListener("scroll", update, { passive: true });
    window.addEventListener("resize", update);
    text.addEventListener("toggle", update);
    update();
  }

  /* Share: copy the link with the clipboard API; the field stays as the fallback. */
  var button = document.querySelector(".story-share__copy");
  var field = document.getElementById("story-share-url");
  var status = document.querySelector(".story-share__status");
  if (button && field && status && navigator.clipboard && window.isSecureContext) {
    button.hidden = false;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(field.value).then(function () {
        status.textContent = button.getAttribute("data-done");
      }, function () {
        status.textContent = button.getAttribute("data-failed");
        field.select();
      });
    });
  }
  if (field) {
    field.addEventListener("focus", function () { field.select(); });
  }

  /* A story behind a content warning prints whole: whoever prints it has chosen to read it. */
  window.addEventListener("beforeprint", function () {
    if (text && text.tagName === "DETAILS") { text.open = true; }
  });
})();
