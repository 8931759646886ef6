// The public status page as the demo leaves it (src/demo/demo_incidents.cpp):
// without signing in, the mail's ongoing incident with its message, the
// components by group, the scheduled maintenance and the last 90 days; a
// notice's page with its timeline (the board's confirmation in its own
// name); the Atom feed and summary.json; axe on each page, 1280 and 360 px,
// and usable by keyboard alone.
import { expect } from './harness.mjs';

export default async function statusPage(t) {
  const { base, context, page, step, visit, atPhoneWidth } = t;

  await step('situação dos serviços, sem entrar', async () => {
    await page.goto(base + '/status');
    expect(page.url() === base + '/status', 'a página é pública: ' + page.url());
    await visit(page, '/status', 'status');
    const general = await page.textContent('.situacao-geral');
    expect(/Indisponibilidade em andamento/.test(general), 'situação geral: ' + general);
    const open = page.locator('#titulo-abertos + article, section[aria-labelledby=titulo-abertos] article');
    expect(await open.count() === 1, 'um incidente em andamento');
    expect(/correio eletrônico/i.test(await open.first().textContent()), 'o incidente do correio');
    expect(/horário de Brasília/.test(await open.first().textContent()), 'o fuso nomeado');
    const mail = page.locator('li.componente', { hasText: 'Correio eletrônico' });
    expect(/Indisponível/.test(await mail.textContent()), 'o correio indisponível: ' + await mail.textContent());
    expect(await page.locator('section[aria-labelledby=titulo-manutencoes] li').count() === 1,
      'a manutenção programada');
    expect(await page.locator('section[aria-labelledby=titulo-historico] li', { hasText: 'E-Docs' }).count() === 1,
      'o incidente do E-Docs nos últimos 90 dias');
  });

  await step('um comunicado: a linha do tempo, a direção em nome próprio', async () => {
    await page.goto(base + '/status');
    await Promise.all([page.waitForLoadState('load'),
      page.click('section[aria-labelledby=titulo-historico] a:has-text("E-Docs")')]);
    expect(/\/status\/comunicados\/\d+$/.test(page.url()), 'página do comunicado: ' + page.url());
    await visit(page, '/status/comunicados/:id', 'status-comunicado');
    const text = await page.textContent('main');
    expect(/Serviço Restabelecido/.test(text), 'o restabelecimento (6.4)');
    expect(/Paulo Sérgio Vervloet, Diretor-Presidente/.test(text), 'a direção em nome próprio');
    expect(!/Confirmação de Recebimento/.test(text), 'o recebimento (6.1) nunca é público');
  });

  await step('feed Atom e summary.json', async () => {
    const feed = await page.request.get(base + '/status/feed.atom');
    expect(feed.status() === 200, 'feed: ' + feed.status());
    const xml = await feed.text();
    expect((xml.match(/<entry>/g) || []).length >= 5, 'cada atualização uma entrada');
    const summary = await (await page.request.get(base + '/status/api/v2/summary.json')).json();
    expect(summary.status.indicator === 'major', 'indicador: ' + summary.status.indicator);
    expect(summary.incidents.length === 1 && summary.scheduled_maintenances.length === 1,
      'um incidente e uma manutenção');
  });

  await step('teclado: o primeiro comunicado pelo Tab', async () => {
    await page.goto(base + '/status');
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement.getAttribute('href') || '').startsWith('/status/comunicados/'));
    }
    expect(reached, 'um comunicado alcançável pelo teclado');
    await Promise.all([page.waitForURL(/\/status\/comunicados\/\d+$/), page.keyboard.press('Enter')]);
    expect(/\/status\/comunicados\/\d+$/.test(page.url()), 'Enter abre o comunicado: ' + page.url());
  });

  await step('360 px', async () => {
    await atPhoneWidth(context, [['/status', 'status-360']]);
  });
}
