// Attachments with drag and drop: a drop zone that feeds the form's own
// <input type=file multiple>, which stays visible and usable from the
// keyboard (without this script the form works the same). The list of chosen
// files shows each size and warns, before sending, of a file over the
// server's limit or of a type it refuses; the server checks again.
(function () {
  'use strict';

  function sizeText(bytes) {
    if (bytes >= 1024 * 1024) return Math.round(bytes / (1024 * 1024)) + ' MB';
    if (bytes >= 1024) return Math.round(bytes / 1024) + ' KB';
    return bytes + ' bytes';
  }

  function setup(box) {
    var input = box.querySelector('input[type=file]');
    var zone = box.querySelector('[data-zona]');
    var list = box.querySelector('[data-lista]');
    if (!input || !zone || !list || typeof DataTransfer === 'undefined') return;
    var limit = Number(box.dataset.limite) || 0;
    var types = (box.dataset.tipos || '').split(',').filter(Boolean);

    function accepted(file) {
      // Browsers leave the type empty when they do not know it: the server decides.
      return !file.type || types.length === 0 || types.some(function (p) { return file.type.indexOf(p) === 0; });
    }

    function setFiles(files) {
      var dt = new DataTransfer();
      files.forEach(function (f) { dt.items.add(f); });
      input.files = dt.files;
      render();
    }

    function render() {
      list.textContent = '';
      Array.prototype.forEach.call(input.files, function (file, i) {
        var item = document.createElement('li');
        var name = document.createElement('span');
        name.className = 'nome-arquivo';
        name.textContent = file.name + ' (' + sizeText(file.size) + ')';
        item.appendChild(name);
        var problems = [];
        if (limit && file.size > limit) problems.push(box.dataset.txtGrande + ' (' + sizeText(limit) + ')');
        if (!accepted(file)) problems.push(box.dataset.txtTipo + ' (' + file.type + ')');
        if (problems.length) {
          var warn = document.createElement('span');
          warn.className = 'aviso-arquivo';
          warn.textContent = ' — ' + problems.join('; ');
          item.appendChild(warn);
        }
        var remove = document.createElement('button');
        remove.type = 'button';
        remove.className = 'br-button secondary small';
        remove.textContent = box.dataset.txtRemover;
        remove.setAttribute('aria-label', box.dataset.txtRemover + ' ' + file.name);
        remove.addEventListener('click', function () {
          setFiles(Array.prototype.filter.call(input.files, function (_, j) { return j !== i; }));
          input.focus();
        });
        item.appendChild(remove);
        list.appendChild(item);
      });
    }

    zone.hidden = false;
    input.addEventListener('change', render);
    ['dragenter', 'dragover'].forEach(function (type) {
      box.addEventListener(type, function (e) {
        e.preventDefault();
        box.classList.add('arrastando');
      });
    });
    box.addEventListener('dragleave', function (e) {
      if (!box.contains(e.relatedTarget)) box.classList.remove('arrastando');
    });
    box.addEventListener('drop', function (e) {
      e.preventDefault();
      box.classList.remove('arrastando');
      if (!e.dataTransfer || !e.dataTransfer.files.length) return;
      setFiles(Array.prototype.slice.call(input.files).concat(Array.prototype.slice.call(e.dataTransfer.files)));
    });
    render();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll('[data-anexos]'), function (box) {
      if (box.dataset.anexosPronto) return;
      box.dataset.anexosPronto = '1';
      setup(box);
    });
  }
  // Again when a page of errors replaces the form's content (formulario_anexos.js).
  window.guicheAnexos = init;
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', init);
  else init();
})();
