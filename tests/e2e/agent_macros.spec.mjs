// Answer templates, macros and bulk actions (issue 19, items 2 and 4): a
// macro answers and resolves a ticket in one action (the requester sees the
// reply and the resolution, the history the macro); the reply box's template
// picker narrows as the agent types and puts the filled text where the cursor
// is; a bulk route of 50 tickets from the queue, chosen with "select all on
// the page", each ticket recorded on its own; the pages that keep templates
// and macros. Axe on each page, screenshots at 1280 and 360 px.
import { expect } from './harness.mjs';
import { apiAs } from './api_session.mjs';

const form = { sistema: 'SIGEFES', matricula: '1112223', perfil: 'Consulta', justificativa: 'Teste.' };

export default async function agentMacros({ base, page, step, visit, signIn, context, atPhoneWidth }) {
  let requester;
  let ticket;

  await step('um chamado do solicitante, aberto pela atendente', async () => {
    requester = await apiAs(base, 'solicitante');
    const created = await requester('POST', '/api/v1/tickets', { service_code: 'SIS-ACESSO',
      subject: 'Esqueci a senha do SIGEFES', description: 'Não consigo entrar: senha expirada.',
      form_answers: form });
    expect(created.status === 201, 'registro: ' + created.status);
    ticket = created.json;
    await signIn(page, 'atendente');
    await page.goto(base + '/atendimento/chamados/' + ticket.protocol);
    await visit(page, 'chamado com respostas padrão e macros', 'macros-chamado-1280');
  });

  await step('a resposta padrão filtra ao digitar e entra onde está o cursor', async () => {
    await page.fill('#texto', 'Prezado(a), ');
    await page.locator('#busca-resposta').pressSequentially('fornec', { delay: 30 });
    await page.waitForFunction(() => {
      const options = [...document.querySelectorAll('#resposta-padrao option')].map((o) => o.textContent);
      return options.length === 1 && options[0] === 'Aguardando fornecedor';
    }, null, { timeout: 10000 });
    await page.click('#botao-inserir-resposta');
    await page.waitForFunction(() => document.getElementById('texto').value.includes('fornecedor'),
      null, { timeout: 10000 });
    const text = await page.inputValue('#texto');
    expect(text.startsWith('Prezado(a), Olá, '), 'o texto ficou antes: ' + text);
    expect(text.includes(ticket.protocol), 'o protocolo preenchido: ' + text);
    expect(!text.includes('{{'), 'sobrou um campo: ' + text);
    expect(await page.evaluate(() => document.activeElement.id) === 'texto', 'o foco vai ao texto');
    await page.fill('#texto', '');
  });

  await step('uma macro responde e resolve o chamado numa só ação', async () => {
    await page.click('#painel-macro > summary');
    await page.selectOption('#macro', { label: 'Senha redefinida — resolver' });
    const before = await page.evaluate(() => Number(document.body.dataset.trocas || 0));
    await page.click('#botao-aplicar-macro');
    await page.waitForFunction((n) => Number(document.body.dataset.trocas || 0) > n, before,
      { timeout: 10000 });
    expect((await page.textContent('#situacao-atual')).includes('Resolvido'),
      'situação: ' + await page.textContent('#situacao-atual'));
    expect((await page.textContent('#aviso')).includes('Macro aplicada'), 'o aviso da macro');
    const history = await page.textContent('#conversa');
    for (const part of ['Macro aplicada', 'Senha redefinida — resolver', 'Sua senha foi redefinida',
      'Senha redefinida no diretório corporativo']) {
      expect(history.includes(part), 'no histórico: ' + part);
    }
    await visit(page, 'chamado resolvido pela macro', 'macros-resolvido-1280');
    // The requester: the reply and the resolution, not the macro.
    const events = await requester('GET', `/api/v1/tickets/${ticket.id}/events`);
    const kinds = events.json.items.map((e) => e.kind);
    expect(kinds.includes('public_reply') && kinds.includes('resolved'), 'eventos: ' + kinds);
    expect(!kinds.includes('macro_applied'), 'o solicitante não vê a macro');
    const seen = await requester('GET', `/api/v1/tickets/${ticket.id}`);
    expect(seen.json.status === 'resolved', 'situação para o solicitante: ' + seen.json.status);
  });

  const word = 'lotecinquenta';
  const ids = [];
  await step('50 chamados novos na fila', async () => {
    for (let i = 0; i < 50; i++) {
      const created = await requester('POST', '/api/v1/tickets', { service_code: 'SIS-ACESSO',
        subject: `Acesso ${word} ${i + 1}`, description: `Pedido ${i + 1} de acesso ao SIGEFES.`,
        form_answers: form });
      expect(created.status === 201, `registro ${i}: ${created.status} ${JSON.stringify(created.json)}`);
      ids.push(created.json.id);
    }
  });

  await step('um encaminhamento em lote de 50 chamados', async () => {
    await page.goto(base + `/atendimento?fila=sem-responsavel&q=${word}`);
    expect(await page.locator('input.selecionar-chamado').count() === 50,
      'linhas: ' + await page.locator('input.selecionar-chamado').count());
    await visit(page, 'fila com ações em lote', 'lote-fila-1280');
    // Keyboard: "j" moves to the first ticket, "x" selects it and again leaves it.
    await page.focus('body');
    await page.keyboard.press('j');
    await page.keyboard.press('x');
    expect((await page.textContent('#lote-contagem')).includes('1'), 'x seleciona: ' +
      await page.textContent('#lote-contagem'));
    await page.keyboard.press('x');
    expect((await page.textContent('#lote-contagem')).trim() === '', 'x de novo deixa');
    // "Select all on the page", with the space bar.
    await page.focus('#selecionar-todos');
    await page.keyboard.press('Space');
    expect((await page.textContent('#lote-contagem')).includes('50'), 'contagem: ' +
      await page.textContent('#lote-contagem'));
    await page.selectOption('#lote-acao', 'encaminhar');
    expect(await page.locator('#lote-unidade').isVisible(), 'a unidade aparece para encaminhar');
    expect(!(await page.locator('#lote-situacao').isVisible()), 'a situação some');
    await page.selectOption('#lote-unidade', { label: 'SGSIS — Subgerência de Desenvolvimento de Sistemas' });
    await page.click('#lote-aplicar');
    await page.waitForURL('**/atendimento/lote');
    expect((await page.textContent('#lote-resumo')).includes('50 de 50 chamados alterados.'),
      'resumo: ' + await page.textContent('#lote-resumo'));
    expect(await page.locator('#lote-feitos li').count() === 50, 'os 50 listados');
    await visit(page, 'resultado do lote', 'lote-resultado-1280');
    // Each ticket its own route event.
    const atendente = await apiAs(base, 'atendente');
    for (const id of [ids[0], ids[49]]) {
      const events = await atendente('GET', `/api/v1/tickets/${id}/events`);
      expect(events.json.items.filter((e) => e.kind === 'routed').length === 1, 'um encaminhamento em ' + id);
    }
  });

  await step('o lote nomeia o que pulou: a analista não vê chamados de outra unidade', async () => {
    const analista = await apiAs(base, 'analista.infra');
    const r = await analista('POST', '/api/v1/tickets/bulk', { ticket_ids: ids.slice(0, 3),
      action: { kind: 'status', status: 'in_progress' } });
    expect(r.status === 200 && r.json.done === 0 && r.json.skipped === 3, JSON.stringify(r.json));
    expect(r.json.tickets.every((t) => t.reason && t.protocol === null), JSON.stringify(r.json.tickets));
    const many = await analista('POST', '/api/v1/tickets/bulk', {
      ticket_ids: Array.from({ length: 101 }, (_, i) => i + 1), action: { kind: 'status', status: 'in_progress' } });
    expect(many.status === 422, 'acima de 100: ' + many.status);
  });

  await step('o gerente mantém as respostas padrão da sua unidade', async () => {
    await signIn(page, 'gerente');
    await page.goto(base + '/atendimento/respostas');
    await visit(page, 'respostas padrão e macros', 'respostas-padrao-1280');
    await page.click('#nova-resposta');
    await page.fill('#titulo', 'Sistema em manutenção');
    await page.fill('#texto', 'Olá, {{solicitante}}. O sistema está em manutenção até {{prazo}}.');
    await visit(page, 'nova resposta padrão', 'resposta-padrao-nova-1280');
    await page.click('#salvar');
    await page.waitForURL('**/atendimento/respostas?salvo=1');
    expect((await page.textContent('main')).includes('Sistema em manutenção'), 'a nova resposta listada');
    // A macro of the unit: reply with it, log time, wait for a third party.
    await page.click('#nova-macro');
    await page.fill('#nome', 'Manutenção — aguardar');
    const reply = await page.$eval('#resposta', (select) =>
      [...select.options].find((o) => o.textContent.startsWith('Sistema em manutenção')).value);
    await page.selectOption('#resposta', reply);
    await page.fill('#minutos', '5');
    await page.selectOption('#situacao', 'pending_third_party');
    await visit(page, 'nova macro', 'macro-nova-1280');
    await page.click('#salvar');
    await page.waitForURL('**/atendimento/respostas?salvo=1');
    expect((await page.textContent('main')).includes('responde com “Sistema em manutenção”'),
      'os passos da macro: ' + await page.textContent('main'));
    await atPhoneWidth(context, [['/atendimento/respostas', 'respostas-padrao-360'],
      ['/atendimento/macros/nova', 'macro-nova-360']]);
  });

  await step('360 px: chamado, fila com lote e respostas padrão', async () => {
    await signIn(page, 'atendente');
    const open = await requester('POST', '/api/v1/tickets', { service_code: 'SIS-ACESSO',
      subject: 'Outro acesso', description: 'Acesso ao SIGEFES.', form_answers: form });
    await atPhoneWidth(context, [
      ['/atendimento/chamados/' + open.json.protocol, 'macros-chamado-360'],
      ['/atendimento?fila=sem-responsavel', 'lote-fila-360'],
    ]);
  });
}
