/* 法治账图 search box on Pagefind's static index (site/pagefind/, built by the lawmap plugin): nothing of the index
   loads until the box is used, then only the chunks and result fragments a query needs, all from this site.
   Ranking: Pagefind's (options from #lm-search-config), then the first results re-ranked as Material's search did:
   a page whose title or search tags hold the whole query first, then the page's boost (分图, services). */
(function () {
  "use strict";

  var config = JSON.parse((document.getElementById("lm-search-config") || {}).textContent || "{}");
  var base = JSON.parse((document.getElementById("__config") || {}).textContent || "{}").base || ".";
  var root = new URL(base.replace(/\/?$/, "/"), location.href);
  var loading = null;

  function pagefind() {
    if (!loading) {
      loading = import(new URL("pagefind/pagefind.js", root).href).then(function (pf) {
        return pf.options({ baseUrl: root.pathname, ranking: config.ranking || {} }).then(function () { return pf; });
      });
    }
    return loading;
  }

  function wholeMatch(data, query) {
    var low = function (s) { return (s || "").toLowerCase(); };
    return low(data.meta.title).indexOf(query) >= 0 || low(data.meta.tags).split(/\s+/).indexOf(query) >= 0;
  }

  /* The results in the order shown: [{url, title, excerpt}], .total = all Pagefind found (benchmarks/search.py too). */
  function search(query) {
    var q = query.trim().toLowerCase();
    return pagefind().then(function (pf) { return pf.search(query); }).then(function (found) {
      if (!found) return [];
      var first = found.results.slice(0, config.rerank || 8);
      return Promise.all(first.map(function (r) { return r.data(); })).then(function (pages) {
        var order = pages.map(function (data, i) { return { data: data, i: i }; });
        order.sort(function (a, b) {
          return (wholeMatch(b.data, q) - wholeMatch(a.data, q))
            || (parseFloat(b.data.meta.boost || "1") - parseFloat(a.data.meta.boost || "1")) || (a.i - b.i);
        });
        var shown = order.map(function (o) {
          return { url: o.data.url, title: o.data.meta.title || o.data.url, excerpt: o.data.excerpt };
        });
        shown.total = found.results.length;
        return shown;
      });
    });
  }

  /* Pagefind's excerpt as text with <mark>s: parsed inert, only its text and marks are kept. */
  function excerptNodes(excerpt, into) {
    var template = document.createElement("template");
    template.innerHTML = excerpt || "";
    template.content.childNodes.forEach(function (node) {
      if (node.nodeName === "MARK") {
        var mark = document.createElement("mark");
        mark.textContent = node.textContent;
        into.appendChild(mark);
      } else {
        into.appendChild(document.createTextNode(node.textContent));
      }
    });
  }

  function build(header) {
    var form = document.createElement("form");
    form.className = "lm-search";
    form.setAttribute("role", "search");
    form.innerHTML = '<label class="lm-search__label" for="lm-search-input">搜索本站</label>' +
      '<input id="lm-search-input" class="lm-search__input" type="search" autocomplete="off" ' +
      'placeholder="搜索：事项、法规、编码" aria-controls="lm-search-results">' +
      '<div class="lm-search__panel" hidden><p class="lm-search__status" role="status" aria-live="polite"></p>' +
      '<ol id="lm-search-results" class="lm-search__results"></ol></div>';
    header.appendChild(form);
    return form;
  }

  function setUp() {
    var header = document.querySelector(".md-header__inner");
    if (!header || document.querySelector(".md-search")) return;  // Material's own search (the offline copy)
    var form = build(header);
    var input = form.querySelector("input"), panel = form.querySelector(".lm-search__panel");
    var status = form.querySelector(".lm-search__status"), list = form.querySelector("ol");
    var latest = 0;

    function show(results, query) {
      list.textContent = "";
      results.forEach(function (r) {
        var item = document.createElement("li"), link = document.createElement("a");
        var title = document.createElement("span"), excerpt = document.createElement("span");
        link.href = r.url;
        title.className = "lm-search__title";
        title.textContent = r.title;
        excerpt.className = "lm-search__excerpt";
        excerptNodes(r.excerpt, excerpt);
        link.append(title, excerpt);
        item.appendChild(link);
        list.appendChild(item);
      });
      var more = results.total > results.length ? "，显示最相关的 " + results.length + " 个" : "";
      status.textContent = results.length ? "找到 " + results.total + " 个结果" + more + "：“" + query + "”"
        : "没有找到“" + query + "”";
      panel.hidden = false;
    }

    function run() {
      var query = input.value.trim(), ticket = ++latest;
      if (!query) { panel.hidden = true; list.textContent = ""; return; }
      status.textContent = "正在搜索…";
      panel.hidden = false;
      search(query).then(function (results) { if (ticket === latest) show(results, query); },
        function () { if (ticket === latest) { status.textContent = "搜索暂不可用"; } });
    }

    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }

    input.addEventListener("input", run);
    input.addEventListener("focus", function () { pagefind(); });  // load the small entry files on first use
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var first = links()[0];
      if (first) first.click();
    });
    form.addEventListener("keydown", function (event) {
      var all = links(), at = all.indexOf(document.activeElement);
      if (event.key === "Escape") {
        input.value = "";
        run();
        input.focus();
      } else if (event.key === "ArrowDown" && all.length) {
        event.preventDefault();
        all[Math.min(at + 1, all.length - 1)].focus();
      } else if (event.key === "ArrowUp" && at >= 0) {
        event.preventDefault();
        (at === 0 ? input : all[at - 1]).focus();
      }
    });
    form.addEventListener("focusout", function (event) {
      if (!form.contains(event.relatedTarget)) panel.hidden = true;
    });
    input.addEventListener("focus", function () { panel.hidden = !input.value.trim(); });
    document.addEventListener("keydown", function (event) {
      if (event.key === "/" && !/^(INPUT|TEXTAREA|SELECT)$/.test(document.activeElement.tagName)) {
        event.preventDefault();
        input.focus();
      }
    });
  }

  window.lmSearch = { search: search };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", setUp);
  else setUp();
})();
