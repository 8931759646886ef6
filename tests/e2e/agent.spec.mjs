// The agent workspace: the attendant registers requests by
// phone (an authorized requester and a non-client, who lands in client
// relations' queue), an analyst triages, asks the requester, and resolves
// with the time spent, and an open queue page shows a new ticket live.
import { expect } from './harness.mjs';
import { apiAs } from './api_session.mjs';

// An action of the ticket page: htmx swaps the page's element in without
// reloading it (web/static/chamado_agente.js counts the swaps on body).
async function act(page, selector) {
  const before = await page.evaluate(() => Number(document.body.dataset.trocas || 0));
  await page.click(selector);
  await page.waitForFunction((n) => Number(document.body.dataset.trocas || 0) > n, before,
    { timeout: 10000 });
}

// Opens an action's panel (a <details>) of the ticket page, as a person clicks its title.
async function openPanel(page, id) {
  if (!(await page.locator('#' + id).evaluate((d) => d.open))) await page.click(`#${id} > summary`);
}

// Signs in through the API and returns a function calling it with the session.
async function fillSisAccess(page, subject) {
  await page.fill('#assunto', subject);
  await page.fill('#descricao', 'Ligou pedindo perfil de consulta para a nova servidora.');
  const firstSystem = await page.locator('#campo-sistema option').nth(1).getAttribute('value');
  await page.selectOption('#campo-sistema', firstSystem);
  await page.fill('#campo-matricula', '7654321');
  await page.fill('#campo-perfil', 'Consulta');
  await page.fill('#campo-justificativa', 'Nova lotação.');
}

export default async function agentWorkspace({ base, page, step, visit, signIn, newContext, atPhoneWidth }) {
  let protocol = '';
  let outsider = '';

  await step('atendente: fila de atendimento', async () => {
    await signIn(page, 'atendente');
    await page.goto(base + '/atendimento');
    await visit(page, '/atendimento', 'atendimento');
    expect(await page.locator('.abas-fila a').count() === 5, 'cinco filas');
    expect(await page.locator('.abas-fila a[aria-current=page]').count() === 1, 'fila atual marcada');
    await page.goto(base + '/atendimento?fila=vencidos');
    await visit(page, '/atendimento?fila=vencidos');
  });

  await step('registro por telefone: solicitante autorizada', async () => {
    await page.goto(base + '/atendimento/registrar');
    await visit(page, '/atendimento/registrar', 'registrar-telefone');
    await page.fill('#q', 'Mariana');
    await page.waitForSelector('#resultados .lista-pessoas a');
    // Without htmx, the same search is a plain GET.
    await page.goto(base + '/atendimento/registrar?q=' + encodeURIComponent('mariana.ribeiro@seger'));
    await page.click('#resultados .lista-pessoas a');
    expect(/pessoa=\d+/.test(page.url()), 'pessoa escolhida: ' + page.url());
    await page.selectOption('#servico', 'SIS-ACESSO');
    await page.click('form:has(#servico) button[type=submit]');
    await page.click('form[method=post][action="/atendimento/registrar"] button[type=submit]');
    expect(await page.locator('#assunto-erro').count() === 1, 'erro ao lado do assunto');
    await visit(page, '/atendimento/registrar (erros)', 'registrar-telefone-erros');
    await fillSisAccess(page, 'Acesso ao SIGEFES por telefone');
    await page.click('form[method=post][action="/atendimento/registrar"] button[type=submit]');
    expect(page.url().includes('/atendimento/registrar/feito/'), 'confirmação: ' + page.url());
    protocol = (await page.textContent('#protocolo')).trim();
    expect(/^\d{4}-\d{6}$/.test(protocol), 'protocolo: ' + protocol);
    expect(await page.locator('#relacionamento').count() === 0, 'autorizada não vai ao relacionamento');
    await visit(page, 'confirmação do registro', 'registrado-telefone');
  });

  await step('registro por telefone: não cliente vai à Relação com Clientes', async () => {
    await page.goto(base + '/atendimento/registrar');
    await page.fill('#nome', 'Pedro Alves Siqueira');
    await page.click('form[action="/atendimento/registrar/pessoa"] button[type=submit]');
    expect(await page.locator('#email-erro').count() === 1, 'contato obrigatório');
    await page.fill('#email', 'pedro.siqueira@exemplo.com.br');
    await page.click('form[action="/atendimento/registrar/pessoa"] button[type=submit]');
    expect(/pessoa=\d+/.test(page.url()), 'pessoa criada: ' + page.url());
    await page.selectOption('#servico', 'SIS-ACESSO');
    await page.click('form:has(#servico) button[type=submit]');
    await fillSisAccess(page, 'Acesso pedido por Pedro Quixaba');
    await page.click('form[method=post][action="/atendimento/registrar"] button[type=submit]');
    outsider = (await page.textContent('#protocolo')).trim();
    const note = await page.textContent('#relacionamento');
    expect(/encaminhado à relação com clientes/i.test(note), 'aviso: ' + note);
    const other = await newContext();
    const relations = await other.newPage();
    await signIn(relations, 'relacionamento');
    await relations.goto(base + '/atendimento?q=Quixaba');
    expect(await relations.locator(`tr[data-protocolo="${outsider}"]`).count() === 1,
      'o chamado deveria estar na fila do relacionamento');
    await visit(relations, '/atendimento (relacionamento)');
    await other.close();
  });

  await step('atendente encaminha à unidade do analista', async () => {
    await page.goto(base + '/atendimento/chamados/' + protocol);
    await visit(page, '/atendimento/chamados/:p (atendente)');
    const sgsis = await page.locator('#unidade-destino option', { hasText: 'SGSIS' }).getAttribute('value');
    await openPanel(page, 'encaminhar');
    await page.selectOption('#unidade-destino', sgsis);
    await act(page, '#encaminhar button[type=submit]');
    expect((await page.textContent('#unidade-atual')).includes('SGSIS'), 'unidade SGSIS');
  });

  await step('atendente atribui a outra pessoa da unidade', async () => {
    // Nobody is chosen by default: sending the empty choice is an error by the field.
    expect(await page.inputValue('#atribuir-pessoa') === '', 'nenhuma pessoa escolhida');
    await openPanel(page, 'painel-atribuir');
    await act(page, '#form-atribuir button[type=submit]');
    expect(/Escolha a pessoa/.test(await page.textContent('#pessoa-erro')), 'escolha obrigatória');
    const thiago = await page.locator('#atribuir-pessoa option', { hasText: 'Thiago Moreira Dias' })
      .getAttribute('value');
    await page.selectOption('#atribuir-pessoa', thiago);
    await act(page, '#form-atribuir button[type=submit]');
    expect((await page.textContent('#responsavel-atual')).includes('Thiago Moreira Dias'),
      'responsável: ' + await page.textContent('#responsavel-atual'));
    // Someone outside the unit (a forged option) is refused next to the field.
    await page.evaluate(() => {
      const o = new Option('Fora da unidade', '999999');
      document.querySelector('#atribuir-pessoa').add(o);
      o.selected = true;
    });
    await act(page, '#form-atribuir button[type=submit]');
    const error = await page.textContent('#pessoa-erro');
    expect(/não atua nessa unidade/.test(error), 'erro ao lado do campo: ' + error);
    expect(await page.getAttribute('#atribuir-pessoa', 'aria-describedby') === 'pessoa-erro',
      'campo ligado ao erro');
    await visit(page, '/atendimento/chamados/:p (atribuição recusada)', 'chamado-atribuir-erro');
    expect((await page.textContent('#responsavel-atual')).includes('Thiago Moreira Dias'),
      'nada mudou');
    expect(await page.inputValue('#atribuir-pessoa') === thiago, 'o responsável atual escolhido');
  });

  await step('analista: triagem → pendente com o solicitante → resolvido', async () => {
    const other = await newContext();
    const analyst = await other.newPage();
    await signIn(analyst, 'analista');
    await analyst.goto(base + '/atendimento/chamados/' + protocol);
    // An analyst takes the ticket only for themself: no select of the unit's members.
    expect(await analyst.locator('#form-atribuir').count() === 0, 'analista não atribui a outros');
    await act(analyst, '.acoes-rapidas form:first-child button');
    expect((await analyst.textContent('#responsavel-atual')).includes('Fernanda Rocha Vieira'),
      'analista atribuiu a si');
    await openPanel(analyst, 'triagem');
    await analyst.click('label[for=categoria-service_request]');
    await analyst.selectOption('#impacto', '2');
    await analyst.selectOption('#urgencia', '2');
    // The lookup table follows the selects before the form is saved (triagem.js).
    expect((await analyst.textContent('[data-prioridade-escolhida]')).trim() === '5',
      'a tabela de prioridades segue as escolhas');
    expect(await analyst.locator('td.atual[data-impacto="2"][data-urgencia="2"]').count() === 1,
      'a célula impacto 2 × urgência 2 marcada');
    await act(analyst, '#triagem button[type=submit]');
    expect((await analyst.textContent('#prioridade-atual')).trim() === '5', 'prioridade 2×2 = 5');
    expect((await analyst.textContent('#aviso')).includes('Triagem registrada: prioridade 5'),
      'a triagem confirma o que fez');
    await analyst.fill('#texto', 'Conferir o perfil com a chefia.');
    await analyst.click('label[for=tipo-interna]');
    await act(analyst, '#form-mensagem button[type=submit]');
    expect(await analyst.locator('li.nota-interna .etiqueta-interna').count() === 1, 'nota interna marcada');
    await analyst.fill('#texto', 'Qual o perfil exato de acesso?');
    await analyst.click('label[for=tipo-pergunta]');
    await act(analyst, '#form-mensagem button[type=submit]');
    expect(/pendente com o solicitante/i.test(await analyst.textContent('#situacao-atual')), 'pendente');
    await visit(analyst, '/atendimento/chamados/:p (pendente)', 'chamado-agente');
    // The requester answers through the API; the ticket is back in progress.
    const requester = await apiAs(base, 'solicitante');
    const t = await requester('GET', '/api/v1/tickets/by-protocol/' + protocol);
    const answer = await requester('POST', `/api/v1/tickets/${t.json.id}/replies`, { text: 'Perfil consulta.' });
    expect(answer.status === 200, 'resposta do solicitante: ' + answer.status);
    await analyst.reload();
    expect(/em atendimento/i.test(await analyst.textContent('#situacao-atual')), 'em atendimento');
    await openPanel(analyst, 'resolver');
    await act(analyst, '#resolver button[type=submit]');
    expect(await analyst.locator('#solucao-erro').count() === 1, 'solução obrigatória');
    await visit(analyst, '/atendimento/chamados/:p (erros)');
    await analyst.fill('#solucao', 'Perfil de consulta criado.');
    await analyst.fill('#tempo_gasto', '25');
    await act(analyst, '#resolver button[type=submit]');
    expect(/resolvido/i.test(await analyst.textContent('#situacao-atual')), 'resolvido');
    await other.close();
  });

  await step('fila ao vivo: novo chamado aparece sem recarregar', async () => {
    await page.goto(base + '/atendimento?fila=minha-unidade&q=Xilofone');
    await page.evaluate(() => { window.semRecarregar = true; });
    await page.waitForFunction(() => document.querySelector('[sse-connect]') &&
      window.htmx && true);
    const requester = await apiAs(base, 'solicitante');
    await new Promise((r) => setTimeout(r, 500));  // the stream opens
    const created = await requester('POST', '/api/v1/tickets', { service_code: 'SIS-ACESSO',
      subject: 'Chamado Xilofone ao vivo', description: 'Registrado pela API durante o teste.',
      form_answers: { sistema: 'SIGEFES', matricula: '1112223', perfil: 'Consulta', justificativa: 'Teste.' } });
    expect(created.status === 201, 'registro pela API: ' + created.status + JSON.stringify(created.json));
    const live = created.json.protocol;
    await page.waitForSelector(`tr[data-protocolo="${live}"]`, { timeout: 10000 });
    expect(await page.evaluate(() => window.semRecarregar === true), 'a página foi recarregada');
  });

  let whatsappTicket = '';
  await step('chamado que veio pelo WhatsApp: conversa e janela', async () => {
    const attendant = await apiAs(base, 'atendente');
    const found = await attendant('GET', '/api/v1/tickets?q=' + encodeURIComponent('validar documento E-Docs'));
    const item = (found.json?.items ?? []).find((t) => t.subject === 'Erro ao validar documento do E-Docs');
    expect(item, 'chamado do WhatsApp da demonstração: ' + JSON.stringify(found.json));
    whatsappTicket = item.protocol;
    await page.goto(base + '/atendimento/chamados/' + whatsappTicket);
    expect(await page.locator('#whatsapp h2').textContent() === 'Conversa no WhatsApp', 'seção da conversa');
    expect(await page.locator('#janela-whatsapp').count() === 1, 'linha da janela na seção');
    expect(await page.locator('.conversa-whatsapp li.entrada').count() >= 1, 'mensagem do solicitante');
    expect(await page.locator('.conversa-whatsapp li.saida').count() >= 1, 'mensagem da central');
    expect(await page.locator('#form-mensagem #janela-resposta').count() === 1, 'linha da janela junto da resposta');
    await visit(page, '/atendimento/chamados/:p (WhatsApp)', 'chamado-whatsapp');
  });

  await step('360 px: páginas do atendimento sem rolagem horizontal', async () => {
    await atPhoneWidth(page.context(), [['/atendimento', 'atendimento-360'],
      ['/atendimento/chamados/' + protocol, 'chamado-agente-360'],
      ['/atendimento/chamados/' + whatsappTicket, 'chamado-whatsapp-360'],
      ['/atendimento/registrar', 'registrar-telefone-360']]);
  });

  await step('360 px: o prazo aparece na fila sem rolar', async () => {
    const narrow = await page.context().newPage();
    await narrow.setViewportSize({ width: 360, height: 740 });
    await narrow.goto(base + '/atendimento?fila=sem-responsavel');
    const cell = narrow.locator('#fila-tabela tbody tr:first-child .restante');
    if (await cell.count() > 0) {
      const box = await cell.boundingBox();
      expect(box && box.x + box.width <= 360, 'prazo fora da tela em 360 px: ' + JSON.stringify(box));
    }
    await visit(narrow, '/atendimento (360 px, prazo)', 'atendimento-prazo-360');
    await narrow.close();
  });

  await step('solicitante não abre o atendimento', async () => {
    const other = await newContext();
    const p = await other.newPage();
    await signIn(p, 'solicitante');
    const r = await p.goto(base + '/atendimento');
    expect(r.status() === 403, 'esperava 403: ' + r.status());
    await other.close();
  });
}
