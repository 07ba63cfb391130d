"use strict";
// The run page: one findings table per SBOM, built from the embedded data.
// Filters (status, ban, vendor, component text) and the sort apply to every
// table; a row expands to its evidence and its dependency path. Rows are
// built when first shown and at most PAGE more at a time; printing shows all.
(function () {
  const { h, readData, onPrint, onTableClick, ready, evidence, compareText, plural } = window.EnforcerPage;
  const data = readData("enforcer-data");
  const STATUSES = ["deny", "warn", "waived", "allow"];
  const RANK = { deny: 0, warn: 1, waived: 2, allow: 3 };
  const PAGE = 500;
  const COLUMNS = [
    ["status", "Status"],
    ["ban", "Ban"],
    ["vendor", "Vendor"],
    ["component", "Component"],
    [null, "Reason"],
  ];

  const findings = [];
  data.sboms.forEach((list, sbom) => {
    for (const finding of list) {
      finding.sbom = sbom;
      finding.index = findings.length;
      finding.banId = data.bans[finding.ban];
      finding.status = RANK[finding.status] === undefined ? "allow" : finding.status;
      finding.search = [finding.label, finding.purl, finding.ref].join("\n").toLowerCase();
      findings.push(finding);
    }
  });
  const vendors = Array.from(new Set(findings.map((f) => f.vendor))).sort(compareText);

  const state = {
    statuses: new Set(STATUSES),
    ban: -1,
    vendor: null,
    text: "",
    sort: "status",
    direction: 1,
    open: new Set(),
    printing: false,
  };

  const KEYS = {
    status: (f) => RANK[f.status],
    ban: (f) => f.banId,
    vendor: (f) => f.vendor,
    component: (f) => f.label.toLowerCase(),
  };

  function compare(a, b) {
    const key = KEYS[state.sort];
    const order = compareText(key(a), key(b)) * state.direction;
    return order || a.index - b.index;
  }

  function shown(f) {
    if (state.printing) return true;
    return (
      state.statuses.has(f.status) &&
      (state.ban < 0 || f.ban === state.ban) &&
      (state.vendor === null || f.vendor === state.vendor) &&
      (state.text === "" || f.search.includes(state.text))
    );
  }

  // -- one finding: its row, and the row of its evidence ---------------------------------

  const rows = new Map();
  const details = new Map();

  function row(f) {
    let tr = rows.get(f.index);
    if (!tr) {
      tr = h(
        "tr",
        { class: "finding st-" + f.status, "data-index": f.index },
        h("td", { class: "col-toggle" }, h("button", { type: "button", class: "toggle", "aria-expanded": "false", "aria-controls": "detail-" + f.index, title: "Show the evidence" })),
        h("td", {}, h("span", { class: "badge st-" + f.status }, f.status)),
        h("td", { class: "col-ban" }, f.banId),
        h("td", {}, f.vendor),
        h("td", { class: "component" }, f.label, f.kind ? h("span", { class: "kind" }, f.kind) : null),
        h("td", { class: "reason" }, f.reason),
      );
      rows.set(f.index, tr);
    }
    const open = state.printing || state.open.has(f.index);
    tr.classList.toggle("open", open);
    tr.querySelector(".toggle").setAttribute("aria-expanded", String(open));
    return tr;
  }

  function detail(f) {
    let tr = details.get(f.index);
    if (!tr) {
      tr = h("tr", { class: "detail", id: "detail-" + f.index }, h("td", { colspan: COLUMNS.length + 1 }, evidence(f)));
      details.set(f.index, tr);
    }
    return tr;
  }

  // -- the tables ---------------------------------------------------------------------------

  const tables = [];

  function buildTable(container) {
    const sbom = Number(container.getAttribute("data-sbom"));
    const own = findings.filter((f) => f.sbom === sbom);
    const headers = COLUMNS.map(([key, title]) =>
      key
        ? h("th", { scope: "col", "data-key": key }, h("button", { type: "button", class: "sort", "data-key": key }, title, h("span", { class: "arrow", "aria-hidden": "true" })))
        : h("th", { scope: "col" }, title),
    );
    const tbody = h("tbody", {});
    const table = h("table", { class: "findings-table" }, h("thead", {}, h("tr", {}, h("th", { class: "col-toggle", scope: "col" }, h("span", { class: "visually-hidden" }, "Evidence")), headers)), tbody);
    const empty = h("p", { class: "empty", hidden: true }, "No finding of this SBOM passes the filters.");
    const more = h("button", { type: "button", class: "more", hidden: true });
    const count = h("p", { class: "table-count" });
    container.append(count, table, empty, more);
    const entry = { sbom, own, tbody, empty, more, count, headers, limit: PAGE, list: [] };
    tables.push(entry);

    onTableClick(table, "tr.finding", state, render, (index) => toggle(findings[index]));
    more.addEventListener("click", () => {
      entry.limit += PAGE;
      renderTable(entry);
    });
  }

  function toggle(f) {
    const tr = row(f);
    if (state.open.has(f.index)) {
      state.open.delete(f.index);
      detail(f).remove();
    } else {
      state.open.add(f.index);
      tr.after(detail(f));
    }
    row(f);
  }

  function renderTable(entry) {
    entry.list = entry.own.filter(shown).sort(compare);
    const limit = state.printing ? Infinity : entry.limit;
    const fragment = document.createDocumentFragment();
    for (const f of entry.list.slice(0, limit)) {
      fragment.append(row(f));
      if (state.printing || state.open.has(f.index)) fragment.append(detail(f));
    }
    entry.tbody.replaceChildren(fragment);
    const total = entry.own.length;
    entry.count.textContent = entry.list.length === total ? plural(total, "finding") : entry.list.length + " of " + plural(total, "finding");
    entry.empty.hidden = entry.list.length > 0;
    const hiddenRows = entry.list.length - Math.min(limit, entry.list.length);
    entry.more.hidden = hiddenRows <= 0;
    entry.more.textContent = "Show " + Math.min(PAGE, hiddenRows) + " more (" + hiddenRows + " not shown yet)";
    for (const th of entry.headers) {
      const key = th.getAttribute("data-key");
      if (!key) continue;
      if (key === state.sort) th.setAttribute("aria-sort", state.direction > 0 ? "ascending" : "descending");
      else th.removeAttribute("aria-sort");
    }
  }

  // -- the controls --------------------------------------------------------------------------

  let showing = null;

  function render() {
    for (const entry of tables) renderTable(entry);
    if (showing) {
      const count = tables.reduce((sum, entry) => sum + entry.list.length, 0);
      showing.textContent = count + " of " + plural(findings.length, "finding") + " match the filters";
    }
  }

  function buildControls(container) {
    const counts = {};
    for (const f of findings) counts[f.status] = (counts[f.status] || 0) + 1;
    const boxes = STATUSES.map((status) => {
      const input = h("input", { type: "checkbox", name: "status", value: status, checked: true });
      input.addEventListener("change", () => {
        if (input.checked) state.statuses.add(status);
        else state.statuses.delete(status);
        render();
      });
      return h("label", { class: "status-filter st-" + status }, input, " ", h("span", { class: "badge st-" + status }, status), " " + (counts[status] || 0));
    });
    const banSelect = h("select", { name: "ban" }, h("option", { value: "-1" }, "all bans"), data.bans.map((ban, index) => h("option", { value: index }, ban)));
    banSelect.addEventListener("change", () => {
      state.ban = Number(banSelect.value);
      render();
    });
    const vendorSelect = h("select", { name: "vendor" }, h("option", { value: "-1" }, "all vendors"), vendors.map((vendor, index) => h("option", { value: index }, vendor)));
    vendorSelect.addEventListener("change", () => {
      const index = Number(vendorSelect.value);
      state.vendor = index < 0 ? null : vendors[index];
      render();
    });
    const text = h("input", { type: "search", name: "component", placeholder: "name, version, purl or ref", size: 28 });
    text.addEventListener("input", () => {
      state.text = text.value.trim().toLowerCase();
      render();
    });
    const expand = h("button", { type: "button", class: "expand-all" }, "Expand all");
    expand.addEventListener("click", () => {
      for (const entry of tables) for (const f of entry.list) state.open.add(f.index);
      render();
    });
    const collapse = h("button", { type: "button", class: "collapse-all" }, "Collapse all");
    collapse.addEventListener("click", () => {
      state.open.clear();
      render();
    });
    showing = h("output", { class: "showing", "aria-live": "polite" });
    container.append(
      h("fieldset", { class: "statuses" }, h("legend", {}, "Status"), boxes),
      h("label", { class: "filter" }, "Ban ", banSelect),
      h("label", { class: "filter" }, "Vendor ", vendorSelect),
      h("label", { class: "filter" }, "Component ", text),
      h("span", { class: "buttons" }, expand, collapse),
      showing,
    );
    container.hidden = false;
  }

  for (const container of document.querySelectorAll("div.findings[data-sbom]")) buildTable(container);
  const controls = document.getElementById("controls");
  if (controls && findings.length) buildControls(controls);
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
  ready();
})();
