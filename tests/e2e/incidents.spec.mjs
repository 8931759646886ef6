// Incident communication end to end (norm NPI-007), each person in a browser
// of their own: an organization manager reports a possible incident through
// the portal; ASCOM acknowledges it (6.1 reaches the reporter); the
// responsible team confirms it in general (a draft) and ASCOM publishes it
// after looking at the message exactly as it will be sent; leadership
// previews and confirms in its own name; the status page, the Atom feed and
// summary.json show it; three SAs are linked from the notice's page; the
// team restores it (6.4), ASCOM publishes, and the linked SAs are resolved
// with one note, each requester told. Axe on every staff page, 1280 and 360 px.
import { expect } from './harness.mjs';
import { apiSession, registerEquipment } from './api_session.mjs';

export default async function incidents(t) {
  const { base, page, step, visit, signIn, newContext, atPhoneWidth } = t;
  const component = 'Banco de dados corporativo';
  const description = 'Desde as 9h nenhum sistema da SEGER consegue gravar dados (e2e).';
  let reportUrl = '';
  let noticeUrl = '';
  const as = async (login) => {
    const context = await newContext();
    const p = await context.newPage();
    await signIn(p, login);
    return { context, page: p };
  };

  await step('o gestor do órgão informa um possível incidente pelo portal', async () => {
    await signIn(page, 'gestor.seger');
    await page.goto(base + '/minha-area');
    await Promise.all([page.waitForLoadState('load'), page.click('#informar-incidente')]);
    expect(page.url().endsWith('/incidentes/informar'), 'formulário: ' + page.url());
    await visit(page, '/incidentes/informar', 'incidente-informar');
    await page.check(`label:has-text("${component}")`);
    await page.fill('#descricao', description);
    await Promise.all([page.waitForLoadState('load'), page.click('#form-informar button[type=submit]')]);
    expect(/\/incidentes\/\d+$/.test(page.url()), 'o relato: ' + page.url());
    reportUrl = page.url();
    expect((await page.textContent('#situacao')).includes('Relatado'), 'relatado');
  });

  const ascom = await as('comunicacao');
  await step('a Ascom vê o relato no quadro e confirma o recebimento (6.1)', async () => {
    const p = ascom.page;
    await p.goto(base + '/atendimento');
    await p.goto(base + '/atendimento/comunicados');
    await visit(p, '/atendimento/comunicados', 'comunicados-quadro');
    const line = p.locator('#incidentes article', { hasText: component });
    expect(await line.count() >= 1, 'o relato no quadro');
    await Promise.all([p.waitForLoadState('load'), line.first().locator('a').first().click()]);
    noticeUrl = p.url();
    expect(/\/atendimento\/comunicados\/\d+$/.test(noticeUrl), 'página do comunicado: ' + noticeUrl);
    expect((await p.textContent('main')).includes(description), 'o que o gestor relatou');
    await Promise.all([p.waitForLoadState('load'), p.click('#acao-acknowledge button[type=submit]')]);
    expect((await p.textContent('#situacao')).includes('Recebimento confirmado'), 'recebimento confirmado');
    await page.goto(reportUrl);
    const text = await page.textContent('main');
    expect(text.includes('Confirmação de Recebimento de Notificação'), 'a 6.1 chegou ao relator');
    expect(text.includes('solicitação de atendimento (SA)'), 'o texto da norma');
  });

  const team = await as('analista.infra');
  await step('a equipe confirma em geral; a mensagem espera a Ascom', async () => {
    const p = team.page;
    await p.goto(noticeUrl);
    await p.fill('#confirm_general-impacto', 'a gravação de dados nos sistemas do Estado');
    await Promise.all([p.waitForLoadState('load'), p.click('#acao-confirm_general button:not([name=previa])')]);
    expect((await p.textContent('#situacao')).includes('Confirmado em geral'), 'confirmado em geral');
    expect(await p.locator('#rascunhos .mensagem-previa').count() === 1, 'um rascunho');
    const status = await (await p.request.get(base + '/status/api/v2/summary.json')).json();
    expect(!status.incidents.some((i) => i.name.includes(component)), 'o rascunho nunca é público');
  });

  await step('a Ascom lê a mensagem exatamente como será enviada e publica', async () => {
    const p = ascom.page;
    await p.goto(noticeUrl);
    await visit(p, '/atendimento/comunicados/:id', 'comunicado-rascunho');
    const draft = await p.textContent('#rascunhos .mensagem-previa');
    expect(draft.includes('Aviso de Indisponibilidade'), 'o título da 6.3: ' + draft);
    expect(draft.includes('pode afetar a gravação de dados nos sistemas do Estado'), 'o impacto');
    expect(/horário de Brasília/.test(draft), 'o fuso nomeado');
    expect(!/\[|\{\{/.test(draft), 'nenhum marcador por preencher');
    await Promise.all([p.waitForLoadState('load'), p.click('#acao-publish button[type=submit]')]);
    expect(await p.locator('#rascunhos').count() === 0, 'nada mais a publicar');
  });

  const director = await as('diretoria');
  await step('a direção vê a prévia e confirma em seu próprio nome', async () => {
    const p = director.page;
    await p.goto(noticeUrl);
    await p.fill('#leadership_confirm-cargo', 'Diretor-Presidente');
    await Promise.all([p.waitForLoadState('load'), p.click('#acao-leadership_confirm button[name=previa]')]);
    const preview = await p.textContent('#previa-leadership_confirm');
    expect(preview.includes('Paulo Sérgio Vervloet, Diretor-Presidente'), 'a assinatura na prévia');
    await visit(p, '/atendimento/comunicados/:id (prévia)', 'comunicado-previa');
    await Promise.all([p.waitForLoadState('load'),
      p.click('#acao-leadership_confirm button:not([name=previa])')]);
    expect((await p.textContent('#confirmado-por')).includes('Paulo Sérgio Vervloet, Diretor-Presidente'),
      'quem confirmou');
  });

  await step('a página pública, o feed e o summary.json mostram o incidente', async () => {
    const anonymous = await newContext();
    const p = await anonymous.newPage();
    await p.goto(base + '/status');
    const open = p.locator('section[aria-labelledby=titulo-abertos] article', { hasText: component });
    expect(await open.count() === 1, 'o incidente em andamento');
    expect((await open.textContent()).includes('Paulo Sérgio Vervloet, Diretor-Presidente'),
      'a confirmação da direção, em nome próprio');
    const xml = await (await p.request.get(base + '/status/feed.atom')).text();
    expect(xml.includes('Confirmação de Indisponibilidade') && xml.includes(component), 'no feed');
    const summary = await (await p.request.get(base + '/status/api/v2/summary.json')).json();
    const incident = summary.incidents.find((i) => i.name.includes(component));
    expect(incident && incident.incident_updates.length === 2, 'duas atualizações: ' + JSON.stringify(incident));
    await anonymous.close();
  });

  const tickets = [];
  await step('três SAs vinculadas pela página do comunicado', async () => {
    for (const [login, subject] of [['solicitante', 'Sistemas não gravam (SEGER)'],
      ['solicitante.sesa', 'Sistema da saúde sem gravar'], ['gestor.seger', 'Erro ao salvar']]) {
      tickets.push(await registerEquipment(await apiSession(base, login), subject));
    }
    const attendant = await as('atendente');
    const p = attendant.page;
    await p.goto(noticeUrl);
    for (const t of tickets) {
      await p.fill('#protocolo', t.protocol);
      await Promise.all([p.waitForLoadState('load'), p.click('#form-vincular button[type=submit]')]);
    }
    const linked = await p.locator('.chamados-vinculados li').count();
    expect(linked === 3, 'três SAs vinculadas: ' + linked);
    await visit(p, '/atendimento/comunicados/:id (SAs)', 'comunicado-chamados');
    await attendant.context.close();
  });

  await step('restabelecido (6.4): as SAs resolvidas com uma nota, cada solicitante avisado', async () => {
    await team.page.goto(noticeUrl);
    await Promise.all([team.page.waitForLoadState('load'),
      team.page.click('#acao-restore button:not([name=previa])')]);
    await ascom.page.goto(noticeUrl);
    const draft = await ascom.page.textContent('#rascunhos .mensagem-previa');
    expect(draft.includes('Serviço Restabelecido'), 'a 6.4 espera a Ascom: ' + draft);
    await Promise.all([ascom.page.waitForLoadState('load'), ascom.page.click('#acao-publish button[type=submit]')]);
    const attendant = await as('atendente');
    const p = attendant.page;
    await p.goto(noticeUrl);
    expect(await p.locator('#form-resolver').count() === 1, 'a oferta de resolver as SAs');
    await p.fill('#nota', 'O banco de dados voltou a operar normalmente às 11h.');
    await Promise.all([p.waitForLoadState('load'), p.click('#form-resolver button[type=submit]')]);
    const outcome = await p.textContent('#resultado-resolucao');
    expect(outcome.includes('Chamados resolvidos: 3.'), 'resultado: ' + outcome);
    const admin = await apiSession(base, 'admin');
    const outbox = (await admin.call('GET', '/api/v1/outbox?limit=200')).items;
    for (const t of tickets) {
      const told = outbox.filter((m) => m.ticket_id === t.id && m.template === 'resolution');
      expect(told.length === 1, `${t.protocol}: o solicitante avisado uma vez (${told.length})`);
    }
    const summary = await (await p.request.get(base + '/status/api/v2/summary.json')).json();
    const incident = (await (await p.request.get(base + '/status/api/v2/incidents.json')).json())
      .incidents.find((i) => i.name.includes(component));
    expect(incident && incident.status === 'resolved', 'resolvido no incidents.json');
    expect(!summary.incidents.some((i) => i.name.includes(component)), 'fora dos incidentes abertos');
    await attendant.context.close();
  });

  await step('programar manutenção: o formulário', async () => {
    const p = team.page;
    await p.goto(base + '/atendimento/comunicados/novo?tipo=manutencao');
    await visit(p, '/atendimento/comunicados/novo?tipo=manutencao', 'comunicado-nova-manutencao');
  });

  await step('o administrador cadastra os componentes', async () => {
    const admin = await as('admin');
    await admin.page.goto(base + '/admin/componentes');
    await visit(admin.page, '/admin/componentes', 'admin-componentes');
    const link = admin.page.locator('.lista-componentes a', { hasText: component });
    await Promise.all([admin.page.waitForLoadState('load'), link.click()]);
    await visit(admin.page, '/admin/componentes/:id', 'admin-componente');
    expect(await admin.page.locator('#orgaos input:checked').count() >= 1, 'os órgãos que o usam');
    await admin.context.close();
  });

  await step('360 px', async () => {
    await atPhoneWidth(ascom.context, [
      ['/atendimento/comunicados', 'comunicados-quadro-360'],
      [new URL(noticeUrl).pathname, 'comunicado-360'],
    ]);
    await atPhoneWidth(page.context(), [[new URL(reportUrl).pathname, 'incidente-relato-360']]);
  });

  for (const who of [ascom, team, director]) await who.context.close();
}
