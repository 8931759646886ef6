// The knowledge base (issue 19, item 7) with the demo's articles: a
// requester typing "senha do e-mail" in a request's subject is offered the
// article ("Isto resolve?"), reaches it by keyboard, reads it and says it
// solved the problem; visitors read public articles without signing in; the
// service's charter page lists them; an attendant links an article to a
// ticket and inserts it in the reply; the staff's list and editor. Axe on
// each page, 1280 and 360 px.
import { expect } from './harness.mjs';

const article = 'Como redefinir a senha do e-mail institucional';
const articlePath = '/conhecimento/como-redefinir-a-senha-do-e-mail-institucional';

export default async function knowledge(t) {
  const { base, context, page, step, visit, signIn, newContext, atPhoneWidth } = t;

  await step('a base de conhecimento, sem entrar', async () => {
    await page.goto(base + '/conhecimento');
    await visit(page, '/conhecimento', 'conhecimento');
    const titles = await page.locator('.lista-artigos h2 a').allTextContents();
    expect(titles.includes(article), 'o artigo do e-mail: ' + titles);
    expect(!titles.some((x) => x.includes('Desbloqueio de caixa postal')), 'nenhum interno: ' + titles);
    await page.goto(base + '/conhecimento?q=' + encodeURIComponent('IMPRESSAO'));
    const found = await page.locator('.lista-artigos h2 a').allTextContents();
    expect(found.some((x) => x.includes('impressora não imprime')), 'sem acento acha: ' + found);
    await page.goto(base + articlePath);
    await visit(page, articlePath, 'conhecimento-artigo-anonimo');
    expect((await page.locator('h1').textContent()).trim() === article, 'o título');
    expect(await page.locator('.corpo-artigo ol li').count() === 5, 'os passos numerados');
    const internal = await page.goto(base + '/conhecimento/desbloqueio-de-caixa-postal-apos-tentativas-de-senha');
    expect(internal.status() === 404, 'um artigo interno é 404 sem entrar: ' + internal.status());
  });

  await step('a carta do serviço lista os seus artigos', async () => {
    await page.goto(base + '/carta/servicos/INF-EMAIL');
    const links = await page.locator('.carta-artigos a').allTextContents();
    expect(links.includes(article), 'na carta: ' + links);
  });

  await step('quem digita "senha do e-mail" recebe o artigo e o lê', async () => {
    await signIn(page, 'solicitante');
    await page.goto(base + '/servicos/INF-EMAIL/solicitar');
    await page.focus('#assunto');
    await page.keyboard.type('senha do e-mail', { delay: 40 });
    const offered = page.locator('#isto-resolve a', { hasText: article });
    await offered.waitFor({ timeout: 5000 });
    expect(await page.locator('#isto-resolve').getAttribute('aria-live') === 'polite', 'região viva');
    expect((await page.locator('#isto-resolve .message-title').textContent()).trim() === 'Isto resolve?',
      'a pergunta');
    await visit(page, '/servicos/:code/solicitar (sugestões)', 'conhecimento-sugestao');
    // The keyboard: the next Tab after the subject is the suggestion.
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement.textContent.trim());
    expect(focused === article, 'o foco vai à sugestão: ' + focused);
    const [reading] = await Promise.all([context.waitForEvent('page'), page.keyboard.press('Enter')]);
    await reading.waitForLoadState('load');
    expect(reading.url() === base + articlePath, 'o artigo: ' + reading.url());
    await visit(reading, articlePath, 'conhecimento-artigo');
    const body = await reading.locator('.corpo-artigo').textContent();
    expect(body.includes('Esqueci minha senha'), 'o texto do artigo');
    await reading.focus('#botao-resolveu');
    await Promise.all([reading.waitForLoadState('load'), reading.keyboard.press('Enter')]);
    expect((await reading.locator('#resposta .br-message').textContent()).includes('Obrigado'),
      'o agradecimento');
    await visit(reading, articlePath + '?resposta=resolveu', 'conhecimento-resolveu');
    await reading.close();
    // The form kept what was typed.
    expect(await page.inputValue('#assunto') === 'senha do e-mail', 'o assunto continua lá');
  });

  await step('a 360 px', async () => {
    await atPhoneWidth(context, [
      ['/conhecimento', 'conhecimento-360'],
      [articlePath, 'conhecimento-artigo-360'],
      ['/servicos/INF-EMAIL/solicitar', 'conhecimento-formulario-360'],
    ]);
  });

  await step('o atendente vincula um artigo ao chamado e o insere na resposta', async () => {
    const staff = await newContext();
    const agent = await staff.newPage();
    await signIn(agent, 'atendente');
    await agent.goto(base + '/atendimento');
    const first = agent.locator('table a[href^="/atendimento/chamados/"]').first();
    const ticket = await first.getAttribute('href');
    await agent.goto(base + ticket);
    expect(await agent.locator('#artigos').count() === 1, 'o painel da base de conhecimento');
    await agent.fill('#buscar-artigo', 'senha do e-mail');
    await Promise.all([agent.waitForLoadState('load'), agent.locator('#artigos button[type=submit]').last().click()]);
    await visit(agent, '/atendimento/conhecimento/chamado/:protocol', 'conhecimento-vincular');
    const titles = await agent.locator('.lista-artigos h2 a').allTextContents();
    expect(titles.some((x) => x.includes('Desbloqueio de caixa postal')), 'a equipe acha o interno: ' + titles);
    await Promise.all([agent.waitForLoadState('load'),
      agent.locator('.lista-artigos button', { hasText: 'Vincular ao chamado' }).first().click()]);
    expect(await agent.locator('#artigos a', { hasText: article }).count() === 1, 'vinculado: ' + agent.url());
    expect(agent.url().startsWith(base + ticket), 'de volta ao chamado: ' + agent.url());
    const insert = agent.locator('#artigos .inserir-artigo').first();
    await insert.waitFor({ state: 'visible' });
    await insert.click();
    const reply = await agent.inputValue('#texto');
    expect(reply.includes(article + ': ' + base + articlePath), 'o link na resposta: ' + reply);
    await visit(agent, '/atendimento/chamados/:protocol (artigo)', 'conhecimento-chamado');
    await agent.goto(base + '/atendimento/conhecimento');
    await visit(agent, '/atendimento/conhecimento', 'conhecimento-equipe');
    await staff.close();
  });

  await step('o editor de artigos', async () => {
    const admins = await newContext();
    const admin = await admins.newPage();
    await signIn(admin, 'admin');
    await admin.goto(base + '/atendimento/conhecimento/novo');
    await visit(admin, '/atendimento/conhecimento/novo', 'conhecimento-editor');
    await admin.fill('#titulo', 'Como trocar o toner da impressora');
    await admin.fill('#corpo', '1. Abra a tampa.\n2. Troque o **toner**.');
    await admin.selectOption('#servico', 'SUP-EQUIP');
    await Promise.all([admin.waitForLoadState('load'), admin.click('main form button[type=submit]')]);
    expect(admin.url() === base + '/conhecimento/como-trocar-o-toner-da-impressora', 'o novo artigo: ' + admin.url());
    expect(await admin.locator('.corpo-artigo strong').textContent() === 'toner', 'negrito');
    await atPhoneWidth(admins, [['/atendimento/conhecimento/novo', 'conhecimento-editor-360']]);
    await admins.close();
  });
}
