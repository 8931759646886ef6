// The public Carta de Serviços with the demo's catalog, without signing in:
// the unit's header and the services by unit, the search without accents
// and by popular names, a service's page with every field of Lei 13.460
// art. 7, the promise next to the results and the way to request it; axe on
// each page, 1280 and 360 px, and the first service reachable by keyboard.
import { expect } from './harness.mjs';

export default async function charter(t) {
  const { base, context, page, step, visit, atPhoneWidth } = t;

  await step('a carta, sem entrar', async () => {
    await page.goto(base + '/carta');
    expect(page.url() === base + '/carta', 'a página é pública: ' + page.url());
    await visit(page, '/carta', 'carta');
    expect(await page.locator('.carta-unidade h2').count() === 1, 'o cabeçalho da unidade');
    expect(await page.locator('.lista-servicos li').count() > 0, 'os serviços públicos');
  });

  await step('a busca ignora acentos', async () => {
    const first = (await page.locator('.lista-servicos h4 a').first().textContent()).trim();
    const plain = first.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toUpperCase();
    await page.goto(base + '/carta?q=' + encodeURIComponent(plain.split(' ')[0]));
    const names = await page.locator('.lista-servicos h4 a').allTextContents();
    expect(names.some((n) => n.trim() === first), `"${plain}" encontra "${first}": ${names}`);
  });

  await step('a busca acha nomes populares', async () => {
    // The demo's SEG-VPN is also known as "Trabalho remoto" (src/demo/demo_services_support.cpp).
    await page.goto(base + '/carta?q=' + encodeURIComponent('TRABALHO REMOTO'));
    const links = page.locator('.lista-servicos h4 a');
    expect(await links.count() === 1, 'um serviço: ' + await links.allTextContents());
    await Promise.all([page.waitForLoadState('load'), links.first().click()]);
    const known = await page.locator('.nomes-populares').textContent();
    expect(/Também conhecido como: .*Trabalho remoto/.test(known), 'nomes populares: ' + known);
  });

  await step('um serviço: os campos do art. 7º, os resultados e como solicitar', async () => {
    await page.goto(base + '/carta');
    await Promise.all([page.waitForLoadState('load'), page.locator('.lista-servicos h4 a').first().click()]);
    expect(/\/carta\/servicos\//.test(page.url()), 'página do serviço: ' + page.url());
    await visit(page, '/carta/servicos/:code', 'carta-servico');
    const text = await page.textContent('main');
    for (const label of ['O que é este serviço', 'Quem pode utilizar', 'Documentos necessários',
      'Etapas de processamento', 'Custo', 'Prazo máximo para atendimento', 'Canais de acesso',
      'Canais de comunicação', 'Canais para manifestações', 'Compromisso de atendimento',
      'Resultados dos últimos 12 meses']) {
      expect(text.includes(label), 'falta: ' + label);
    }
    expect(await page.locator('a.br-button', { hasText: 'Solicitar este serviço' }).count() === 1,
      'o botão para solicitar');
    // The number comes from the SLA configuration; the service's own text only adds to it.
    const deadline = await page.locator('.campo-prazo_maximo').textContent();
    const figures = deadline.match(/\d+ (horas?|dias?) (úteis|útil|corridas?)/g) || [];
    expect(figures.length > 0 && new Set(figures).size === figures.length,
      'o prazo dito uma vez só: ' + deadline.trim());
    const stages = page.locator('.carta-etapas li');
    expect(await stages.count() > 1, 'as etapas do serviço');
    const style = await stages.first().evaluate((e) => [getComputedStyle(e).display,
      getComputedStyle(e.parentElement).listStyleType]);
    expect(style[0] === 'list-item' && style[1] === 'decimal', 'etapas numeradas, uma por linha: ' + style);
  });

  await step('teclado: o primeiro serviço pelo Tab', async () => {
    await page.goto(base + '/carta');
    let reached = false;
    for (let i = 0; i < 30 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await page.evaluate(() => (document.activeElement.getAttribute('href') || '').startsWith('/carta/servicos/'));
    }
    expect(reached, 'um serviço alcançável pelo teclado');
  });

  await step('impressão: a unidade, depois cada serviço em uma folha A4', async () => {
    await page.goto(base + '/carta');
    const services = await page.locator('.carta-servico-impresso').count();
    const pdf = await page.pdf({ preferCSSPageSize: true });
    // Compressed streams aside, each page object names its type in clear.
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
    expect(services > 0 && pages === services + 1, `${pages} páginas para ${services} serviços`);
  });

  await step('360 px', async () => {
    await page.goto(base + '/carta');
    const path = await page.locator('.lista-servicos h4 a').first().getAttribute('href');
    await atPhoneWidth(context, [['/carta', 'carta-360'], [path, 'carta-servico-360']]);
  });
}
