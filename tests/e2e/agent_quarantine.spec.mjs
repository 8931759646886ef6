// The mail quarantine in the agent workspace: a stranger writes about a
// ticket (delivered as the mail gateway does, through the API), the
// attendant finds the message from the queue, reads its hostile text safely
// escaped, downloads the original and registers it as a request.
import { expect, demoPassword } from './harness.mjs';
import { apiSession } from './api_session.mjs';

// Delivers a raw message to /api/v1/mail/inbound as the attendant (the
// central de serviços receives the desk's mail).
async function deliver(base, raw) {
  const r = await fetch(base + '/api/v1/session', { method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login: 'atendente', password: demoPassword }) });
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await r.json();
  const res = await fetch(base + '/api/v1/mail/inbound', { method: 'POST',
    headers: { cookie, 'x-csrf-token': csrf, 'content-type': 'message/rfc822' }, body: raw });
  return { status: res.status, json: await res.json() };
}

export default async function agentQuarantine({ base, page, step, visit, signIn, newContext, atPhoneWidth }) {
  const attendant = await apiSession(base, 'atendente');
  const named = (await attendant.call('GET', '/api/v1/tickets?limit=1')).items[0].protocol;
  const hostile = '<script>window.invadido = 1</script><img src="x" onerror="window.invadido = 1">';
  let created = '';

  await step('mensagem de estranho sobre uma SA vai à quarentena', async () => {
    const raw = [
      'From: Estranho <estranho.e2e@exemplo.com>',
      'To: atendimento@prodest.es.gov.br',
      `Subject: [SA ${named}] Ajuda ${hostile}`,
      'Message-ID: <quarentena-e2e-1@exemplo.com>',
      'Date: Mon, 2 Mar 2026 09:00:00 -0300',
      'MIME-Version: 1.0',
      'Content-Type: text/plain; charset=utf-8',
      '',
      'Bom dia, sou o Quixote Estranho.',
      hostile,
      'Preciso de ajuda.',
      '',
    ].join('\r\n');
    const r = await deliver(base, raw);
    expect(r.status === 202 && r.json.outcome === 'quarantined', 'entrega: ' + JSON.stringify(r));
  });

  await step('atendente abre a quarentena pelo atendimento', async () => {
    await signIn(page, 'atendente');
    await page.goto(base + '/atendimento');
    await page.click('#link-quarentena');
    expect(page.url().endsWith('/atendimento/quarentena'), 'quarentena: ' + page.url());
    await visit(page, '/atendimento/quarentena', 'quarentena');
    const row = page.locator('#quarentena tbody tr', { hasText: 'estranho.e2e@exemplo.com' });
    expect(await row.count() === 1, 'a mensagem na lista');
    const cells = await row.locator('td').allTextContents();
    expect(cells[2].includes('<script>'), 'assunto escapado, como texto: ' + cells[2]);
    expect(/não está cadastrado/.test(cells[3]), 'motivo em português: ' + cells[3]);
    expect(cells[4].includes(named), 'a SA citada: ' + cells[4]);
    expect(await page.evaluate(() => window.invadido === undefined), 'script executado na lista');
    await row.locator('a').first().click();
  });

  await step('detalhe: texto escapado, original para baixar', async () => {
    await visit(page, '/atendimento/quarentena/:id', 'quarentena-mensagem');
    const body = await page.textContent('#texto-mensagem');
    expect(body.includes('Quixote Estranho') && body.includes('<script>window.invadido'),
      'texto da mensagem como texto: ' + body);
    expect(await page.locator('#texto-mensagem script, #texto-mensagem img').count() === 0,
      'nenhum elemento vindo da mensagem');
    expect(await page.evaluate(() => window.invadido === undefined), 'script executado no detalhe');
    const href = await page.getAttribute('a[download]', 'href');
    const original = await page.request.get(base + href);
    expect(original.status() === 200, 'original: ' + original.status());
    expect(original.headers()['content-disposition'].startsWith('attachment'), 'como anexo');
    expect((await original.text()).includes('Message-ID: <quarentena-e2e-1@exemplo.com>'),
      'os bytes originais');
  });

  await step('tentar de novo: continua em quarentena', async () => {
    await page.click('#tentar button[type=submit]');
    expect(/continua em quarentena/.test(await page.textContent('#aviso')), 'aviso');
  });

  await step('registrar como solicitação: erro sem solicitante, depois a SA', async () => {
    // The sender is not registered: nobody is found by the address.
    expect(await page.locator('#form-chamado input[name=pessoa]').count() === 0, 'ninguém achado');
    await page.click('#form-chamado button[type=submit]');
    const error = await page.textContent('#pessoa-erro');
    expect(/Escolha o solicitante/.test(error), 'erro ao lado do campo: ' + error);
    await visit(page, '/atendimento/quarentena/:id (erros)', 'quarentena-erros');
    await page.fill('#q', 'mariana.ribeiro@seger');
    await page.click('main form[role=search] button[type=submit]');
    expect(await page.locator('#form-chamado input[name=pessoa]:checked').count() === 1,
      'solicitante escolhida');
    await page.selectOption('#servico', 'SUP-TEC');
    await page.click('#form-chamado button[type=submit]');
    expect(page.url().includes('/atendimento/chamados/') && page.url().includes('aviso=da-quarentena'),
      'página do chamado: ' + page.url());
    expect(/quarentena/.test(await page.textContent('#aviso')), 'aviso de sucesso');
    created = (await page.textContent('#protocolo')).trim();
    const t = await attendant.call('GET', '/api/v1/tickets/by-protocol/' + created);
    expect(t.channel === 'email' && t.subject.includes('Ajuda'), 'chamado registrado: ' +
      JSON.stringify({ channel: t.channel, subject: t.subject }));
    const files = await attendant.call('GET', `/api/v1/tickets/${t.id}/attachments`);
    expect(files.items.some((f) => f.filename === 'mensagem-original.eml'), 'original anexo');
    await visit(page, '/atendimento/chamados/:p (da quarentena)', 'chamado-da-quarentena');
    await page.goto(base + '/atendimento/quarentena');
    expect(await page.locator('#quarentena tbody tr', { hasText: 'estranho.e2e@exemplo.com' }).count() === 0,
      'saiu das pendentes');
    await page.goto(base + '/atendimento/quarentena?situacao=resolvidas');
    await visit(page, '/atendimento/quarentena?situacao=resolvidas');
  });

  await step('360 px: quarentena sem rolagem horizontal', async () => {
    await page.goto(base + '/atendimento/quarentena?situacao=resolvidas');
    const id = await page.getAttribute('#quarentena tbody tr', 'data-mensagem');
    await atPhoneWidth(page.context(), [['/atendimento/quarentena?situacao=resolvidas', 'quarentena-360'],
      ['/atendimento/quarentena/' + id, 'quarentena-mensagem-360']]);
  });

  await step('analista não vê a quarentena', async () => {
    const other = await newContext();
    const p = await other.newPage();
    await signIn(p, 'analista');
    await p.goto(base + '/atendimento');
    expect(await p.locator('#link-quarentena').count() === 0, 'sem link para o analista');
    const r = await p.goto(base + '/atendimento/quarentena');
    expect(r.status() === 403, 'esperava 403: ' + r.status());
    expect(/central de serviços/.test(await p.textContent('main')), 'motivo em português');
    await other.close();
  });
}
