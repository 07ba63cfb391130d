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

  function ready() {
    document.documentElement.setAttribute("data-ready", "");
    performance.mark("enforcer-ready");
  }

  return { h, readData, onPrint, ready };
})();
