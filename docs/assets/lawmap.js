/* 法治账图 page helpers (no network, no framework): "复制引用" buttons and the 总表 filter. Pages work without it. */
(function () {
  "use strict";

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    try { document.execCommand("copy"); } finally { document.body.removeChild(area); }
    return Promise.resolve();
  }

  function setUpCopyButtons() {
    document.querySelectorAll("button.lm-copy[data-cite]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () {
        copyText(button.getAttribute("data-cite")).then(function () {
          button.textContent = "已复制";
          setTimeout(function () { button.textContent = "复制引用"; }, 2000);
        }, function () { button.textContent = "请手动复制"; });
      });
    });
  }

  function setUpFilter() {
    var form = document.querySelector("form.lm-filter");
    if (!form) { return; }
    form.hidden = false;
    function apply() {
      var type = form.elements.type.value, area = form.elements.area.value;
      document.querySelectorAll("table.lm-powers").forEach(function (table) {
        var typeMatch = !type || table.getAttribute("data-type") === type;
        var shown = 0;
        table.querySelectorAll("tbody tr").forEach(function (row) {
          var show = typeMatch && (!area || row.getAttribute("data-area") === area);
          row.hidden = !show;
          if (show) { shown += 1; }
        });
        var wrap = table.closest(".lm-table-wrap");
        var heading = wrap && wrap.previousElementSibling;
        if (wrap) { wrap.hidden = shown === 0; }
        if (heading && /^H2$/.test(heading.tagName)) { heading.hidden = shown === 0; }
      });
    }
    form.addEventListener("change", apply);
  }

  function setUpBasisFilter() {
    var form = document.querySelector("form.lm-basis-filter");
    if (!form) { return; }
    form.hidden = false;
    function apply() {
      var law = form.elements.law.value, type = form.elements.type.value, area = form.elements.area.value;
      document.querySelectorAll("section.lm-basis-law").forEach(function (section) {
        var shown = 0;
        section.querySelectorAll(".lm-basis-set").forEach(function (set) {
          var inSet = 0;
          set.querySelectorAll(".lm-basis-power").forEach(function (item) {
            var show = (!type || item.getAttribute("data-type") === type) &&
                       (!area || item.getAttribute("data-area") === area);
            item.hidden = !show;
            if (show) { inSet += 1; }
          });
          set.hidden = inSet === 0;
          shown += inSet;
        });
        section.hidden = (law && section.getAttribute("data-law") !== law) || ((type || area) && shown === 0);
      });
      var laws = document.querySelectorAll("section.lm-basis-law:not([hidden])").length;
      form.querySelector("output").textContent = "显示 " + laws + " 部法律法规";
    }
    form.addEventListener("change", apply);
  }

  function markScrollingTables() {
    document.querySelectorAll(".lm-table-wrap").forEach(function (wrap) {
      var table = wrap.querySelector("table");
      var stacked = table && getComputedStyle(table).display === "block";  // read as cards on a phone
      wrap.classList.toggle("lm-scrolls", !stacked && wrap.scrollWidth > wrap.clientWidth + 1);
    });
  }

  function start() {
    setUpCopyButtons(); setUpFilter(); setUpBasisFilter(); markScrollingTables();
    window.addEventListener("resize", markScrollingTables);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();
