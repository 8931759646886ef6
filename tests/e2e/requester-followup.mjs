// The second half of the requester's journey for requester.spec.mjs: the
// request's page while the central de serviços works it through the API. The agent asks for
// information (pending with the requester), the requester answers with a file
// in the portal (which resumes it), the agent resolves, the requester
// evaluates with 4 stars (keyboard) and asks to reopen.
import { expect } from './harness.mjs';
import { apiSession, tinyPng } from './api_session.mjs';

export async function followUp({ base, context, page, step, visit, atPhoneWidth }, protocolOf) {
  let agent;
  let ticket;
  const url = () => base + '/chamados/' + protocolOf();
  const status = async () => (await page.textContent('#situacao')).trim();
  const currentStage = async () => (await page.textContent('.etapa[aria-current=step] .nome')).trim();

  await step('agente pede informações pela API (pendente com o solicitante)', async () => {
    agent = await apiSession(base, 'atendente');
    ticket = await agent.call('GET', '/api/v1/tickets/by-protocol/' + protocolOf());
    await agent.call('POST', `/api/v1/tickets/${ticket.id}/assign`, { assignee_id: agent.person.id });
    await agent.call('POST', `/api/v1/tickets/${ticket.id}/replies`,
      { text: 'Envie uma cópia da tela de erro, por favor.', asks_requester: true });
  });

  await step('chamado pendente: aviso, etapas e pedido da equipe no fluxo vivo', async () => {
    await page.goto(url());
    expect(await status() === 'Pendente com o solicitante', 'situação: ' + await status());
    expect(await currentStage() === 'Em atendimento', 'etapa atual: ' + await currentStage());
    // The team asked straight away, without triage: "Em análise" was skipped, not done.
    expect(await page.locator('.etapa.feita').count() === 1, 'registrada concluída');
    expect(/não percorrida/.test(await page.textContent('.etapa.pulada')), 'em análise não percorrida');
    expect(/aguarda a sua resposta/.test(await page.textContent('#responder')), 'aviso de pendência');
    expect(/Envie uma cópia da tela/.test(await page.textContent('#fluxo li.pede')), 'pedido destacado no fluxo');
    expect(/Responder e retomar/.test(await page.textContent('#responder button[type=submit]')), 'botão de retomar');
    expect(await page.locator('#avaliar, #reabrir').count() === 0, 'sem avaliar nem reabrir antes de resolver');
    await visit(page, '/chamados/:protocolo (pendente)', 'chamado-pendente');
    await atPhoneWidth(context, [['/chamados/' + protocolOf(), 'chamado-pendente-360']]);
  });

  await step('o fluxo vivo também vem como fragmento htmx', async () => {
    const res = await page.request.get(url() + '/fluxo');
    const html = await res.text();
    expect(res.status() === 200 && html.includes('id="fluxo"') && !html.includes('<html'), 'fragmento: ' + html.slice(0, 200));
    expect(html.includes('Envie uma cópia da tela'), 'o fragmento tem os eventos');
    expect(await page.getAttribute('.chamado', 'sse-connect') === '/ao-vivo/chamados/' + protocolOf(), 'canal ao vivo');
    expect(await page.getAttribute('#fluxo', 'hx-trigger') === 'sse:chamado', 'o fluxo se recarrega no evento');
  });

  await step('responder: texto vazio dá erro ao lado do campo', async () => {
    await page.click('#responder button[type=submit]');
    expect(await page.locator('#resposta-texto-erro').count() === 1, 'erro da resposta');
    expect(await page.getAttribute('#resposta-texto', 'aria-describedby') === 'resposta-texto-erro', 'aria-describedby');
    expect(await status() === 'Pendente com o solicitante', 'nada mudou');
    await visit(page, '/chamados/:protocolo (erro na resposta)');
    const forged = await page.request.post(url() + '/resposta', { form: { texto: 'Sem o token CSRF.' } });
    expect(forged.status() === 403, 'POST sem CSRF deveria ser 403: ' + forged.status());
    const events = await agent.call('GET', `/api/v1/tickets/${ticket.id}/events`);
    expect(!JSON.stringify(events).includes('Sem o token CSRF'), 'o POST forjado não registrou nada');
  });

  await step('responder com arquivo retoma o atendimento', async () => {
    await page.fill('#resposta-texto', 'Segue a cópia da tela com o erro.');
    await page.setInputFiles('#resposta-anexos', { name: 'erro.png', mimeType: 'image/png', buffer: tinyPng });
    await page.click('#responder button[type=submit]');
    expect(page.url().includes('feito=resposta'), 'PRG para a página: ' + page.url());
    expect(/Resposta enviada/.test(await page.textContent('main')), 'confirmação');
    expect(await status() === 'Em atendimento', 'retomado: ' + await status());
    const timeline = await page.textContent('#fluxo');
    expect(timeline.includes('Segue a cópia da tela'), 'resposta no fluxo');
    expect(timeline.includes('atendimento retomado'), 'retomada no fluxo');
    const link = page.locator('#fluxo a', { hasText: 'erro.png' });
    expect(await link.count() === 1, 'arquivo como link no fluxo');
    const file = await page.request.get(base + await link.getAttribute('href'));
    expect(file.status() === 200 && (await file.body()).equals(tinyPng), 'o arquivo baixado é o enviado');
    expect(await page.locator('#responder .br-message.warning').count() === 0, 'sem aviso de pendência');
  });

  await step('agente resolve pela API e o fluxo vivo mostra sem recarregar', async () => {
    await page.evaluate(() => { window.semRecarregar = true; });
    await new Promise((r) => setTimeout(r, 500));  // the stream opens
    await agent.call('POST', `/api/v1/tickets/${ticket.id}/resolve`,
      { resolution: 'Perfil de consulta concedido no SIGEFES.', time_spent_minutes: 95 });
    await page.waitForFunction(() => (document.querySelector('#fluxo') || {}).textContent
      ?.includes('Perfil de consulta concedido'), null, { timeout: 10000 });
    expect(await page.evaluate(() => window.semRecarregar === true), 'a página foi recarregada');
  });

  await step('resolvido: avaliar exige a nota (erro ao lado do campo)', async () => {
    await page.goto(url());
    expect(await status() === 'Resolvido', 'situação: ' + await status());
    expect(await currentStage() === 'Resolvida', 'etapa atual: ' + await currentStage());
    const timeline = await page.textContent('#fluxo');
    expect(timeline.includes('Perfil de consulta concedido') && timeline.includes('1 h 35 min'), 'solução e tempo gasto');
    expect(await page.locator('#responder').count() === 0, 'sem responder depois de resolvido');
    expect(/peça a reabertura até/.test(await page.textContent('#reabrir')), 'prazo de reabertura');
    await visit(page, '/chamados/:protocolo (resolvido)', 'chamado-resolvido-avaliar');
    await atPhoneWidth(context, [['/chamados/' + protocolOf(), 'chamado-resolvido-360']]);
    await page.click('#avaliar button[type=submit]');
    expect(await page.locator('#avaliacao-nota-erro').count() === 1, 'erro da nota');
    await visit(page, '/chamados/:protocolo (erro na avaliação)');
  });

  await step('avaliar com 4 estrelas pelo teclado', async () => {
    expect(await page.locator('#avaliar fieldset legend').count() === 1, 'grupo de rádios com legenda');
    await page.focus('#avaliacao-nota-1');
    await page.keyboard.press('Space');
    for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
    expect(await page.isChecked('#avaliacao-nota-4'), '4 estrelas marcadas com as setas');
    await page.fill('#avaliacao-comentario', 'Atendimento rápido.');
    await page.focus('#avaliar button[type=submit]');
    await Promise.all([page.waitForURL(/feito=avaliacao/), page.keyboard.press('Enter')]);
    expect(/Obrigado pela avaliação/.test(await page.textContent('main')), 'confirmação da avaliação');
    expect((await page.textContent('#fluxo')).includes('Atendimento avaliado: 4 de 5 estrelas'), 'avaliação no fluxo');
    expect(await page.locator('#avaliar').count() === 0, 'não se avalia duas vezes');
  });

  await step('pedir reabertura: motivo obrigatório, depois reaberto', async () => {
    await page.click('#reabrir button[type=submit]');
    expect(await page.locator('#reabertura-motivo-erro').count() === 1, 'erro do motivo');
    await visit(page, '/chamados/:protocolo (erro na reabertura)');
    await page.fill('#reabertura-motivo', 'O perfil ainda não aparece para a servidora.');
    await page.click('#reabrir button[type=submit]');
    expect(/Pedido de reabertura registrado/.test(await page.textContent('main')), 'confirmação');
    expect(await status() === 'Reaberto', 'situação: ' + await status());
    expect(await currentStage() === 'Em atendimento', 'etapa atual: ' + await currentStage());
    expect((await page.textContent('#fluxo')).includes('Reaberta a pedido do solicitante'), 'reabertura no fluxo');
    expect(await page.locator('#reabrir').count() === 0, 'sem novo pedido de reabertura');
    await visit(page, '/chamados/:protocolo (reaberto)', 'chamado-reaberto');
    const seen = await agent.call('GET', `/api/v1/tickets/${ticket.id}`);
    expect(seen.status === 'reopened', 'a equipe vê reaberto: ' + seen.status);
  });
}
