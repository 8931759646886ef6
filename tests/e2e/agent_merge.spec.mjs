// Merging duplicates and mentions (issue 19, items 3 and 5): twenty reports of
// the same outage, registered by the central for eight requesters, are merged
// into one from its page; each duplicate is closed as such and its requester
// told; a requester reads on their own request what became of it; one merge
// is undone. Then an internal note mentions a colleague, who finds it in the
// workspace's notifications and follows the ticket.
import { expect } from './harness.mjs';
import { apiSession } from './api_session.mjs';

const requesters = ['solicitante', 'gestor.seger', 'ana.delpupo', 'jose.venturim', 'camila.rangel',
  'solicitante.sesa', 'eduardo.falqueto', 'renata.bernardina'];

export default async function agentMerge({ base, page, step, visit, signIn, newContext }) {
  let survivor = null;
  const duplicates = [];

  await step('vinte e uma SAs da mesma queda, de oito solicitantes', async () => {
    const central = await apiSession(base, 'atendente');
    const people = (await central.call('GET', '/api/v1/people?q=es.gov.br&limit=200')).items;
    const ids = requesters.map((login) => {
      // Logins where the person has one; else the demo's key is the e-mail's name.
      const p = people.find((x) => x.login === login) ||
        people.find((x) => (x.emails || []).some((e) => e.startsWith(login + '@')));
      expect(p, 'pessoa da demonstração: ' + login);
      return p.id;
    });
    for (let i = 0; i < 21; ++i) {
      const t = await central.call('POST', '/api/v1/tickets', { service_code: 'SIS-ACESSO',
        requester_id: ids[i % ids.length], subject: 'SIGEFES fora do ar (' + (i + 1) + ')',
        description: 'O SIGEFES não abre desde as 9h.',
        form_answers: { sistema: 'SIGEFES', matricula: '1112223', perfil: 'Consulta', justificativa: 'Queda.' } });
      if (i === 0) survivor = t; else duplicates.push(t);
    }
  });

  await step('unir os vinte duplicados pela página do chamado', async () => {
    await signIn(page, 'atendente');
    await page.goto(base + '/atendimento/chamados/' + survivor.protocol);
    await page.click('#painel-unir > summary');
    await page.fill('#duplicados', duplicates.map((d) => d.protocol).join(', '));
    await page.fill('#observacao-uniao', 'Mesma queda do SIGEFES.');
    await Promise.all([page.waitForSelector('#duplicados-recebidos'),
      page.click('#form-unir button[type=submit]')]);
    expect(await page.locator('#duplicados-recebidos li').count() === 20, 'vinte duplicados listados');
    await visit(page, 'chamado com duplicados unidos', 'chamado-unido-1280');
  });

  await step('cada duplicado encerrado e cada solicitante avisado', async () => {
    const admin = await apiSession(base, 'admin');
    const outbox = (await admin.call('GET', '/api/v1/outbox?limit=200')).items;
    for (const d of duplicates) {
      const now = await admin.call('GET', '/api/v1/tickets/' + d.id);
      expect(now.status === 'closed', d.protocol + ' encerrado: ' + now.status);
      const told = outbox.filter((m) => m.ticket_id === d.id && m.template === 'merged');
      expect(told.length === 1, `${d.protocol}: o solicitante avisado uma vez (${told.length})`);
    }
  });

  await step('o solicitante lê na sua SA a que ela foi unida', async () => {
    const mine = duplicates.find((_, i) => (i + 1) % requesters.length === 0);  // solicitante's
    const context = await newContext();
    const p = await context.newPage();
    await signIn(p, 'solicitante');
    await p.goto(base + '/chamados/' + mine.protocol);
    const body = await p.textContent('main');
    expect(body.includes('Unida, como duplicada, à solicitação ' + survivor.protocol), 'o aviso na linha do tempo');
    await visit(p, 'solicitação unida (solicitante)', 'solicitacao-unida');
    await context.close();
  });

  await step('desfazer a união de um duplicado', async () => {
    const first = duplicates[0];
    await page.click(`#duplicados-recebidos form:has(input[value="${first.protocol}"]) button`);
    await page.waitForFunction((n) => document.querySelectorAll('#duplicados-recebidos li').length === n, 19);
    const central = await apiSession(base, 'atendente');
    const back = await central.call('GET', '/api/v1/tickets/' + first.id);
    expect(back.status !== 'closed', 'de volta ao atendimento: ' + back.status);
  });

  await step('uma menção avisa a colega, que a encontra nas notificações', async () => {
    // The analyst may see the ticket once it is routed to her unit (a mention of
    // someone who may not see it is named on the note, not delivered).
    const central = await apiSession(base, 'atendente');
    const units = (await central.call('GET', '/api/v1/units')).items;
    await central.call('POST', `/api/v1/tickets/${survivor.id}/route`,
      { unit_id: units.find((u) => u.code === 'SGSIS').id });
    await page.reload();
    await page.fill('#texto', '@analista pode verificar o servidor do SIGEFES?');
    await page.click('label[for=tipo-interna]');
    await Promise.all([page.waitForSelector('.nota-interna'), page.click('#form-mensagem button[type=submit]')]);
    const context = await newContext();
    const p = await context.newPage();
    await signIn(p, 'analista');
    await p.goto(base + '/atendimento');
    const link = await p.textContent('#link-notificacoes');
    expect(link.includes('(1)'), 'uma notificação não lida: ' + link);
    await p.click('#link-notificacoes');
    await p.waitForSelector('#notificacoes');
    const text = await p.textContent('#notificacoes');
    expect(text.includes('mencionou você') && text.includes(survivor.protocol), 'a menção: ' + text);
    await visit(p, '/atendimento/notificacoes', 'notificacoes');
    await p.goto(base + '/atendimento/seguindo');
    expect((await p.textContent('#seguindo')).includes(survivor.protocol), 'a analista segue o chamado');
    await visit(p, '/atendimento/seguindo', 'seguindo');
    await context.close();
  });
}
