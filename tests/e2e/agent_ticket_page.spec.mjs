// The agent's ticket page for work (issue 19, item 1): the conversation as
// the main column and the attributes beside it at 1280 px, stacked with the
// conversation first at 360 px; actions in panels that do not reload the
// page (htmx); internal notes marked by a label and a background; the order
// of the conversation chosen and kept; the channel of the reply shown; and
// (item 6) three tickets of a queue handled with the keyboard only, through
// the shortcuts listed on "?", which never take a key typed in a field.
import { expect } from './harness.mjs';
import { apiAs } from './api_session.mjs';

// An action of the page: htmx swaps the page's element in (chamado_agente.js counts the swaps).
async function act(page, selector) {
  const before = await page.evaluate(() => Number(document.body.dataset.trocas || 0));
  await page.click(selector);
  await page.waitForFunction((n) => Number(document.body.dataset.trocas || 0) > n, before,
    { timeout: 10000 });
}

// A key that makes htmx swap the page's element in.
async function keyAct(page, key) {
  const before = await page.evaluate(() => Number(document.body.dataset.trocas || 0));
  await page.keyboard.press(key);
  await page.waitForFunction((n) => Number(document.body.dataset.trocas || 0) > n, before,
    { timeout: 10000 });
}

const focused = (page) => page.evaluate(() => document.activeElement && document.activeElement.id);

const box = async (page, selector) => page.locator(selector).boundingBox();

export default async function agentTicketPage({ base, page, step, visit, signIn, newContext }) {
  let path = '';
  const subject = 'Impressora do protocolo sem imprimir';

  await step('chamado novo e outro aberto do mesmo solicitante', async () => {
    const requester = await apiAs(base, 'solicitante');
    for (const s of ['Outro pedido aberto do solicitante', subject]) {
      const created = await requester('POST', '/api/v1/tickets', { service_code: 'SIS-ACESSO',
        subject: s, description: 'A impressora do protocolo não imprime desde ontem.',
        form_answers: { sistema: 'SIGEFES', matricula: '1112223', perfil: 'Consulta', justificativa: 'Teste.' } });
      expect(created.status === 201, 'registro: ' + created.status + JSON.stringify(created.json));
      path = '/atendimento/chamados/' + created.json.protocol;
    }
  });

  await step('1280 px: a conversa à esquerda, os dados ao lado, ações sem recarregar', async () => {
    await signIn(page, 'atendente');
    await page.goto(base + path);
    await page.evaluate(() => { window.semRecarregar = true; });
    // Take the ticket, write an internal note and a reply: no reload.
    await act(page, '#botao-atribuir-a-mim');
    await page.fill('#texto', 'Verificar o toner antes de chamar o fornecedor.');
    await page.click('label[for=tipo-interna]');
    await act(page, '#form-mensagem button[type=submit]');
    await page.fill('#texto', 'Estamos verificando a impressora.');
    await act(page, '#form-mensagem button[type=submit]');
    await page.click('#tempo > summary');
    await page.fill('#minutos', '15');
    await act(page, '#tempo button[type=submit]');
    expect(await page.evaluate(() => window.semRecarregar === true), 'a página foi recarregada');
    const me = (await page.textContent('.sair .quem')).trim();
    expect((await page.textContent('#responsavel-atual')).includes(me),
      'responsável: ' + await page.textContent('#responsavel-atual'));
    const note = page.locator('#conversa li.nota-interna');
    expect(await note.count() === 1, 'uma nota interna');
    expect((await note.innerText()).includes('Nota interna'), 'o rótulo "Nota interna"');
    const noteBg = await note.evaluate((li) => getComputedStyle(li).backgroundColor);
    const replyBg = await page.locator('#conversa li.mensagem-conversa:not(.nota-interna)')
      .evaluate((li) => getComputedStyle(li).backgroundColor);
    expect(noteBg !== replyBg, `fundo da nota (${noteBg}) igual ao da resposta (${replyBg})`);
    expect(/e-mail/.test(await page.textContent('#canal-resposta')), 'canal da resposta: ' +
      await page.textContent('#canal-resposta'));
    expect(await page.locator('#outros-do-solicitante li').count() >= 1, 'outro chamado do solicitante');
    const main = await box(page, '#historico');
    const side = await box(page, '#resumo');
    expect(side.x >= main.x + main.width - 1, `coluna lateral à direita: ${JSON.stringify([main, side])}`);
    expect(side.y < main.y + 200, 'a coluna lateral começa no alto');
    // The reply box is on the first screen's width, the panels closed.
    expect(await page.locator('#triagem').evaluate((d) => !d.open), 'triagem recolhida');
    await visit(page, path + ' (1280 px)', 'chamado-trabalho-1280');
  });

  await step('ordem da conversa: mais recentes primeiro, e fica lembrada', async () => {
    await page.click('.ordem-conversa a[href*="ordem=recentes"]');
    await page.waitForLoadState('load');
    const first = await page.locator('#conversa li').first().innerText();
    expect(first.includes('Tempo') || first.includes('15 min'), 'o mais recente primeiro: ' + first);
    // The reply box comes before the conversation in this order.
    const form = await box(page, '#form-mensagem');
    const list = await box(page, '#conversa');
    expect(form.y < list.y, 'caixa de resposta antes da conversa');
    await page.goto(base + path);
    expect((await page.locator('#conversa li').first().innerText()) === first, 'a ordem foi lembrada');
    await page.click('.ordem-conversa a[href*="ordem=antigas"]');
    await page.waitForLoadState('load');
    expect((await page.locator('#conversa li').first().innerText()).includes('Registrado'),
      'a mais antiga primeiro');
  });

  await step('sem JavaScript: o formulário envia e volta ao chamado', async () => {
    const other = await newContext({ javaScriptEnabled: false });
    const p = await other.newPage();
    await signIn(p, 'atendente');
    await p.goto(base + path);
    await p.click('#tempo > summary');
    await p.fill('#minutos', '5');
    await p.click('#tempo button[type=submit]');
    await p.waitForLoadState('load');
    expect(p.url().includes(path), 'de volta ao chamado: ' + p.url());
    expect((await p.locator('#conversa').innerText()).includes('5 min'), 'tempo apontado');
    await other.close();
  });

  await step('360 px: a conversa primeiro, depois os dados, sem rolagem lateral', async () => {
    const narrow = await page.context().newPage();
    await narrow.setViewportSize({ width: 360, height: 740 });
    await narrow.goto(base + path);
    const main = await box(narrow, '#historico');
    const side = await box(narrow, '#resumo');
    expect(main.y + main.height <= side.y + 1, 'conversa acima dos dados');
    const wide = await narrow.evaluate(() => document.documentElement.scrollWidth);
    expect(wide <= 360, `${wide} px de largura em 360 px`);
    await visit(narrow, path + ' (360 px)', 'chamado-trabalho-360');
    await narrow.close();
  });

  await step('teclado: três chamados da fila só com o teclado, atalhos no "?"', async () => {
    // Three new requests wait in the central's queue, nobody assigned.
    const requester = await apiAs(base, 'solicitante');
    for (let i = 1; i <= 3; i++) {
      const created = await requester('POST', '/api/v1/tickets', { service_code: 'SIS-ACESSO',
        subject: `Xerografia parada ${i}`, description: 'A copiadora do andar parou.',
        form_answers: { sistema: 'SIGEFES', matricula: '1112223', perfil: 'Consulta', justificativa: 'Teste.' } });
      expect(created.status === 201, 'registro: ' + created.status);
    }
    const other = await newContext();
    const p = await other.newPage();
    await signIn(p, 'atendente');
    const queuePath = '/atendimento?fila=sem-responsavel&q=Xerografia';
    await p.goto(base + queuePath);
    await p.waitForFunction(() => window.htmx);
    // "?" lists the shortcuts; Esc closes the list.
    await p.keyboard.press('?');
    expect(await p.locator('#atalhos').evaluate((d) => d.open), 'a lista de atalhos abriu');
    expect((await p.locator('#atalhos').innerText()).includes('Resolver o chamado'), 'lista');
    await visit(p, '/atendimento (atalhos)', 'atalhos-lista');
    await p.keyboard.press('Escape');
    expect(!(await p.locator('#atalhos').evaluate((d) => d.open)), 'a lista fechou');
    const queue = await p.locator('#fila-tabela tbody tr[data-protocolo]')
      .evaluateAll((rows) => rows.map((r) => r.dataset.protocolo));
    expect(queue.length === 3, 'três chamados sem responsável: ' + queue.length);
    await p.keyboard.press('j');
    expect((await p.evaluate(() => document.activeElement.textContent)) === queue[0], 'j: o primeiro');
    await Promise.all([p.waitForURL('**/atendimento/chamados/' + queue[0]), p.keyboard.press('Enter')]);
    const me = (await p.textContent('.sair .quem')).trim();
    for (let i = 0; i < 3; i++) {
      await p.waitForFunction(() => window.htmx && document.body);
      // a: take it.
      await keyAct(p, 'a');
      expect((await p.textContent('#responsavel-atual')).includes(me), 'assumido: ' + queue[i] + ' ' +
        await p.locator('#chamado .br-message').allInnerTexts());
      // r (or n, the third time): the reply box, where letters are the text's own.
      await p.keyboard.press(i === 2 ? 'n' : 'r');
      expect(await focused(p) === 'texto', 'foco na caixa de mensagem');
      const text = `Já vamos ajudar, ${i + 1}: a j k s r n ?`;
      await p.keyboard.type(text);
      expect(await p.inputValue('#texto') === text, 'o campo recebeu cada tecla');
      expect(!(await p.locator('#atalhos').evaluate((d) => d.open)), '"?" no campo não abre a lista');
      expect(await p.isChecked(i === 2 ? '#tipo-interna' : '#tipo-publica'), 'tipo escolhido pela tecla');
      // Tab to "Enviar": the kind of message, the files, the button.
      for (let tab = 0; tab < 3; tab++) await p.keyboard.press('Tab');
      expect(await focused(p) === 'botao-enviar', 'Tab até Enviar: ' + await focused(p));
      await keyAct(p, 'Enter');
      expect((await p.locator('#conversa').innerText()).includes(text), 'mensagem registrada');
      if (i === 2) {
        // After sending, the focus is on the conversation's heading: keys are shortcuts again.
        expect(await focused(p) === 'historico-titulo', 'foco no título da conversa: ' + await focused(p));
        // s: the resolution, filled and sent from the keyboard.
        await p.keyboard.press('s');
        expect(await focused(p) === 'solucao', 's: foco na solução');
        await p.keyboard.type('Orientação passada.');
        await p.keyboard.press('Tab');
        await p.keyboard.type('10');
        await p.keyboard.press('Tab');
        await keyAct(p, 'Enter');
        expect(/resolvido/i.test(await p.textContent('#situacao-atual')), 'resolvido');
        break;
      }
      // j: the next ticket of the queue it was opened from.
      await Promise.all([p.waitForURL('**/atendimento/chamados/' + queue[i + 1]), p.keyboard.press('j')]);
    }
    // f: back to that queue.
    await Promise.all([p.waitForURL(base + queuePath), p.keyboard.press('f')]);
    await other.close();
  });
}
