"use strict";
// The shared part of every enforcer page. Data comes from the JSON block
// `#enforcer-data`; every string in it may be hostile, so elements are built
// with createElement and text with text nodes, never by parsing markup.
window.EnforcerPage = (function () {
  // Attributes that would load, navigate or run something: never set from a script.
  const FORBIDDEN = /^(on|href$|src$|srcdoc$|action$|formaction$|style$|xlink:href$)/i;

  // An element with attributes (name -> value; null, undefined and false leave one out)
  // and children (nodes, or anything else as text).
  function h(tag, attributes, ...children) {
    const element = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (FORBIDDEN.test(name)) throw new Error("refusing to set attribute " + name);
      if (value === null || value === undefined || value === false) continue;
      element.setAttribute(name, value === true ? "" : String(value));
    }
    for (const child of children.flat(Infinity)) {
      if (child === null || child === undefined || child === false) continue;
      element.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
    return element;
  }

  function readData(id) {
    return JSON.parse(document.getElementById(id).textContent);
  }

  function compareText(a, b) {
    return a < b ? -1 : a > b ? 1 : 0;
  }

  function plural(count, word) {
    return count + " " + word + (count === 1 ? "" : "s");
  }

  // -- the evidence of one finding (the run page and the impact page draw it alike) -------

  function facts(pairs) {
    return h(
      "dl",
      { class: "facts-list" },
      pairs.filter(([, value]) => value).map(([term, value]) => h("div", {}, h("dt", {}, term), h("dd", {}, value))),
    );
  }

  function evidence(f) {
    // the status and the reason are in the row itself
    const decision = [];
    if (f.phase) decision.push(["phase", f.phase.effect + " from " + f.phase.date + ": " + f.phase.summary]);
    if (f.waiver) {
      const w = f.waiver;
      decision.push(["waiver", w.id + " (" + w.status + ", expires " + w.expires + ", approved by " + w.approved_by + "): " + w.reason]);
    }
    if (f.coverage) decision.push(["coverage", f.coverage.decision + (f.coverage.reason ? ": " + f.coverage.reason : "")]);
    const component = [
      ["name", f.name],
      ["version", f.version],
      ["kind", f.kind],
      ["purl", f.purl],
      ["ref", f.ref],
    ];
    return h(
      "div",
      { class: "evidence" },
      h("section", { class: "decision" }, decision.length ? [h("h4", {}, "Decision"), facts(decision)] : null, h("h4", {}, "Component"), facts(component)),
      h("section", { class: "matches" }, h("h4", {}, "What matched"), matchTable(f.matches)),
      h("section", { class: "path" }, h("h4", {}, "Dependency path"), dependencyPath(f)),
    );
  }

  function matchTable(matches) {
    const columns = [
      ["field", "Field"],
      ["value", "Value"],
      ["alias", "Alias"],
      ["matcher", "Matcher"],
      ["confidence", "Confidence"],
    ];
    if (matches.some((m) => m.role)) columns.push(["role", "Role"]);
    if (matches.some((m) => m.party)) columns.push(["party", "Party"]);
    return h(
      "table",
      { class: "match-table" },
      h("thead", {}, h("tr", {}, columns.map(([, title]) => h("th", { scope: "col" }, title)))),
      h("tbody", {}, matches.map((m) => h("tr", {}, columns.map(([key]) => h("td", { class: "m-" + key }, m[key] || ""))))),
    );
  }

  // The path from the SBOM's root to the component: one box per step, each
  // joined to the one above by a connector (drawn by the style sheet).
  function dependencyPath(f) {
    const steps = f.path.length ? f.path : [f.label];
    const list = h("ol", { class: "dep-path" });
    steps.forEach((step, depth) => {
      const last = depth === steps.length - 1;
      const item = h(
        "li",
        { class: last ? "step target" : "step" },
        h("span", { class: "box" }, depth === 0 && !last ? h("span", { class: "tag" }, "root") : null, last ? h("span", { class: "tag" }, "match") : null, step),
      );
      item.style.marginLeft = Math.min(depth, 16) * 1.4 + "em";
      list.append(item);
    });
    const parts = [list];
    if (!f.path.length) parts.push(h("p", { class: "note" }, "The SBOM gives no path to this component: it is at the top level, or the SBOM has no dependency graph."));
    return parts;
  }

  // Printing shows everything: the page's own hooks expand what is collapsed.
  const before = [];
  const after = [];
  let printing = false;
  function startPrint() {
    if (printing) return;
    printing = true;
    for (const details of document.querySelectorAll("details")) details.open = true;
    for (const hook of before) hook();
  }
  function endPrint() {
    if (!printing) return;
    printing = false;
    for (const hook of after) hook();
  }
  window.addEventListener("beforeprint", startPrint);
  window.addEventListener("afterprint", endPrint);
  const printMedia = window.matchMedia("print");
  printMedia.addEventListener("change", (event) => (event.matches ? startPrint() : endPrint()));

  function onPrint(start, end) {
    before.push(start);
    after.push(end);
    if (printing) start();
    else if (printMedia.matches) startPrint();
  }

  // A table's clicks: a column heading sorts by its key (again: the other way; `state.sort` and
  // `state.direction`, then `render()`), a row (or its toggle) calls `toggled` with its data-index.
  // A click that ends a text selection in a row selects, it does not toggle.
  function onTableClick(table, rowSelector, state, render, toggled) {
    table.addEventListener("click", (event) => {
      const sort = event.target.closest("button.sort");
      if (sort) {
        const key = sort.getAttribute("data-key");
        state.direction = state.sort === key ? -state.direction : 1;
        state.sort = key;
        render();
        return;
      }
      const tr = event.target.closest(rowSelector);
      if (!tr || (!event.target.closest(".toggle") && String(window.getSelection()).length)) return;
      toggled(Number(tr.getAttribute("data-index")));
    });
  }

  function ready() {
    document.documentElement.setAttribute("data-ready", "");
    performance.mark("enforcer-ready");
  }

  return { h, readData, onPrint, onTableClick, ready, compareText, plural, evidence };
})();
