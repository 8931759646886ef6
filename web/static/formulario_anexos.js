// A form with files keeps them when the server finds fields to correct: with
// files chosen, the form goes by fetch; a redirect (the request registered)
// is followed, and a page of errors replaces the page's content around the
// same <input type=file>, which keeps the files chosen (a browser cannot be
// given files back in a page it loads). Without this script, or without
// files, the form posts as usual and the page of errors asks for the files
// again (web/portal/catalog_pages.cpp).
(function () {
  'use strict';

  function keepFiles(form) {
    form.addEventListener('submit', function (e) {
      var inputs = form.querySelectorAll('input[type=file]');
      var chosen = Array.prototype.some.call(inputs, function (i) { return i.files.length > 0; });
      if (!chosen || typeof fetch === 'undefined' || typeof DOMParser === 'undefined') return;
      e.preventDefault();
      var button = form.querySelector('[type=submit]');
      if (button) button.disabled = true;
      fetch(form.action, {
        method: 'POST', body: new FormData(form), credentials: 'same-origin',
        headers: { 'X-Anexos-Mantidos': '1' }
      }).then(function (res) {
        if (res.redirected) { window.location.assign(res.url); return null; }
        return res.text().then(function (html) { return { status: res.status, html: html }; });
      }).then(function (answer) {
        if (!answer) return;
        var doc = new DOMParser().parseFromString(answer.html, 'text/html');
        var fresh = doc.getElementById('conteudo');
        var main = document.getElementById('conteudo');
        if (!fresh || !main || answer.status !== 422) { document.open(); document.write(answer.html); document.close(); return; }
        // The same file inputs, with their files, in place of the page's new ones.
        Array.prototype.forEach.call(inputs, function (input) {
          var twin = fresh.querySelector('input[type=file][name="' + input.name + '"]');
          if (twin) twin.parentNode.replaceChild(input, twin);
        });
        main.replaceChildren.apply(main, Array.prototype.slice.call(document.adoptNode(fresh).childNodes));
        document.title = doc.title;
        setUp();
        if (window.guicheAnexos) window.guicheAnexos();
        var summary = document.getElementById('resumo-erros');
        if (summary) summary.focus();
      }).catch(function () {
        // The network failed: send it the usual way, which at least says so.
        if (button) button.disabled = false;
        form.submit();
      });
    });
  }

  function setUp() {
    Array.prototype.forEach.call(document.querySelectorAll('form[data-mantem-anexos]'), function (form) {
      if (form.dataset.mantemAnexosPronto) return;
      form.dataset.mantemAnexosPronto = '1';
      keepFiles(form);
    });
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', setUp);
  else setUp();
})();
