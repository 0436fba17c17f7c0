// The header's menu button (progressive enhancement): without JavaScript the menu is simply
// shown; with it, narrow screens fold the menu behind a disclosure button (aria-expanded).
(function () {
  "use strict";
  var header = document.querySelector("[data-menu]");
  if (!header) return;
  var button = header.querySelector(".menu-toggle");
  var menu = document.getElementById(button ? button.getAttribute("aria-controls") : "");
  if (!button || !menu) return;

  function setOpen(open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    header.classList.toggle("site-header--open", open);
  }

  button.hidden = false;
  header.classList.add("site-header--collapsible");
  setOpen(false);
  button.addEventListener("click", function () {
    setOpen(button.getAttribute("aria-expanded") !== "true");
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape" && button.getAttribute("aria-expanded") === "true") {
      setOpen(false);
      button.focus();
    }
  });
})();
