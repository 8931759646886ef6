// Keyboard shortcuts of the agent workspace (web/templates/_atalhos.mustache
// lists them; "?" opens the list). On the queue, j / k move between the
// tickets (Enter opens one); on a ticket, j / k open the next or previous
// ticket of the queue it was opened from, f goes back to that queue, a takes
// the ticket, r and n go to the reply box as a reply or an internal note, s
// opens the resolution. A key typed in a form field (or with Ctrl, Alt or
// Meta) is never taken: it belongs to the field. Keys only move the focus or
// press the page's own controls, so each action still goes through its form.
(() => {
  const QUEUE = "guiche.fila";
  const typing = (el) =>
    !!el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  const byId = (id) => document.getElementById(id);

  // The queue's order, as shown, for the ticket pages opened from it.
  const rememberQueue = () => {
    const rows = document.querySelectorAll("#fila-tabela tbody tr[data-protocolo]");
    if (!rows.length && !byId("fila-tabela")) return;
    const protocols = Array.from(rows, (row) => row.dataset.protocolo);
    try {
      sessionStorage.setItem(QUEUE, JSON.stringify({ url: location.pathname + location.search, protocols }));
    } catch (e) {
      // Storage refused (private mode): j / k fall back to the queue.
    }
  };
  const queue = () => {
    try {
      return JSON.parse(sessionStorage.getItem(QUEUE)) || { url: "/atendimento", protocols: [] };
    } catch (e) {
      return { url: "/atendimento", protocols: [] };
    }
  };

  // On the queue: the focus moves along the tickets' links.
  const moveInQueue = (step) => {
    const links = Array.from(document.querySelectorAll("#fila-tabela tbody tr[data-protocolo] a"));
    if (!links.length) return false;
    const at = links.indexOf(document.activeElement);
    const next = at < 0 ? (step > 0 ? 0 : links.length - 1) : Math.min(links.length - 1, Math.max(0, at + step));
    links[next].focus();
    return true;
  };
  // On a ticket: the next (or previous) one of the queue it came from.
  const openNeighbour = (step) => {
    const here = byId("protocolo");
    const { url, protocols } = queue();
    const at = here ? protocols.indexOf(here.textContent.trim()) : -1;
    const next = protocols[at < 0 ? (step > 0 ? 0 : protocols.length - 1) : at + step];
    location.href = next ? "/atendimento/chamados/" + encodeURIComponent(next) : url;
    return true;
  };
  const writeAs = (kind) => {
    const text = byId("texto");
    const choice = byId(kind);
    if (!text) return false;
    if (choice) choice.checked = true;
    text.focus();
    return true;
  };
  const openPanel = (id, field) => {
    const panel = byId(id);
    if (!panel) return false;
    panel.open = true;
    const into = byId(field) || panel.querySelector("summary");
    if (into) into.focus();
    return true;
  };
  const press = (id) => {
    const control = byId(id);
    if (!control) return false;
    control.click();
    return true;
  };

  const onTicket = () => !!byId("chamado");
  const actions = {
    j: () => (onTicket() ? openNeighbour(1) : moveInQueue(1)),
    k: () => (onTicket() ? openNeighbour(-1) : moveInQueue(-1)),
    f: () => {
      if (!onTicket()) return false;
      location.href = queue().url;
      return true;
    },
    a: () => onTicket() && press("botao-atribuir-a-mim"),
    r: () => onTicket() && writeAs("tipo-publica"),
    n: () => onTicket() && writeAs("tipo-interna"),
    s: () => onTicket() && openPanel("resolver", "solucao"),
  };

  const help = () => {
    const dialog = byId("atalhos");
    if (dialog && !dialog.open) dialog.showModal();
  };
  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.ctrlKey || event.metaKey || event.altKey) return;
    if (typing(event.target)) return;
    const dialog = byId("atalhos");
    if (dialog && dialog.open) return;  // Esc and Tab are the dialog's
    if (event.key === "?") {
      help();
      event.preventDefault();
      return;
    }
    const action = actions[event.key];
    if (action && action()) event.preventDefault();
  });
  document.addEventListener("DOMContentLoaded", () => {
    rememberQueue();
    const button = byId("abrir-atalhos");
    if (button) {
      button.hidden = false;
      button.addEventListener("click", help);
    }
  });
  // The queue's table reloads itself (htmx): its order is remembered again.
  document.addEventListener("htmx:afterSettle", rememberQueue);
})();
