// The reports area with the demo's tickets: the leadership opens /relatorios,
// the SLA compliance, volume, satisfaction and charter panel reports (axe on
// each, 1280 and 360 px), filters the period from the keyboard, downloads
// tables' CSVs and reads them back equal to the tables on the page; an analyst
// is refused every report.
import { readFileSync } from 'node:fs';
import { expect } from './harness.mjs';
import { csvRows, tableRows } from './report_tables.mjs';

export default async function reports({ base, page, step, visit, signIn, newContext, atPhoneWidth, context }) {
  await step('a diretoria abre os relatórios pelo menu', async () => {
    await signIn(page, 'diretoria');
    await page.goto(base + '/servicos');
    await Promise.all([page.waitForLoadState('load'), page.click('nav.menu-principal a[href="/relatorios"]')]);
    await visit(page, '/relatorios', 'relatorios');
    await Promise.all([page.waitForLoadState('load'), page.click('a[href="/relatorios/sla"]')]);
    await visit(page, '/relatorios/sla', 'relatorios-sla');
    expect(await page.locator('svg.grafico[role=img] title').count() > 0, 'gráficos com título');
    expect(await page.locator('.definicao').count() >= 3, 'a definição ao lado de cada tabela');
  });

  await step('o período pelo teclado', async () => {
    const from = new Date(Date.now() - 60 * 86400000);
    const text = from.toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });
    await page.goto(base + '/relatorios/volume');
    await page.focus('#de');
    await page.fill('#de', text);
    await Promise.all([page.waitForURL(/de=/), page.keyboard.press('Enter')]);
    expect(page.url().includes('de=' + encodeURIComponent(text)), 'o período na URL: ' + page.url());
    await visit(page, '/relatorios/volume', 'relatorios-volume');
    const registered = await page.locator('.resumo dd').first().textContent();
    expect(Number(registered) > 0, 'chamados registrados no período: ' + registered);
  });

  await step('o CSV baixado é a tabela da página', async () => {
    for (const id of ['dias', 'servicos', 'envelhecimento', 'tempo']) {
      const [download] = await Promise.all([page.waitForEvent('download'),
        page.click(`#${id} a[download]`)]);
      const text = readFileSync(await download.path(), 'utf8');
      const fromCsv = csvRows(text);
      const onPage = await tableRows(page, id);
      expect(JSON.stringify(fromCsv) === JSON.stringify(onPage),
        `${id}: CSV ${JSON.stringify(fromCsv).slice(0, 300)} ≠ página ${JSON.stringify(onPage).slice(0, 300)}`);
    }
  });

  await step('360 px', async () => {
    await atPhoneWidth(context, [['/relatorios/sla', 'relatorios-sla-360'],
      ['/relatorios/volume', 'relatorios-volume-360']]);
  });

  // A year back, so the demo's rated tickets are in the period.
  const yearAgo = new Date(Date.now() - 365 * 86400000)
    .toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });

  await step('a satisfação pela aba dos relatórios, o período pelo teclado', async () => {
    await page.goto(base + '/relatorios/sla');
    await Promise.all([page.waitForLoadState('load'),
      page.click('nav.outros-relatorios a[href="/relatorios/satisfacao"]')]);
    await page.focus('#de');
    await page.fill('#de', yearAgo);
    await Promise.all([page.waitForURL(/de=/), page.keyboard.press('Enter')]);
    await visit(page, '/relatorios/satisfacao', 'relatorios-satisfacao');
    const figures = await page.locator('.resumo dd').allTextContents();
    expect(Number(figures[1]) > 0, 'avaliações no período: ' + figures.join(' | '));
    expect(await page.locator('svg.grafico[role=img] title').count() >= 3, 'gráficos com título');
    expect(await page.locator('svg.grafico[role=img] desc').count() >= 3, 'gráficos com descrição');
    expect(await page.locator('.definicao').count() === 4, 'a definição ao lado de cada tabela');
    for (const id of ['distribuicao', 'servicos', 'unidades', 'comentarios']) {
      const [download] = await Promise.all([page.waitForEvent('download'),
        page.click(`#${id} a[download]`)]);
      const fromCsv = csvRows(readFileSync(await download.path(), 'utf8'));
      const onPage = await tableRows(page, id);
      expect(onPage.length > 1, `${id}: a tabela tem linhas`);
      expect(JSON.stringify(fromCsv) === JSON.stringify(onPage),
        `${id}: CSV ${JSON.stringify(fromCsv).slice(0, 300)} ≠ página ${JSON.stringify(onPage).slice(0, 300)}`);
    }
  });

  await step('o painel da Carta de Serviços', async () => {
    await Promise.all([page.waitForLoadState('load'),
      page.click('nav.outros-relatorios a[href="/relatorios/carta"]')]);
    await page.fill('#de', yearAgo);
    await Promise.all([page.waitForURL(/de=/), page.keyboard.press('Enter')]);
    await visit(page, '/relatorios/carta', 'relatorios-carta');
    expect(await page.locator('#canal').count() === 0, 'sem filtros que o painel não aplica');
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.click('#servicos a[download]')]);
    const fromCsv = csvRows(readFileSync(await download.path(), 'utf8'));
    const onPage = await tableRows(page, 'servicos');
    expect(onPage.length > 1, 'serviços da Carta no painel');
    expect(JSON.stringify(fromCsv) === JSON.stringify(onPage),
      `CSV ${JSON.stringify(fromCsv).slice(0, 300)} ≠ página ${JSON.stringify(onPage).slice(0, 300)}`);
  });

  await step('satisfação e Carta em 360 px', async () => {
    const de = encodeURIComponent(yearAgo);
    await atPhoneWidth(context, [[`/relatorios/satisfacao?de=${de}`, 'relatorios-satisfacao-360'],
      [`/relatorios/carta?de=${de}`, 'relatorios-carta-360']]);
  });

  await step('um analista não vê os relatórios', async () => {
    const other = await newContext();
    const p = await other.newPage();
    await signIn(p, 'analista');
    for (const path of ['/relatorios/sla', '/relatorios/satisfacao', '/relatorios/carta']) {
      const response = await p.goto(base + path);
      expect(response.status() === 403, path + ': status ' + response.status());
    }
    expect(await p.locator('nav.menu-principal a[href="/relatorios"]').count() === 0, 'sem o menu');
    await other.close();
  });
}
