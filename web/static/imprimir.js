// The "Imprimir" button of the equipment receipts (templates/agente_recibo_equipamento):
// a script file, since the pages' Content-Security-Policy allows no inline handlers.
document.addEventListener("DOMContentLoaded", () => {
  const button = document.getElementById("imprimir");
  if (button) button.addEventListener("click", () => window.print());
});
