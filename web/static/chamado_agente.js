// The agent's ticket page with htmx (web/templates/_agente_chamado.mustache).
// Each action answers the page's element (#chamado), which htmx swaps in
// without reloading. An answer with field errors (422, 409) is swapped in
// like a success, so that the errors show by their fields. After a swap the
// focus goes to the errors, else to the success notice, else to the panel
// the action came from (the conversation after a message), so that keyboard
// and screen-reader users are not left at the top of the page. body's data-trocas counts the
// swaps (the browser tests wait on it). Without JavaScript the forms post
// and the page comes back whole (303).
(() => {
  let origin = null;
  let swaps = 0;
  document.addEventListener("htmx:beforeRequest", (event) => {
    const from = event.detail.elt;
    const holder = from && from.closest ? from.closest("details[id]") || from.closest("form[id]") : null;
    origin = holder ? holder.id : null;
  });
  document.addEventListener("htmx:beforeSwap", (event) => {
    const status = event.detail.xhr.status;
    const target = event.detail.target;
    if ((status === 422 || status === 409) && target && target.id === "chamado") {
      event.detail.shouldSwap = true;
      event.detail.isError = false;
    }
  });
  document.addEventListener("htmx:afterSettle", (event) => {
    if (!event.target || event.target.id !== "chamado") return;
    swaps += 1;
    document.body.dataset.trocas = String(swaps);
    const errors = document.getElementById("resumo-erros");
    const notice = document.getElementById("aviso");
    if (errors) return errors.focus();
    if (notice) return notice.focus();
    // The reply box: the conversation, where the message now is.
    if (origin === "form-mensagem") return document.getElementById("historico-titulo").focus();
    // Kept where htmx put it back (a control with an id), else the panel's
    // title, else (the control is gone, as "Atribuir a mim" once done) the
    // summary, where the change shows.
    const active = document.activeElement;
    if (active && active !== document.body && event.target.contains(active)) return;
    const back = origin ? document.getElementById(origin) : null;
    let into = back && back.matches("details") ? back.querySelector("summary") : null;
    if (!into) into = document.getElementById("resumo-titulo");
    if (into) into.focus();
  });
})();
