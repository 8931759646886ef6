// Bulk actions on a queue (web/templates/_agente_lote.mustache): the rows'
// checkboxes belong to #form-lote, which works without JavaScript. Here:
// "select all on the page" (the header's checkbox, hidden without
// JavaScript), a count of the selected tickets, only the field the chosen
// action needs, and the choice kept when the live table refreshes itself.
(() => {
  const chosen = new Set();
  const rows = () => document.querySelectorAll("input.selecionar-chamado");
  const count = () => {
    const out = document.getElementById("lote-contagem");
    if (out) out.textContent = chosen.size ? `(${chosen.size} ${out.dataset.rotulo})` : "";
    const all = document.querySelector("[data-selecionar-todos]");
    if (all) {
      const boxes = [...rows()];
      all.checked = boxes.length > 0 && boxes.every((b) => b.checked);
      all.indeterminate = !all.checked && boxes.some((b) => b.checked);
    }
  };
  const restore = () => {
    const all = document.querySelector("[data-selecionar-todos]");
    if (all) all.hidden = false;
    rows().forEach((b) => {
      b.checked = chosen.has(b.name);
    });
    count();
  };
  const showFieldOfAction = () => {
    const action = document.getElementById("lote-acao");
    if (!action) return;
    document.querySelectorAll("#form-lote [data-para]").forEach((field) => {
      field.hidden = field.dataset.para !== action.value;
    });
  };
  document.addEventListener("change", (event) => {
    const box = event.target;
    if (box.matches("[data-selecionar-todos]")) {
      rows().forEach((b) => {
        b.checked = box.checked;
        if (box.checked) chosen.add(b.name);
        else chosen.delete(b.name);
      });
    } else if (box.matches("input.selecionar-chamado")) {
      if (box.checked) chosen.add(box.name);
      else chosen.delete(box.name);
    } else if (box.id === "lote-acao") {
      showFieldOfAction();
    }
    count();
  });
  document.addEventListener("htmx:afterSwap", (event) => {
    if (event.target && event.target.id === "fila-tabela") restore();
  });
  // Tickets chosen on a page the refresh no longer lists still go with the
  // form: they are added back as hidden fields when it is sent.
  document.addEventListener("submit", (event) => {
    const form = event.target;
    if (form.id !== "form-lote") return;
    const shown = new Set([...rows()].map((b) => b.name));
    chosen.forEach((name) => {
      if (shown.has(name)) return;
      const keep = document.createElement("input");
      keep.type = "hidden";
      keep.name = name;
      keep.value = "1";
      form.appendChild(keep);
    });
  });
  // "x" on the queue: selects (or leaves) the ticket whose row has the focus
  // (j / k move it, web/static/atalhos.js); never a key typed in a field.
  document.addEventListener("keydown", (event) => {
    if (event.key !== "x" || event.ctrlKey || event.altKey || event.metaKey) return;
    const at = document.activeElement;
    if (!at || /^(INPUT|TEXTAREA|SELECT)$/.test(at.tagName) || at.isContentEditable) return;
    const row = at.closest && at.closest("#fila-tabela tr[data-protocolo]");
    const box = row && row.querySelector("input.selecionar-chamado");
    if (!box) return;
    event.preventDefault();
    box.checked = !box.checked;
    box.dispatchEvent(new Event("change", { bubbles: true }));
  });
  const start = () => {
    rows().forEach((b) => {
      if (b.checked) chosen.add(b.name);
    });
    restore();
    showFieldOfAction();
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
