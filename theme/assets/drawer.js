/* Material opens its navigation drawer (narrow screens, or zoomed in) with a <label> for a
   hidden checkbox, which a keyboard cannot reach. Put a real button in its place; without
   JavaScript the label stays and works for mouse and touch. */
(function () {
  "use strict";
  var toggle = document.getElementById("__drawer");
  var label = document.querySelector('.md-header label[for="__drawer"]');
  var drawer = document.querySelector(".md-sidebar--primary");
  if (!toggle || !label || !drawer) return;
  drawer.id = drawer.id || "site-drawer";
  var button = document.createElement("button");
  button.type = "button";
  button.className = "md-header__button md-icon site-menu-button";
  var name = label.textContent.trim() || "Menu";  // the label's visually hidden text
  button.setAttribute("aria-controls", drawer.id);
  button.innerHTML = label.innerHTML;  // the theme's own menu icon and the hidden name
  button.setAttribute("aria-label", name);
  label.parentNode.insertBefore(button, label);
  label.hidden = true;

  function sync() { button.setAttribute("aria-expanded", toggle.checked ? "true" : "false"); }
  sync();
  toggle.addEventListener("change", sync);
  button.addEventListener("click", function () { toggle.click(); });  // Material listens to "change"
  // Escape closes the open drawer and puts focus back on its button.
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape" && toggle.checked) { toggle.click(); button.focus(); }
  });
})();
