// The incidents and manifestações reports with the demo's notices and
// manifestações: ASCOM reaches the incidents report from the menu and the
// reports area (axe, 1280 and 360 px), downloads its tables' CSV and reads
// them back equal to the page; the ouvidoria opens the manifestações report,
// picks the year with a shortcut and does the same; ASCOM is refused the
// manifestações and an analyst both.
import { expect } from './harness.mjs';
import { csvEqualsTable } from './report_tables.mjs';

// The last year, as the page's fields take it.
function lastYear() {
  const fmt = (d) => d.toLocaleDateString('pt-BR', { timeZone: 'America/Sao_Paulo' });
  return `de=${encodeURIComponent(fmt(new Date(Date.now() - 365 * 86400000)))}` +
    `&ate=${encodeURIComponent(fmt(new Date()))}`;
}

export default async function reports({ base, page, step, visit, signIn, newContext, atPhoneWidth, context }) {
  await step('a comunicação (ASCOM) abre o relatório de incidentes pelo menu', async () => {
    await signIn(page, 'comunicacao');
    await page.goto(base + '/servicos');
    await Promise.all([page.waitForLoadState('load'), page.click('nav.menu-principal a[href="/relatorios"]')]);
    await visit(page, '/relatorios (ASCOM)', 'relatorios-ascom');
    expect(await page.locator('a[href="/relatorios/sla"]').count() === 0, 'sem o relatório de SLA');
    expect(await page.locator('a[href="/relatorios/manifestacoes"]').count() === 0, 'sem o de manifestações');
    await Promise.all([page.waitForLoadState('load'), page.click('main a[href="/relatorios/incidentes"]')]);
    await page.goto(base + '/relatorios/incidentes?' + lastYear());
    await visit(page, '/relatorios/incidentes', 'relatorios-incidentes');
    expect(await page.locator('svg.grafico[role=img] title').count() >= 2, 'gráficos com título');
    expect(await page.locator('.definicao').count() >= 5, 'a definição ao lado de cada tabela');
    const reported = await page.locator('.resumo dd').first().textContent();
    expect(Number(reported) >= 2, 'incidentes relatados no último ano: ' + reported);
  });

  await step('os CSVs do relatório de incidentes são as tabelas da página', async () => {
    await csvEqualsTable(page, ['resumo', 'meses', 'incidentes']);
  });

  await step('incidentes a 360 px', async () => {
    await atPhoneWidth(context, [['/relatorios/incidentes?' + lastYear(), 'relatorios-incidentes-360']]);
  });

  await step('a ASCOM não abre o relatório de manifestações', async () => {
    const response = await page.goto(base + '/relatorios/manifestacoes');
    expect(response.status() === 403, 'status ' + response.status());
  });

  await step('a ouvidoria abre o relatório de manifestações do ano', async () => {
    const other = await newContext();
    const p = await other.newPage();
    await signIn(p, 'ouvidoria');
    await p.goto(base + '/relatorios');
    await Promise.all([p.waitForLoadState('load'), p.click('main a[href="/relatorios/manifestacoes"]')]);
    await Promise.all([p.waitForLoadState('load'), p.click('.atalhos-periodo a:last-child')]);
    expect(decodeURIComponent(p.url()).includes('de=01/01/'), 'o ano corrente na URL: ' + p.url());
    await p.goto(base + '/relatorios/manifestacoes?' + lastYear());
    await visit(p, '/relatorios/manifestacoes', 'relatorios-manifestacoes');
    const received = await p.locator('.resumo dd').first().textContent();
    expect(Number(received) >= 1, 'manifestações recebidas no último ano: ' + received);
    expect(await p.locator('#art15').count() === 1, 'os itens do art. 15');
    expect(await p.locator('a[href="/relatorios/incidentes"]').count() === 0, 'sem incidentes');
    await csvEqualsTable(p, ['prazos', 'tipos', 'servicos', 'art15']);
    await atPhoneWidth(other, [['/relatorios/manifestacoes?' + lastYear(), 'relatorios-manifestacoes-360']]);
    await other.close();
  });

  await step('um analista não vê esses relatórios', async () => {
    const other = await newContext();
    const p = await other.newPage();
    await signIn(p, 'analista');
    for (const path of ['/relatorios/incidentes', '/relatorios/manifestacoes']) {
      const response = await p.goto(base + path);
      expect(response.status() === 403, path + ': status ' + response.status());
    }
    await other.close();
  });
}
