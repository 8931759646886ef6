// An organization's manager (gestor.seger) in Minha Área: a second tab with
// the organization's requests — a SEGER colleague's (solicitante) is there,
// a SESA requester's (solicitante.sesa) is not, neither in the list, nor by
// protocol search, nor by its URL (404). A plain requester has no such tab.
// The manager's reports (/relatorios) count their organization alone.
import { expect } from './harness.mjs';
import { apiSession, registerEquipment } from './api_session.mjs';

export default async function orgManager({ base, page, step, visit, signIn, newContext }) {
  let seger = '';
  let sesa = '';
  const rows = () => page.locator('tbody tr td:first-child a').allTextContents();

  await step('uma colega da SEGER e uma solicitante da SESA registram pedidos', async () => {
    seger = (await registerEquipment(await apiSession(base, 'solicitante'), 'Impressora da SEGER sem toner')).protocol;
    sesa = (await registerEquipment(await apiSession(base, 'solicitante.sesa'), 'Monitor da SESA apagado')).protocol;
    expect(/^\d{4}-\d{6}$/.test(seger) && /^\d{4}-\d{6}$/.test(sesa), `protocolos ${seger} ${sesa}`);
  });

  await step('gestor: aba "Solicitações do meu órgão" com o pedido da colega, sem o da SESA', async () => {
    await signIn(page, 'gestor.seger');
    await page.goto(base + '/minha-area');
    expect(!(await rows()).includes(seger), 'o pedido da colega não é "meu"');
    await page.click('nav.abas a[href="/minha-area?aba=orgao"]');
    expect(await page.getAttribute('nav.abas a[href="/minha-area?aba=orgao"]', 'aria-current') === 'page', 'aba atual');
    const listed = await rows();
    expect(listed.includes(seger), 'pedido da colega na aba do órgão: ' + listed.slice(0, 5));
    expect(!listed.includes(sesa), 'pedido da SESA não pode aparecer');
    expect((await page.textContent('tbody')).includes('Mariana Costa Ribeiro'), 'coluna do solicitante');
    await visit(page, '/minha-area?aba=orgao', 'minha-area-orgao');
  });

  await step('aba do órgão: filtros e páginas (keyset) ficam na aba', async () => {
    await page.goto(base + '/minha-area?aba=orgao&q=toner');
    expect((await rows()).join() === seger, 'busca por texto no órgão: ' + (await rows()));
    await page.goto(base + '/minha-area?aba=orgao&situacao=concluidos');
    expect(!(await rows()).includes(seger), 'um pedido novo não está concluído');
    await page.goto(base + '/minha-area?aba=orgao');
    const next = page.locator('nav.paginas a', { hasText: 'Próxima página' });
    if (await next.count() === 1) {
      const first = await rows();
      const href = await next.getAttribute('href');
      expect(href.includes('aba=orgao') && href.includes('cursor='), 'próxima página na mesma aba: ' + href);
      await next.click();
      const second = await rows();
      expect(second.length > 0 && !second.some((p) => first.includes(p)), 'a segunda página não repete a primeira');
      expect(await page.locator('nav.paginas a', { hasText: 'Primeira página' }).count() === 1, 'volta à primeira');
      await visit(page, '/minha-area?aba=orgao&cursor=');
    }
  });

  await step('busca por protocolo: acha o do órgão, não o de outro órgão', async () => {
    await page.goto(base + '/minha-area?aba=orgao');
    await page.fill('#protocolo', seger);
    await page.click('form.filtros button[type=submit]');
    expect((await rows()).join() === seger, 'achou o pedido do órgão');
    await page.fill('#protocolo', sesa);
    await page.click('form.filtros button[type=submit]');
    expect((await rows()).length === 0, 'não acha o pedido da SESA');
    expect(/Nenhum chamado visível com este protocolo/.test(await page.textContent('main')), 'mensagem');
    await visit(page, '/minha-area (protocolo de outro órgão)');
  });

  await step('URL direta: abre o pedido da colega; o da SESA é 404', async () => {
    let res = await page.goto(base + '/chamados/' + seger);
    expect(res.status() === 200, 'pedido do órgão: ' + res.status());
    expect((await page.textContent('.resumo')).includes('Mariana Costa Ribeiro'), 'mostra a solicitante');
    expect(await page.locator('#responder').count() === 1, 'o gestor também responde pelo órgão');
    await visit(page, '/chamados/:protocolo (gestor)', 'chamado-gestor');
    res = await page.goto(base + '/chamados/' + sesa);
    expect(res.status() === 404, 'pedido de outro órgão deveria ser 404: ' + res.status());
    expect(!(await page.textContent('main')).includes('Monitor da SESA'), 'nada do pedido vaza');
    await visit(page, '/chamados/:protocolo (404)', 'chamado-404');
    res = await page.goto(base + '/chamados/' + sesa + '/fluxo');
    expect(res.status() === 404, 'fragmento do fluxo de outro órgão: ' + res.status());
  });

  await step('360 px e teclado na aba do órgão', async () => {
    const narrow = await page.context().newPage();
    await narrow.setViewportSize({ width: 360, height: 740 });
    await narrow.goto(base + '/minha-area?aba=orgao');
    await visit(narrow, '/minha-area?aba=orgao (360 px)', 'minha-area-orgao-360');
    const wide = await narrow.evaluate(() => document.documentElement.scrollWidth);
    expect(wide <= 360, `a aba do órgão tem ${wide} px em 360 px`);
    // The list itself does not scroll sideways either: its rows become cards.
    const table = await narrow.evaluate(() => {
      const t = document.querySelector('.tabela');
      return { scroll: t.scrollWidth, client: t.clientWidth, label: getComputedStyle(t.querySelector('tbody td'), '::before').content };
    });
    expect(table.scroll <= table.client, `a lista tem ${table.scroll} px em ${table.client} px`);
    expect(table.label === '"Protocolo"', `cada célula mostra o nome da coluna (${table.label})`);
    await narrow.close();
    await page.goto(base + '/minha-area');
    await page.focus('nav.abas a[href="/minha-area"]');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement.getAttribute('href')) === '/minha-area?aba=orgao', 'Tab chega à aba do órgão');
    await Promise.all([page.waitForURL(/aba=orgao$/), page.keyboard.press('Enter')]);
  });

  await step('solicitante comum: sem aba do órgão e só os próprios pedidos', async () => {
    const other = await newContext();
    const p = await other.newPage();
    await signIn(p, 'solicitante.sesa');
    await p.goto(base + '/minha-area?aba=orgao');
    expect(await p.locator('nav.abas').count() === 0, 'sem abas');
    const listed = await p.locator('tbody tr td:first-child a').allTextContents();
    expect(listed.includes(sesa) && !listed.includes(seger), 'só os próprios: ' + listed);
    await visit(p, '/minha-area (solicitante.sesa)');
    await other.close();
  });

  await step('gestor: os relatórios do seu órgão, e nada de outro', async () => {
    await page.goto(base + '/minha-area');
    await Promise.all([page.waitForLoadState('load'), page.click('nav.menu-principal a[href="/relatorios"]')]);
    await page.goto(base + '/relatorios/volume');
    const options = await page.locator('#orgao option').allTextContents();
    expect(options.length === 1 && options[0].includes('SEGER'), 'o filtro de órgão só tem o seu: ' + options);
    const registered = Number(await page.locator('.resumo dd').first().textContent());
    expect(registered >= 1, 'o pedido da colega conta no volume do órgão: ' + registered);
    await visit(page, '/relatorios/volume', 'relatorios-volume-orgao');
    const other = await page.goto(base + '/relatorios/sla?orgao=999999');
    expect(other.status() === 404, 'outro órgão: ' + other.status());
  });
}
