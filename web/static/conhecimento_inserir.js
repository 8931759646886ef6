// "Inserir na resposta" on the agent's ticket page (web/templates/_agente_artigos.mustache):
// puts a linked article's title and address into the reply box at the cursor
// and says so to screen readers. Without JavaScript the buttons stay hidden
// and the panel's links and forms still work.
(function () {
  'use strict';
  function reply() { return document.getElementById('texto'); }
  function insert(text) {
    var box = reply();
    if (!box) return;
    var start = box.selectionStart || 0;
    var end = box.selectionEnd || 0;
    var before = box.value.slice(0, start);
    var after = box.value.slice(end);
    var piece = (before && !/\s$/.test(before) ? '\n' : '') + text + (after && !/^\s/.test(after) ? '\n' : '');
    box.value = before + piece + after;
    var at = before.length + piece.length;
    box.focus();
    box.setSelectionRange(at, at);
    var said = document.querySelector('[data-artigo-inserido]');
    if (said) said.textContent = said.getAttribute('data-texto');
  }
  function ready() {
    if (!reply()) return;
    document.querySelectorAll('.inserir-artigo').forEach(function (b) { b.hidden = false; });
  }
  document.addEventListener('click', function (e) {
    var b = e.target.closest && e.target.closest('.inserir-artigo');
    if (b) insert(b.getAttribute('data-titulo') + ': ' + new URL(b.getAttribute('data-endereco'), window.location.href).href);
  });
  document.addEventListener('DOMContentLoaded', ready);
  document.addEventListener('htmx:afterSwap', ready);
})();
