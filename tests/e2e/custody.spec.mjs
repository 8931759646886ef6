// Equipment custody (issue 14): the central's list of equipment in our
// custody (demo data: src/demo/demo_custody.cpp), the search by asset number,
// the ticket page's section "Equipamento" (entry, maintenance, return typed
// through the keyboard-usable forms) and the printable receipts.
import { expect } from './harness.mjs';

export default async function custody({ base, page, step, visit, signIn, context, atPhoneWidth }) {
  let ticketPath = '';
  let receiptPath = '';

  await step('lista de equipamentos sob guarda', async () => {
    await signIn(page, 'atendente');
    await page.goto(base + '/atendimento/equipamentos');
    await visit(page, '/atendimento/equipamentos', 'custodia-lista');
    const rows = await page.locator('table tbody tr').count();
    expect(rows >= 1, 'equipamentos sob guarda na demonstração: ' + rows);
    expect(await page.locator('table tbody tr').first().locator('td').last().innerText()
      .then((t) => t.includes('Sob guarda há')), 'há quanto tempo');
    ticketPath = await page.locator('table tbody tr a').first().getAttribute('href');
  });

  await step('busca por patrimônio', async () => {
    await page.fill('#patrimonio', 'pat-2021-00417');
    await page.press('#patrimonio', 'Enter');
    await page.waitForLoadState('load');
    expect(page.url().includes('patrimonio='), 'busca por GET: ' + page.url());
    expect((await page.locator('#resultado').innerText()).includes('PAT-2021-00417'), 'título da busca');
    await visit(page, '/atendimento/equipamentos?patrimonio=…', 'custodia-busca');
  });

  await step('seção Equipamento de um chamado da demonstração', async () => {
    await page.goto(base + ticketPath);
    await visit(page, ticketPath, 'custodia-chamado');
    expect(await page.locator('#equipamento .equipamento').count() >= 1, 'equipamento listado');
  });

  await step('seção Equipamento: entrada, manutenção, devolução', async () => {
    // A ticket of the queue, open, so every form is there.
    await page.goto(base + '/atendimento');
    ticketPath = await page.locator('main a[href^="/atendimento/chamados/"]').first().getAttribute('href');
    await page.goto(base + ticketPath);
    // Each form is a panel of the section, opened by its title.
    await page.click('#painel-equipamento-entrada > summary');
    // A bad form first: the error by its field.
    await page.fill('#eq-patrimonio', 'E2E-001');
    await page.click('form[action$="/equipamento/entrada"] button[type=submit]');
    expect(await page.locator('#eq-tipo-erro').count() === 1, 'erro ao lado do tipo');
    await visit(page, ticketPath + ' (erros)');
    await page.fill('#eq-tipo', 'Notebook');
    await page.fill('#eq-estado', 'Teclado com teclas faltando.');
    await page.fill('#eq-entregue-nome', 'Pessoa do Teste');
    // Submitted with the keyboard.
    await page.focus('#eq-entregue-nome');
    // The entry redirects to the section: wait for that, not for the page already loaded.
    await Promise.all([page.waitForURL(/#equipamento$/), page.keyboard.press('Enter')]);
    expect((await page.locator('#equipamento').innerText()).includes('E2E-001'), 'entrada registrada');
    await page.click('#painel-equipamento-manutencao > summary');
    await page.selectOption('#eqm-patrimonio', 'E2E-001');
    await page.fill('#eqm-texto', 'Teclado substituído.');
    await page.click('form[action$="/equipamento/manutencao"] button[type=submit]');
    await page.waitForLoadState('load');
    await page.click('#painel-equipamento-devolucao > summary');
    await page.selectOption('#eqd-patrimonio', 'E2E-001');
    await page.click('label[for=eqd-retirado-solicitante]');
    expect(await page.isChecked('#eqd-retirado-solicitante'), 'retirado pelo solicitante');
    await page.click('form[action$="/equipamento/devolucao"] button[type=submit]');
    await page.waitForLoadState('load');
    const section = await page.locator('#equipamento').innerText();
    expect(section.includes('Teclado substituído.'), 'manutenção listada');
    expect(section.includes('Devolvido em'), 'devolução registrada');
    await visit(page, ticketPath + ' (devolvido)', 'custodia-chamado-devolvido');
    receiptPath = await page.locator('#equipamento a:has-text("Recibo de devolução")').last().getAttribute('href');
  });

  await step('recibos imprimíveis', async () => {
    await page.goto(base + receiptPath);
    await visit(page, receiptPath, 'custodia-recibo-devolucao');
    expect(await page.locator('.linha-assinatura').count() === 2, 'duas linhas de assinatura');
    expect(await page.locator('#imprimir').isVisible(), 'botão Imprimir');
    await page.emulateMedia({ media: 'print' });
    expect(!(await page.locator('#imprimir').isVisible()), 'o botão não sai na impressão');
    expect(!(await page.locator('.br-header').isVisible()), 'o cabeçalho não sai na impressão');
    await page.emulateMedia({ media: 'screen' });
    await page.goto(base + receiptPath.replace(/devolucao$/, 'entrada'));
    await visit(page, 'recibo de entrada', 'custodia-recibo-entrada');
  });

  await step('telas de 360 px', async () => {
    await atPhoneWidth(context, [
      ['/atendimento/equipamentos', 'custodia-lista-360'],
      [ticketPath, 'custodia-chamado-360'],
      [receiptPath, 'custodia-recibo-360'],
    ]);
  });
}
