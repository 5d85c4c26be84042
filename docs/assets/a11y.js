/* 适老化 switches: 大字 (large text) and 高对比 (high contrast) buttons in the header, keyboard-operable (they are
   <button>s with aria-pressed), remembered across pages in localStorage. No network, no framework. */
(function () {
  "use strict";

  var OPTIONS = [
    { key: "large", className: "lm-large", label: "大字", title: "放大页面文字（再按一次恢复）" },
    { key: "contrast", className: "lm-contrast", label: "高对比", title: "黑白高对比显示（再按一次恢复）" }
  ];

  function saved(option) {
    try { return window.localStorage.getItem("lawmap." + option.key) === "1"; } catch (e) { return false; }
  }

  function save(option, on) {
    try {
      if (on) { window.localStorage.setItem("lawmap." + option.key, "1"); }
      else { window.localStorage.removeItem("lawmap." + option.key); }
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }

  function apply(option, on, button) {
    document.documentElement.classList.toggle(option.className, on);
    button.setAttribute("aria-pressed", on ? "true" : "false");
  }

  function makeButton(option) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "lm-a11y-toggle";
    button.id = "lm-a11y-" + option.key;
    button.textContent = option.label;
    button.title = option.title;
    apply(option, saved(option), button);
    button.addEventListener("click", function () {
      var on = button.getAttribute("aria-pressed") !== "true";
      apply(option, on, button);
      save(option, on);
    });
    return button;
  }

  function nameSearchDialog() {  // Material's search overlay has role=dialog but no name (axe aria-dialog-name)
    var dialog = document.querySelector(".md-search[role='dialog']");
    if (dialog && !dialog.getAttribute("aria-label")) { dialog.setAttribute("aria-label", "站内搜索"); }
  }

  function setUp() {
    nameSearchDialog();
    var header = document.querySelector(".md-header__inner");
    if (!header || document.querySelector(".lm-a11y")) { return; }
    var group = document.createElement("div");
    group.className = "lm-a11y";
    group.setAttribute("role", "group");
    group.setAttribute("aria-label", "阅读辅助");
    OPTIONS.forEach(function (option) { group.appendChild(makeButton(option)); });
    var search = header.querySelector(".md-search, label[for='__search']");
    header.insertBefore(group, search || null);
  }

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", setUp); } else { setUp(); }
})();
