// Manifestações (issue 14): a citizen without an account goes from the
// charter's service page to the form, sees the errors by field, registers a
// confidential complaint with the keyboard and keeps the protocol and code;
// tracks it; the ouvidoria (demo login "ouvidoria") finds it in its queue
// with the deadline warnings and asks for a complement; the citizen sends
// it from the tracking page. Axe and screenshots at 1280 and 360 px.
import { expect } from './harness.mjs';

export default async function manifestacoes({ base, page, step, visit, signIn, newContext, context, atPhoneWidth }) {
  let protocol = '';
  let code = '';
  const citizen = await newContext();
  const anon = await citizen.newPage();

  await step('da Carta ao formulário', async () => {
    await anon.goto(base + '/carta/servicos/SUP-TEC');
    await anon.click('a[href="/manifestacoes/nova?servico=SUP-TEC"]');
    await anon.waitForLoadState('load');
    expect((await anon.inputValue('#servico')) === 'SUP-TEC', 'serviço já escolhido');
    await visit(anon, '/manifestacoes/nova', 'manifestacao-nova');
  });

  await step('erros por campo', async () => {
    await anon.selectOption('#tipo', 'praise');
    await anon.selectOption('#identificacao', 'anonymous');
    await anon.click('main form button[type=submit]');
    await anon.waitForLoadState('load');
    expect(await anon.locator('#assunto-erro').count() === 1, 'erro no assunto');
    expect(await anon.locator('#identificacao-erro').count() === 1, 'elogio não pode ser anônimo');
    await visit(anon, '/manifestacoes/nova (erros)', 'manifestacao-erros');
  });

  await step('reclamação sigilosa pelo teclado', async () => {
    await anon.selectOption('#tipo', 'complaint');
    await anon.selectOption('#identificacao', 'confidential');
    await anon.fill('#assunto', 'Ninguém atende o telefone');
    await anon.fill('#relato', 'Liguei três vezes para a central e ninguém atendeu.');
    await anon.fill('#nome', 'Teresa Cidadã');
    await anon.fill('#email', 'teresa@exemplo.com.br');
    await anon.selectOption('#canal', 'email');
    await anon.focus('#cpf');
    await anon.keyboard.press('Enter');
    // The receipt answers at the same address: wait for what it shows.
    await anon.waitForSelector('.codigo-acompanhamento strong');
    protocol = (await anon.locator('.protocolo strong').innerText()).trim();
    code = (await anon.locator('.codigo-acompanhamento strong').innerText()).trim();
    expect(/^OUV-\d{4}-\d{6}$/.test(protocol), 'protocolo: ' + protocol);
    expect(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/.test(code), 'código: ' + code);
    await visit(anon, '/manifestacoes/nova (registrada)', 'manifestacao-registrada');
  });

  await step('acompanhar sem conta', async () => {
    await anon.goto(base + '/manifestacoes/acompanhar');
    await visit(anon, '/manifestacoes/acompanhar', 'manifestacao-acompanhar');
    await anon.fill('#protocolo', protocol);
    await anon.fill('#codigo', 'AAAA-BBBB-CCCC');
    await anon.click('main form button[type=submit]');
    await anon.waitForLoadState('load');
    expect((await anon.locator('main').innerText()).includes('Nenhuma manifestação'), 'código errado');
    await anon.fill('#codigo', code.toLowerCase());
    await anon.click('main form button[type=submit]');
    await anon.waitForLoadState('load');
    expect((await anon.locator('main').innerText()).includes('Ninguém atende o telefone'), 'a manifestação');
    await visit(anon, '/manifestacoes/acompanhar (consulta)', 'manifestacao-consulta');
  });

  let ouvPath = '';
  await step('a fila da ouvidoria', async () => {
    await signIn(page, 'ouvidoria');
    await page.click('a[href="/ouvidoria"]');
    await page.waitForLoadState('load');
    await visit(page, '/ouvidoria', 'ouvidoria-fila');
    const row = page.locator('tbody tr', { hasText: protocol });
    expect(await row.count() === 1, 'a nova na fila');
    expect(await page.locator('tbody .prazo-on_time, tbody .prazo-due_soon, tbody .prazo-overdue').count() >= 1,
      'situação do prazo na fila');
    ouvPath = await row.locator('a').getAttribute('href');
    await page.goto(base + '/ouvidoria?todas=1');
    await visit(page, '/ouvidoria?todas=1', 'ouvidoria-todas');
  });

  await step('pedir complementação', async () => {
    await page.goto(base + ouvPath);
    expect((await page.locator('.autor-nome').innerText()).includes('Teresa Cidadã'), 'a ouvidoria vê a identidade');
    await visit(page, ouvPath, 'ouvidoria-manifestacao');
    await page.fill('#pergunta', 'Em que dia e horário você ligou?');
    await page.click('form[action$="/complemento"] button[type=submit]');
    await page.waitForLoadState('load');
    expect((await page.locator('.situacao').innerText()).includes('Aguardando'), 'aguardando complementação');
  });

  await step('o cidadão complementa', async () => {
    await anon.goto(base + '/manifestacoes/acompanhar');
    await anon.fill('#protocolo', protocol);
    await anon.fill('#codigo', code);
    await anon.click('main form button[type=submit]');
    await anon.waitForLoadState('load');
    expect((await anon.locator('main').innerText()).includes('Em que dia e horário'), 'a pergunta');
    await visit(anon, '/manifestacoes/acompanhar (complementar)', 'manifestacao-complementar');
    await anon.fill('#complemento', 'Segunda-feira, às 10 h.');
    await anon.click('form[action$="/complemento"] button[type=submit]');
    await anon.waitForLoadState('load');
    expect((await anon.locator('main').innerText()).includes('Complemento recebido'), 'recebido');
  });

  await step('telas de 360 px', async () => {
    await atPhoneWidth(citizen, [
      ['/manifestacoes/nova', 'manifestacao-nova-360'],
      ['/manifestacoes/acompanhar', 'manifestacao-acompanhar-360'],
    ]);
    await atPhoneWidth(context, [
      ['/ouvidoria', 'ouvidoria-fila-360'],
      [ouvPath, 'ouvidoria-manifestacao-360'],
    ]);
  });
  await citizen.close();
}
