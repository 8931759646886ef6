// The answer and solution template pickers of the agent's ticket page
// (web/templates/_agente_resposta.mustache, _agente_chamado.mustache). With
// JavaScript, "Inserir" fetches the template filled from the ticket
// (GET …/respostas-padrao/{id}, plain text) and puts it where the cursor is
// in the reply or the solution, keeping what the agent already wrote, and
// moves the focus there. Without it the form asks for the page with the
// text filled in (?resposta= or ?solucao_padrao=).
(() => {
  document.addEventListener("submit", async (event) => {
    const form = event.target;
    if (!form.matches || !form.matches("form[data-inserir]")) return;
    const select = form.querySelector("select");
    const box = document.getElementById(form.dataset.inserir);
    if (!select || !select.value || !box) return;
    event.preventDefault();
    const answer = await fetch(form.dataset.modelos + encodeURIComponent(select.value), {
      credentials: "same-origin",
      headers: { Accept: "text/plain" },
    });
    if (!answer.ok) return form.submit();
    const text = await answer.text();
    const start = box.selectionStart ?? box.value.length;
    const end = box.selectionEnd ?? box.value.length;
    box.value = box.value.slice(0, start) + text + box.value.slice(end);
    const details = box.closest("details");
    if (details) details.open = true;
    box.focus();
    box.selectionStart = box.selectionEnd = start + text.length;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  });
})();
