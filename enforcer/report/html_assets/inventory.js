"use strict";
// The inventory's pages, built from the embedded data (`kind` says which).
// impact: one table of products (filter by status, ban and product text; sort
// by status, product, ban or earliest date); a row expands to the product's
// findings, each with its evidence and dependency path. calendar: the products
// each phase will hit, one table per phase, filtered by product text. Rows are
// built when first shown and at most a page more at a time; printing shows all.
(function () {
  const { h, readData, onPrint, onTableClick, ready, evidence, compareText, plural } = window.EnforcerPage;
  const data = readData("enforcer-data");
  const RANK = { deny: 0, warn: 1, waived: 2, allow: 3, none: 4 };

  function statusOf(value) {
    return RANK[value] === undefined ? "none" : value;
  }

  function sortHeader(key, title) {
    return h("th", { scope: "col", "data-key": key }, h("button", { type: "button", class: "sort", "data-key": key }, title, h("span", { class: "arrow", "aria-hidden": "true" })));
  }

  function moreButton(hidden, shownCount) {
    return "Show " + Math.min(shownCount, hidden) + " more (" + hidden + " not shown yet)";
  }

  // -- impact: the products table ------------------------------------------------------------

  function impactPage() {
    const STATUSES = ["deny", "warn", "waived", "allow", "none"];
    const PAGE = 200;
    const FINDINGS_PAGE = 50;
    const COLUMNS = 7;
    const products = data.products.map((p, index) => {
      p.index = index;
      p.status = statusOf(p.status);
      p.counts = {};
      p.banSet = new Set();
      p.findings.forEach((f, number) => {
        f.status = statusOf(f.status);
        f.banId = data.bans[f.ban];
        f.number = number;
        p.counts[f.status] = (p.counts[f.status] || 0) + 1;
        p.banSet.add(f.ban);
      });
      p.banIds = p.bans.map((ban) => data.bans[ban]);
      p.search = [p.product, p.release, p.path].join("\n").toLowerCase();
      return p;
    });
    const container = document.querySelector("div.product-table");
    if (!container) return;

    const state = { statuses: new Set(STATUSES), ban: -1, text: "", sort: "status", direction: 1, open: new Set(), limit: PAGE, printing: false };
    const shownFindings = new Map(); // product index -> how many of its findings are drawn

    const KEYS = {
      status: (p) => RANK[p.status],
      product: (p) => p.product.toLowerCase(),
      ban: (p) => (p.banIds.length ? p.banIds.join("\n") : "\uffff"),
      earliest: (p) => p.earliest || "\uffff",
    };

    function compare(a, b) {
      const key = KEYS[state.sort];
      return compareText(key(a), key(b)) * state.direction || a.index - b.index;
    }

    function shown(p) {
      if (state.printing) return true;
      return state.statuses.has(p.status) && (state.ban < 0 || p.banSet.has(state.ban)) && (state.text === "" || p.search.includes(state.text));
    }

    const rows = new Map();
    const details = new Map();

    function row(p) {
      let tr = rows.get(p.index);
      if (!tr) {
        const badges = STATUSES.filter((status) => p.counts[status]).map((status) => [h("span", { class: "badge st-" + status }, p.counts[status] + " " + status), " "]);
        tr = h(
          "tr",
          { class: "product-row st-" + p.status, "data-index": p.index },
          h("td", { class: "col-toggle" }, h("button", { type: "button", class: "toggle", "aria-expanded": "false", "aria-controls": "product-" + p.index, title: "Show its findings" })),
          h("td", { class: "col-status" }, h("span", { class: "badge st-" + p.status }, p.status)),
          h("td", { class: "col-product" }, p.product),
          h("td", { class: "col-release" }, p.release),
          h("td", { class: "col-counts" }, badges.length ? badges : h("span", { class: "empty" }, "no finding")),
          h("td", { class: "col-bans" }, p.banIds.map((ban) => h("span", { class: "ban-id" }, ban))),
          h("td", { class: "col-earliest" }, p.earliest || ""),
        );
        rows.set(p.index, tr);
      }
      const open = state.printing || state.open.has(p.index);
      tr.classList.toggle("open", open);
      tr.querySelector(".toggle").setAttribute("aria-expanded", String(open));
      return tr;
    }

    function productFacts(p) {
      const pairs = [
        ["SBOM", p.path],
        ["format", p.format],
        ["components", p.components + (p.unidentified ? " (" + p.unidentified + " without identity)" : "")],
      ];
      if (p.out_of_scope) pairs.push(["not shown", p.out_of_scope + (p.out_of_scope === 1 ? " match" : " matches") + " outside the selected scopes"]);
      return h(
        "dl",
        { class: "facts-list product-facts" },
        pairs.map(([term, value]) => h("div", {}, h("dt", {}, term), h("dd", {}, String(value)))),
      );
    }

    function findingCard(f) {
      return h(
        "li",
        { class: "finding-card st-" + f.status, "data-finding": f.number },
        h(
          "p",
          { class: "finding-head" },
          h("span", { class: "badge st-" + f.status }, f.status),
          " ",
          h("code", { class: "col-ban" }, f.banId),
          " ",
          h("span", { class: "component" }, f.label),
          f.kind ? h("span", { class: "kind" }, f.kind) : null,
        ),
        h("p", { class: "reason" }, f.reason),
        evidence(f),
      );
    }

    function fillDetail(p, cell) {
      const limit = state.printing ? Infinity : shownFindings.get(p.index) || FINDINGS_PAGE;
      const list = h("ol", { class: "product-findings" }, p.findings.slice(0, limit).map(findingCard));
      const parts = [productFacts(p)];
      if (p.warnings.length) {
        const items = p.warnings.map((warning) => h("li", {}, warning));
        if (p.more_warnings) items.push(h("li", {}, "…and " + p.more_warnings + " more"));
        parts.push(h("ul", { class: "warnings" }, items));
      }
      parts.push(p.findings.length ? list : h("p", { class: "clean" }, "No finding in this product release."));
      const hidden = p.findings.length - Math.min(limit, p.findings.length);
      if (hidden > 0) {
        const more = h("button", { type: "button", class: "more" }, moreButton(hidden, FINDINGS_PAGE));
        more.addEventListener("click", (event) => {
          event.stopPropagation();
          shownFindings.set(p.index, limit + FINDINGS_PAGE);
          fillDetail(p, cell);
        });
        parts.push(more);
      }
      cell.replaceChildren(...parts);
    }

    // a product's detail row, filled when first shown (and again for printing, which shows every finding)
    function detail(p) {
      let entry = details.get(p.index);
      if (!entry) {
        const cell = h("td", { colspan: COLUMNS });
        entry = { tr: h("tr", { class: "detail", id: "product-" + p.index }, cell), cell, printing: null };
        details.set(p.index, entry);
      }
      if (entry.printing !== state.printing) {
        entry.printing = state.printing;
        fillDetail(p, entry.cell);
      }
      return entry.tr;
    }

    const headers = [
      sortHeader("status", "Status"),
      sortHeader("product", "Product"),
      h("th", { scope: "col" }, "Release"),
      h("th", { scope: "col" }, "Findings"),
      sortHeader("ban", "Bans"),
      sortHeader("earliest", "Earliest"),
    ];
    const tbody = h("tbody", {});
    const table = h("table", { class: "findings-table products-table" }, h("thead", {}, h("tr", {}, h("th", { class: "col-toggle", scope: "col" }, h("span", { class: "visually-hidden" }, "Findings")), headers)), tbody);
    const empty = h("p", { class: "empty", hidden: true }, "No product passes the filters.");
    const more = h("button", { type: "button", class: "more", hidden: true });
    container.append(table, empty, more);
    const showing = h("output", { class: "showing", "aria-live": "polite" });
    let list = [];

    function render() {
      list = products.filter(shown).sort(compare);
      const limit = state.printing ? Infinity : state.limit;
      const fragment = document.createDocumentFragment();
      for (const p of list.slice(0, limit)) {
        fragment.append(row(p));
        if (state.printing || state.open.has(p.index)) fragment.append(detail(p));
      }
      tbody.replaceChildren(fragment);
      const total = products.length;
      showing.textContent = list.length === total ? plural(total, "product release") : list.length + " of " + plural(total, "product release") + " match the filters";
      empty.hidden = list.length > 0;
      const hidden = list.length - Math.min(limit, list.length);
      more.hidden = hidden <= 0;
      more.textContent = moreButton(hidden, PAGE);
      for (const th of headers) {
        const key = th.getAttribute("data-key");
        if (!key) continue;
        if (key === state.sort) th.setAttribute("aria-sort", state.direction > 0 ? "ascending" : "descending");
        else th.removeAttribute("aria-sort");
      }
    }

    function toggle(p) {
      if (state.open.has(p.index)) {
        state.open.delete(p.index);
        detail(p).remove();
      } else {
        state.open.add(p.index);
        row(p).after(detail(p));
      }
      row(p);
    }

    onTableClick(table, "tr.product-row", state, render, (index) => toggle(products[index]));
    more.addEventListener("click", () => {
      state.limit += PAGE;
      render();
    });

    // the controls
    const controls = document.getElementById("controls");
    const counts = {};
    for (const p of products) counts[p.status] = (counts[p.status] || 0) + 1;
    const boxes = STATUSES.filter((status) => status !== "none" || counts.none).map((status) => {
      const input = h("input", { type: "checkbox", name: "status", value: status, checked: true });
      input.addEventListener("change", () => {
        if (input.checked) state.statuses.add(status);
        else state.statuses.delete(status);
        state.limit = PAGE;
        render();
      });
      return h("label", { class: "status-filter st-" + status }, input, " ", h("span", { class: "badge st-" + status }, status), " " + (counts[status] || 0));
    });
    const banSelect = h("select", { name: "ban" }, h("option", { value: "-1" }, "all bans"), data.bans.map((ban, index) => h("option", { value: index }, ban)));
    banSelect.addEventListener("change", () => {
      state.ban = Number(banSelect.value);
      state.limit = PAGE;
      render();
    });
    const text = h("input", { type: "search", name: "product", placeholder: "product, release or file", size: 26 });
    text.addEventListener("input", () => {
      state.text = text.value.trim().toLowerCase();
      state.limit = PAGE;
      render();
    });
    const expand = h("button", { type: "button", class: "expand-all" }, "Expand shown");
    expand.addEventListener("click", () => {
      for (const p of list.slice(0, state.limit)) state.open.add(p.index);
      render();
    });
    const collapse = h("button", { type: "button", class: "collapse-all" }, "Collapse all");
    collapse.addEventListener("click", () => {
      state.open.clear();
      render();
    });
    controls.append(
      h("fieldset", { class: "statuses" }, h("legend", {}, "Status"), boxes),
      h("label", { class: "filter" }, "Ban ", banSelect),
      h("label", { class: "filter" }, "Product ", text),
      h("span", { class: "buttons" }, expand, collapse),
      showing,
    );
    controls.hidden = false;

    // a ban's card: show its products in the table
    for (const button of document.querySelectorAll("button.show-ban[data-ban]")) {
      button.hidden = false;
      button.addEventListener("click", () => {
        banSelect.value = button.getAttribute("data-ban");
        state.ban = Number(banSelect.value);
        state.limit = PAGE;
        render();
        document.getElementById("products").scrollIntoView();
      });
    }

    render();
    onPrint(
      () => {
        state.printing = true;
        render();
      },
      () => {
        state.printing = false;
        render();
      },
    );
  }

  // -- calendar: the products each phase will hit ---------------------------------------------

  function calendarPage() {
    const PAGE = 100;
    const MAX_COMPONENTS = 6;
    const state = { text: "", hitting: false, printing: false };
    const tables = [];

    function hitRow(hit) {
      const components = hit.components.slice(0, MAX_COMPONENTS).join(", ");
      const rest = hit.components.length - MAX_COMPONENTS;
      return h(
        "tr",
        { class: "hit st-" + statusOf(hit.status) },
        h("td", { class: "col-product" }, hit.product),
        h("td", { class: "col-release" }, hit.release),
        h("td", {}, h("span", { class: "badge st-" + statusOf(hit.status) }, hit.status)),
        h("td", { class: "component", title: rest > 0 ? hit.components.join(", ") : null }, components, rest > 0 ? h("span", { class: "note" }, " (+" + rest + " more)") : null),
      );
    }

    for (const container of document.querySelectorAll("div.hits[data-entry]")) {
      const number = Number(container.getAttribute("data-entry"));
      const hits = (data.entries[number] || []).map((hit) => ({ hit, search: [hit.product, hit.release].join("\n").toLowerCase() }));
      const tbody = h("tbody", {});
      const table = h(
        "table",
        { class: "findings-table hits-table" },
        h("thead", {}, h("tr", {}, ["Product", "Release", "Status on the day", "Components"].map((title) => h("th", { scope: "col" }, title)))),
        tbody,
      );
      const more = h("button", { type: "button", class: "more", hidden: true });
      const entry = { article: container.closest("article"), hits, tbody, more, limit: PAGE, list: [], rows: new Map() };
      more.addEventListener("click", () => {
        entry.limit += PAGE;
        renderEntry(entry);
      });
      container.append(table, more);
      tables.push(entry);
    }

    function renderEntry(entry) {
      entry.list = entry.hits.filter((item) => state.printing || state.text === "" || item.search.includes(state.text));
      const limit = state.printing ? Infinity : entry.limit;
      const fragment = document.createDocumentFragment();
      entry.list.slice(0, limit).forEach((item) => {
        let tr = entry.rows.get(item);
        if (!tr) {
          tr = hitRow(item.hit);
          entry.rows.set(item, tr);
        }
        fragment.append(tr);
      });
      entry.tbody.replaceChildren(fragment);
      entry.article.hidden = entry.list.length === 0;
      const hidden = entry.list.length - Math.min(limit, entry.list.length);
      entry.more.hidden = hidden <= 0;
      entry.more.textContent = moreButton(hidden, PAGE);
    }

    const showing = h("output", { class: "showing", "aria-live": "polite" });

    function render() {
      for (const entry of tables) renderEntry(entry);
      // phases that hit nothing hide while a product is searched, or when asked; a day whose phases all hide hides too
      for (const article of document.querySelectorAll("article.phase-entry")) {
        if (!article.querySelector("div.hits")) article.hidden = !state.printing && (state.text !== "" || state.hitting);
      }
      for (const day of document.querySelectorAll("li.day")) {
        day.hidden = !day.querySelector("article.phase-entry:not([hidden])");
      }
      const shownPhases = document.querySelectorAll("article.phase-entry:not([hidden])").length;
      showing.textContent = shownPhases === data.entries.length ? plural(shownPhases, "phase") : shownPhases + " of " + plural(data.entries.length, "phase") + " shown";
    }

    const controls = document.getElementById("controls");
    if (controls) {
      const text = h("input", { type: "search", name: "product", placeholder: "product or release", size: 26 });
      text.addEventListener("input", () => {
        state.text = text.value.trim().toLowerCase();
        render();
      });
      const hitting = h("input", { type: "checkbox", name: "hitting" });
      hitting.addEventListener("change", () => {
        state.hitting = hitting.checked;
        render();
      });
      controls.append(h("label", { class: "filter" }, "Product ", text), h("label", {}, hitting, " only phases that hit a stored product"), showing);
      controls.hidden = false;
    }
    render();
    onPrint(
      () => {
        state.printing = true;
        render();
      },
      () => {
        state.printing = false;
        render();
      },
    );
  }

  if (data.kind === "impact") impactPage();
  else if (data.kind === "calendar") calendarPage();
  ready();
})();
