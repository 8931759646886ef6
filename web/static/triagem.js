// The triage form's priority table follows the impact and urgency selects:
// the cell they pick is marked and the caption names its priority, before
// the form is saved. A script file, since the pages' Content-Security-Policy
// allows no inline code; without it the table shows the saved priority.
// Listens on the document, so that a form htmx swapped in follows too
// (web/templates/_agente_chamado.mustache).
document.addEventListener("change", (event) => {
  if (event.target.id !== "impacto" && event.target.id !== "urgencia") return;
  const table = document.querySelector("[data-matriz-prioridade]");
  const impact = document.getElementById("impacto");
  const urgency = document.getElementById("urgencia");
  if (!table || !impact || !urgency) return;
  const chosen = table.querySelector("[data-prioridade-escolhida]");
  for (const cell of table.querySelectorAll("td[data-impacto]")) {
    const picked = cell.dataset.impacto === impact.value && cell.dataset.urgencia === urgency.value;
    cell.classList.toggle("atual", picked);
    if (picked) {
      cell.setAttribute("aria-current", "true");
      if (chosen) chosen.textContent = cell.textContent;
    } else {
      cell.removeAttribute("aria-current");
    }
  }
});
