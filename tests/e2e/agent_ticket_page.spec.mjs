// The agent's ticket page for work (issue 19, item 1): the conversation as
// the main column and the attributes beside it at 1280 px, stacked with the
// conversation first at 360 px; actions in panels that do not reload the
// page (htmx); internal notes marked by a label and a background; the order
// of the conversation chosen and kept; the channel of the reply shown.
import { expect } from './harness.mjs';

async function apiAs(base, login) {
  const r = await fetch(base + '/api/v1/session', { method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: 'guiche-demo' }) });
  expect(r.status === 201, 'sessão da API para ' + login + ': ' + r.status);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await r.json();
  return async (method, path, body) => {
    const res = await fetch(base + path, { method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
}

// An action of the page: htmx swaps the page's element in (chamado_agente.js counts the swaps).
async function act(page, selector) {
  const before = await page.evaluate(() => Number(document.body.dataset.trocas || 0));
  await page.click(selector);
  await page.waitForFunction((n) => Number(document.body.dataset.trocas || 0) > n, before,
    { timeout: 10000 });
}

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
}
