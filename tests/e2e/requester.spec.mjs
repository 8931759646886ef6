// Seed 002 walked by a requester in the portal, from the first sign-in to
// reopening: sign in, forced password change, catalog and search, the request
// form (category guidance, attachments by drag and drop), the protocol, Minha
// Área and its filters, then the request page while an agent works it through
// the API (requester-followup.mjs): asked for information, answered with a
// file, resolved, evaluated with 4 stars, reopened. 360 px and keyboard checks.
import { expect } from './harness.mjs';
import { followUp } from './requester-followup.mjs';

// A form posted back (its errors answer at the same address): wait for the
// new page to load, not for an element the old page already had. Under load
// the old page's error summary was read as the new one's, and the next step
// filled a page that was then replaced.
const submitAndWait = (page) =>
  Promise.all([page.waitForNavigation({ waitUntil: 'load' }), page.click('main button[type=submit]')]);

export default async function requesterPortal(t) {
  const { base, context, page, step, visit, atPhoneWidth } = t;
  let protocol = '';

  await step('senha errada: erro ao lado do campo', async () => {
    await page.goto(base + '/servicos');
    expect(page.url().startsWith(base + '/entrar'), 'sem sessão deveria ir a /entrar: ' + page.url());
    await visit(page, '/entrar', 'entrar');
    await page.fill('#login', 'primeiro.acesso');
    await page.fill('#senha', 'senha-errada');
    await submitAndWait(page);
    await visit(page, '/entrar (erro)', 'entrar-erro');
    const error = await page.textContent('#senha-erro');
    expect(/Login ou senha incorretos/.test(error), 'mensagem: ' + error);
    expect(await page.getAttribute('#senha', 'aria-describedby') === 'senha-erro', 'campo sem aria-describedby');
  });

  await step('esqueci minha senha: pedido pelo teclado, a mesma resposta para todos', async () => {
    await page.focus('a[href="/senha/esqueci"]');
    await Promise.all([page.waitForURL(/\/senha\/esqueci$/), page.keyboard.press('Enter')]);
    await visit(page, '/senha/esqueci', 'senha-esqueci');
    await page.fill('#login', 'ninguem@exemplo.gov.br');
    await Promise.all([page.waitForURL(/enviado=1/), page.keyboard.press('Enter')]);
    const answer = await page.textContent('[role=status]');
    expect(/Se houver uma conta/.test(answer), 'a resposta não diz se a conta existe: ' + answer);
    await visit(page, '/senha/esqueci (enviado)', 'senha-esqueci-enviado');
    await page.goto(base + '/senha/redefinir?token=invalido');
    await visit(page, '/senha/redefinir', 'senha-redefinir');
    await page.goto(base + '/entrar');
  });

  await step('primeiro acesso: troca de senha obrigatória', async () => {
    await page.fill('#login', 'primeiro.acesso');
    await page.fill('#senha', 'guiche-demo');
    await submitAndWait(page);
    expect(page.url() === base + '/primeiro-acesso', 'esperava /primeiro-acesso: ' + page.url());
    await visit(page, '/primeiro-acesso', 'primeiro-acesso');
    await page.goto(base + '/servicos');
    expect(page.url() === base + '/primeiro-acesso', 'o catálogo não pode abrir antes da troca');
    await page.fill('#senha_atual', 'guiche-demo');
    await page.fill('#nova_senha', 'nova-senha-123');
    await page.fill('#confirmacao', 'outra-coisa');
    await submitAndWait(page);
    expect(/não é igual/.test(await page.textContent('#confirmacao-erro')), 'erro da confirmação');
    await visit(page, '/primeiro-acesso (erro)');
    await page.fill('#senha_atual', 'guiche-demo');
    await page.fill('#nova_senha', 'nova-senha-123');
    await page.fill('#confirmacao', 'nova-senha-123');
    await submitAndWait(page);
    // A requester starts on Minha Área (issue 19: staff start on their queue).
    expect(page.url() === base + '/minha-area', 'esperava /minha-area: ' + page.url());
  });

  await step('catálogo e busca por código', async () => {
    await visit(page, '/minha-area', 'minha-area-inicio');
    await page.goto(base + '/servicos');
    await visit(page, '/servicos', 'servicos');
    const all = await page.locator('.lista-servicos li').count();
    expect(all > 1, 'catálogo vazio');
    await page.fill('#q', 'sis-acesso');
    await page.waitForFunction(() => document.querySelectorAll('.lista-servicos li').length === 1);
    // Without htmx, the same search is a plain GET.
    await page.goto(base + '/servicos?q=' + encodeURIComponent('acesso a sistemas'));
    expect((await page.locator('.lista-servicos li').count()) === 1, 'a busca deveria achar 1 serviço');
    await visit(page, '/servicos?q=', 'servicos-busca');
    await page.click('.lista-servicos a');
    expect(page.url().endsWith('/servicos/SIS-ACESSO/solicitar'), 'formulário: ' + page.url());
  });

  await step('formulário: erros ao lado dos campos', async () => {
    await visit(page, '/servicos/SIS-ACESSO/solicitar', 'solicitar');
    expect(await page.locator('label[for=campo-matricula]').count() === 1, 'rótulo do campo matricula');
    await submitAndWait(page);
    expect(await page.locator('#assunto-erro').count() === 1, 'erro do assunto');
    // Every error at once, in the form's order (issue 19), each agreeing with its noun.
    const targets = await page.locator('#resumo-erros a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(targets[0] === '#assunto' && targets[1] === '#descricao' && targets.includes('#campo-sistema'),
      'todos os erros de uma vez, na ordem do formulário: ' + targets);
    expect(/A descrição é obrigatória\./.test(await page.textContent('#descricao-erro')), 'concordância');
    await page.fill('#assunto', 'Acesso');
    await page.fill('#descricao', 'Pedido de acesso.');
    // Dates are typed as Brazilians write them, whatever the browser's locale.
    await page.fill('#campo-inicio', '31/02/2027');
    await submitAndWait(page);
    expect(await page.locator('#campo-sistema-erro').count() === 1, 'erro do campo sistema');
    expect(/dd\/mm\/aaaa/.test(await page.textContent('#campo-inicio-erro')), 'data inexistente: erro ao lado do campo');
    expect(await page.inputValue('#campo-inicio') === '31/02/2027', 'a data digitada volta no campo');
    expect(await page.inputValue('#assunto') === 'Acesso', 'o que foi digitado volta no formulário');
    await visit(page, '/servicos/SIS-ACESSO/solicitar (erros)', 'solicitar-erros');
  });

  await step('formulário: categorias com orientação e prazo', async () => {
    const legend = await page.textContent('fieldset.categorias legend');
    expect(/Categoria/.test(legend), 'grupo de categorias: ' + legend);
    expect(await page.locator('input[name=categoria]').count() >= 3, 'categorias oferecidas');
    expect(await page.isChecked('#categoria-service_request'), 'a categoria padrão do serviço vem marcada');
    const guidance = await page.textContent('#categoria-technical_consultation-orientacao');
    expect(/2 horas corridas/.test(guidance), 'orientação da consulta técnica: ' + guidance);
    expect(/regras de negócio/.test(await page.textContent('#categoria-ajuda')), 'aviso de regras de negócio');
    expect(await page.getAttribute('#categoria-defect_with_stoppage', 'aria-describedby') ===
      'categoria-defect_with_stoppage-orientacao', 'orientação ligada ao rádio');
  });

  await step('anexos: arrastar e soltar, lista com tamanho, aviso de limite, remover', async () => {
    expect(await page.isVisible('[data-zona]'), 'zona de soltar visível com o script');
    expect(/25 MB/.test(await page.textContent('#anexos-ajuda')), 'limite do servidor na ajuda');
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(new File(['passo a passo\n'], 'tela.txt', { type: 'text/plain' }));
      dt.items.add(new File([new Uint8Array(26 * 1024 * 1024)], 'grande.pdf', { type: 'application/pdf' }));
      dt.items.add(new File(['<svg/>'], 'desenho.svg', { type: 'image/svg+xml' }));
      document.querySelector('[data-anexos]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    expect(await page.evaluate(() => document.querySelector('#anexos').files.length) === 3, 'os 3 arquivos no campo');
    const list = await page.textContent('.arquivos-escolhidos');
    expect(/tela\.txt \(14 bytes\)/.test(list), 'nome e tamanho: ' + list);
    expect(/grande\.pdf.*maior que o limite/.test(list), 'aviso de tamanho: ' + list);
    expect(/desenho\.svg.*tipo não aceito/.test(list), 'aviso de tipo: ' + list);
    await visit(page, '/servicos/SIS-ACESSO/solicitar (anexos)', 'solicitar-anexos');
    await page.click('button[aria-label="Remover grande.pdf"]');
    await page.click('button[aria-label="Remover desenho.svg"]');
    const names = await page.evaluate(() => Array.from(document.querySelector('#anexos').files).map((f) => f.name));
    expect(names.join() === 'tela.txt', 'sobrou só tela.txt: ' + names);
    expect(await page.evaluate(() => document.activeElement.id) === 'anexos', 'o foco volta ao campo de arquivos');
  });

  await step('erros com um arquivo escolhido: o arquivo fica', async () => {
    await page.fill('#assunto', '');
    // With files chosen the form goes by fetch and its errors replace the
    // page's content (web/static/formulario_anexos.js): no navigation to wait
    // for, but the old error summary must be gone before the new one is read.
    const before = await page.$('#resumo-erros');
    await page.click('main button[type=submit]');
    if (before) await before.waitForElementState('hidden');
    await page.waitForSelector('#resumo-erros');
    const names = await page.evaluate(() => Array.from(document.querySelector('#anexos').files).map((f) => f.name));
    expect(names.join() === 'tela.txt', 'o arquivo continua escolhido: ' + names);
    expect(/tela\.txt/.test(await page.textContent('.arquivos-escolhidos')), 'e listado');
    const summary = await page.textContent('#resumo-erros');
    expect(/assunto/i.test(summary), 'o erro do assunto: ' + summary);
    expect(!/escolha-os de novo/.test(summary), 'não pede os arquivos de novo: ' + summary);
    expect(await page.evaluate(() => document.activeElement.id) === 'resumo-erros', 'o foco vai ao resumo dos erros');
    await visit(page, '/servicos/SIS-ACESSO/solicitar (erros, arquivo mantido)', 'solicitar-erros-anexo');
  });

  await step('enviar a solicitação e ver o protocolo', async () => {
    await page.fill('#assunto', 'Acesso ao SIGEFES para nova servidora');
    await page.fill('#descricao', 'Solicito perfil de consulta para a servidora <Maria> & equipe.');
    const firstSystem = await page.locator('#campo-sistema option').nth(1).getAttribute('value');
    await page.selectOption('#campo-sistema', firstSystem);
    await page.fill('#campo-matricula', '1234567');
    await page.fill('#campo-perfil', 'Consulta');
    await page.fill('#campo-justificativa', 'Nova lotação na SRE Carapina.');
    await page.fill('#campo-inicio', '01/03/2027');
    await Promise.all([page.waitForURL(/\/registrado$/), page.click('main button[type=submit]')]);
    expect(/\/chamados\/\d{4}-\d{6}\/registrado$/.test(page.url()), 'confirmação: ' + page.url());
    protocol = (await page.textContent('#protocolo')).trim();
    expect(/^\d{4}-\d{6}$/.test(protocol), 'protocolo: ' + protocol);
    expect(/anote/i.test(await page.textContent('h1')), 'deveria pedir para anotar o número');
    expect((await page.textContent('#prazo')).trim().length > 0, 'prazo estimado');
    await visit(page, 'confirmação', 'registrado');
  });

  await step('Minha Área lista o chamado e busca pelo protocolo', async () => {
    await page.goto(base + '/minha-area');
    expect(await page.locator(`a:text("${protocol}")`).count() === 1, 'o chamado deveria aparecer');
    await visit(page, '/minha-area', 'minha-area');
    await page.fill('#protocolo', protocol);
    await page.click('form.busca button');
    expect((await page.locator('tbody tr').count()) === 1, 'busca por protocolo');
    await page.fill('#protocolo', 'abc');
    await page.click('form.busca button');
    expect(await page.locator('#protocolo-erro').count() === 1, 'erro de protocolo inválido');
    await visit(page, '/minha-area (erro)');
  });

  await step('página do chamado: fluxo vivo e formulário enviado (escapado)', async () => {
    await page.goto(base + '/chamados/' + protocol);
    await visit(page, '/chamados/:protocolo', 'chamado');
    const body = await page.textContent('main');
    expect(body.includes('Solicitação registrada'), 'evento de registro no fluxo vivo');
    expect(body.includes('<Maria> & equipe'), 'descrição mostrada como texto');
    expect(body.includes('1234567'), 'resposta do formulário');
    expect(body.includes('01/03/2027'), 'a data do formulário em dd/mm/aaaa');
    expect(body.includes('tela.txt'), 'anexo no fluxo vivo');
    expect((await page.content()).includes('&lt;Maria&gt;'), 'o HTML deve vir escapado');
  });

  await step('Minha Área: filtros por situação, período e texto (GET)', async () => {
    await page.goto(base + '/minha-area?situacao=abertos&periodo=7&q=SIGEFES');
    expect(await page.locator(`a:text("${protocol}")`).count() === 1, 'em andamento, últimos 7 dias, texto');
    expect(await page.inputValue('#q') === 'SIGEFES', 'o filtro volta no formulário');
    expect(await page.locator('#situacao option[selected]').getAttribute('value') === 'abertos', 'situação marcada');
    await visit(page, '/minha-area (filtros)');
    await page.goto(base + '/minha-area?situacao=concluidos');
    expect(await page.locator(`a:text("${protocol}")`).count() === 0, 'não está entre os concluídos');
    await page.goto(base + '/minha-area?q=inexistente-xyz');
    expect(await page.locator('tbody tr').count() === 0, 'texto sem resultado');
    expect(/Nenhum chamado com estes filtros/.test(await page.textContent('main')), 'mensagem de filtro vazio');
  });

  await followUp(t, () => protocol);

  await step('360 px: páginas sem rolagem horizontal', async () => {
    await atPhoneWidth(context, [['/servicos', 'servicos-360'], ['/servicos/SIS-ACESSO/solicitar', 'solicitar-360'],
      ['/minha-area', 'minha-area-360'], ['/chamados/' + protocol, 'chamado-360']]);
  });

  await step('idioma: English e volta ao português na mesma página', async () => {
    await page.goto(base + '/minha-area');
    await page.click('a.idioma');
    expect(page.url() === base + '/minha-area', 'deveria voltar à página: ' + page.url());
    expect(await page.getAttribute('html', 'lang') === 'en', 'lang do documento');
    expect(/My Area/.test(await page.textContent('header')), 'menu em inglês');
    await visit(page, '/minha-area (en)');
    await page.click('a.idioma');
    expect(await page.getAttribute('html', 'lang') === 'pt-BR', 'de volta ao português');
  });

  await step('teclado: o atalho para o conteúdo é o primeiro foco', async () => {
    await page.goto(base + '/servicos');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => document.activeElement && document.activeElement.getAttribute('href'));
    expect(focused === '#conteudo', 'primeiro foco: ' + focused);
  });

  await step('cidadão: os serviços do seu público e, à parte, quem pode usar os outros', async () => {
    const other = await t.newContext();
    const p = await other.newPage();
    await t.signIn(p, 'cidadao');
    expect(p.url() === base + '/minha-area', 'cidadão começa na Minha Área: ' + p.url());
    await p.goto(base + '/servicos');
    await visit(p, '/servicos (cidadão)', 'servicos-cidadao');
    const own = await p.locator('#lista-servicos > ul.lista-servicos:not(.outros):not(.sugestoes) li').count();
    const others = await p.locator('ul.lista-servicos.outros li').count();
    expect(own > 0 && others > 0, `os do seu público (${own}) e os de outros (${others})`);
    expect(/Quem pode utilizar/.test(await p.textContent('ul.lista-servicos.outros')), 'quem pode utilizar');
    expect(/BD-OPERA/.test(await p.textContent('ul.lista-servicos.outros')), 'banco de dados é de outro público');
    await other.close();
  });
}
