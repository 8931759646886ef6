// The administration pages (/admin) as the demo's administrator: every
// section visited with axe and a screenshot; an authorized requester granted
// and revoked (with a reason) with its history kept, then granted with an
// expiry date already past (shown as expired); dates typed as dd/mm/aaaa and
// 31/02 refused; a person with an invalid CPF corrected; password resets (by
// e-mail, and shown once for a person without e-mail); a unit edited, and
// refused deactivation while it has open tickets;
// a service built with two typed fields and requested from the catalog; a
// ponto facultativo added; a cell of the priority matrix changed; 403 for an
// attendant; 360 px pages; the keyboard reaching the form builder.
import { expect } from './harness.mjs';

export default async function adminPages({ base, page, step, visit, signIn, newContext, atPhoneWidth }) {
  const save = async (selector = 'main form.formulario button.br-button.primary') => {
    await Promise.all([page.waitForLoadState('load'), page.click(selector)]);
  };

  await step('índice da administração', async () => {
    await signIn(page, 'admin');
    await page.goto(base + '/admin');
    await visit(page, '/admin', 'admin');
    for (const href of ['/admin/organizacoes', '/admin/pessoas', '/admin/unidades', '/admin/servicos',
      '/admin/calendarios', '/admin/sla']) {
      expect(await page.locator(`main a[href="${href}"]`).count() === 1, 'link ' + href);
    }
  });

  await step('pessoas: CPF inválido ao lado do campo, depois cadastro', async () => {
    await page.goto(base + '/admin/pessoas?q=ribeiro');
    expect(await page.locator('#pessoas tbody a').count() >= 1, 'a busca deveria achar alguém');
    await visit(page, '/admin/pessoas', 'admin-pessoas');
    await page.goto(base + '/admin/pessoas/nova');
    await page.fill('#nome', 'Paulo Henrique Zanotti');
    await page.fill('#login', 'paulo.zanotti');
    await page.fill('#emails', 'paulo.zanotti@seger.es.gov.br');
    await page.fill('#cpf', '123.456.789-00');
    const seger = await page.locator('#orgao option', { hasText: 'SEGER' }).first().getAttribute('value');
    await page.selectOption('#orgao', seger);
    await page.selectOption('#papel-0', 'requester');
    // Notices by WhatsApp need a phone: refused next to the preference.
    await page.selectOption('#avisos', 'whatsapp');
    await save();
    const error = await page.textContent('#cpf-erro');
    expect(/CPF inválido/.test(error), 'erro do CPF: ' + error);
    const noticeError = await page.textContent('#avisos-erro');
    expect(/informe um telefone/.test(noticeError), 'erro dos avisos: ' + noticeError);
    expect((await page.getAttribute('#cpf', 'aria-describedby')).includes('cpf-erro'), 'aria-describedby do CPF');
    expect(await page.inputValue('#nome') === 'Paulo Henrique Zanotti', 'o que foi digitado volta');
    await visit(page, '/admin/pessoas/nova (erro)', 'admin-pessoa-erro');
    await page.fill('#cpf', '529.982.247-25');
    await page.fill('#telefone', '+55 27 99876-5432');
    await save();
    expect(/\/admin\/pessoas\/\d+\?salvo=1$/.test(page.url()), 'pessoa salva: ' + page.url());
    expect(await page.inputValue('#avisos') === 'whatsapp', 'preferência de avisos salva');
    await visit(page, '/admin/pessoas/:id', 'admin-pessoa');
  });

  let orgUrl = '';
  await step('órgão: conceder e revogar um autorizado, histórico mantido', async () => {
    await page.goto(base + '/admin/organizacoes');
    await visit(page, '/admin/organizacoes', 'admin-organizacoes');
    await page.click('main a:text-is("SEGER")');
    orgUrl = page.url();
    const before = await page.locator('table.historico tbody tr').count();
    await page.fill('#pessoa', 'Paulo.Zanotti@seger.es.gov.br');
    await page.selectOption('#tipo_documento', 'oficio');
    await page.fill('#documento', 'Ofício SEGER nº 123/2026');
    expect(/^\d{2}\/\d{2}\/\d{4}$/.test(await page.inputValue('#inicio')), 'início em dd/mm/aaaa: ' + await page.inputValue('#inicio'));
    expect(await page.getAttribute('#inicio', 'inputmode') === 'numeric', 'teclado numérico na data');
    expect(await page.getAttribute('#inicio', 'type') === 'text', 'data como texto, não type=date');
    await save('#autorizados form.formulario button.br-button.primary');
    const row = page.locator('table.historico tbody tr', { hasText: 'Paulo Henrique Zanotti' });
    expect(await row.count() === 1, 'o autorizado deveria aparecer');
    expect(/Em vigor/.test(await row.textContent()), 'em vigor: ' + await row.textContent());
    expect(/Ofício SEGER nº 123\/2026/.test(await row.textContent()), 'documento que autorizou');
    expect(!/pedida até \)/.test(await page.textContent('table.historico')), 'texto vazio de revogação pedida');
    // Without a reason the revocation is refused next to the reason field.
    await Promise.all([page.waitForLoadState('load'), row.locator('button', { hasText: 'Revogar' }).click()]);
    const refused = page.locator('table.historico tbody tr', { hasText: 'Paulo Henrique Zanotti' });
    const reasonError = refused.locator('[id^=motivo-][id$=-erro]');
    expect(await reasonError.count() === 1, 'erro do motivo ao lado do campo');
    expect(/motivo/i.test(await reasonError.textContent()), 'erro do motivo: ' + await reasonError.textContent());
    expect(/Em vigor/.test(await refused.textContent()), 'sem motivo, continua em vigor');
    await visit(page, '/admin/organizacoes/:id (revogação sem motivo)', 'admin-revogacao-erro');
    await refused.locator('input[id^=motivo-]').fill('Servidor cedido a outro órgão.');
    await Promise.all([page.waitForLoadState('load'), refused.locator('button', { hasText: 'Revogar' }).click()]);
    const after = page.locator('table.historico tbody tr', { hasText: 'Paulo Henrique Zanotti' });
    expect(await after.count() === 1, 'o registro revogado continua na lista');
    expect(/Revogada/.test(await after.textContent()), 'revogada: ' + await after.textContent());
    expect(/Servidor cedido a outro órgão\./.test(await after.textContent()), 'motivo no histórico');
    expect(await page.locator('table.historico tbody tr').count() === before + 1, 'histórico: um registro a mais');
    await visit(page, '/admin/organizacoes/:id', 'admin-organizacao');
  });

  await step('órgão: validade em dd/mm/aaaa, 31/02 recusado, autorização vencida aparece expirada', async () => {
    await page.goto(orgUrl);
    await page.fill('#pessoa', 'paulo.zanotti@seger.es.gov.br');
    await page.fill('#documento', 'Ofício SEGER nº 200/2026');
    await page.fill('#inicio', '01/01/2026');
    await page.fill('#validade', '31/02/2026');
    await save('#autorizados form.formulario button.br-button.primary');
    expect(/Data inválida/.test(await page.textContent('#validade-erro')), 'erro da validade: ' + await page.textContent('#validade-erro'));
    expect((await page.getAttribute('#validade', 'aria-describedby')).includes('validade-erro'), 'aria-describedby da validade');
    expect(await page.inputValue('#validade') === '31/02/2026', 'o que foi digitado volta');
    await visit(page, '/admin/organizacoes/:id (data inválida)', 'admin-data-invalida');
    await page.fill('#validade', '31/01/2026');
    await save('#autorizados form.formulario button.br-button.primary');
    const rows = page.locator('table.historico tbody tr', { hasText: 'Paulo Henrique Zanotti' });
    expect(await rows.count() === 2, 'dois registros da mesma pessoa no histórico');
    const expired = rows.filter({ hasText: 'Ofício SEGER nº 200/2026' });
    expect(/Expirada/.test(await expired.textContent()), 'expirada: ' + await expired.textContent());
    expect(/01\/01\/2026 – 31\/01\/2026/.test(await expired.textContent()), 'vigência em dd/mm/aaaa: ' + await expired.textContent());
    expect(await expired.locator('button', { hasText: 'Revogar' }).count() === 0, 'expirada não se revoga');
    await visit(page, '/admin/organizacoes/:id (expirada)', 'admin-autorizacao-expirada');
  });

  await step('pessoas: reiniciar a senha (por e-mail; sem e-mail, mostrada uma vez)', async () => {
    await page.goto(base + '/admin/pessoas?q=paulo.zanotti');
    await page.click('#pessoas tbody a:has-text("Paulo Henrique Zanotti")');
    const personUrl = page.url().split('?')[0];
    await Promise.all([page.waitForLoadState('load'), page.click('#senha button')]);
    expect(page.url().endsWith('?senha=enviada'), 'senha enviada: ' + page.url());
    expect(/enviada por e-mail/.test(await page.textContent('#senha')), 'aviso de envio');
    expect(await page.locator('#senha-temporaria').count() === 0, 'com e-mail, a senha não aparece');
    expect(await page.locator('.aviso', { hasText: 'não trocou a senha' }).count() === 1, 'deve trocar a senha');
    await page.goto(base + '/admin/pessoas/nova');
    await page.fill('#nome', 'Sebastião Sem Email');
    await page.fill('#login', 'sebastiao.semEmail'.toLowerCase());
    await page.selectOption('#papel-0', 'requester');
    await save();
    expect(/\/admin\/pessoas\/\d+\?salvo=1$/.test(page.url()), 'pessoa sem e-mail salva: ' + page.url());
    await Promise.all([page.waitForLoadState('load'), page.click('#senha button')]);
    const shown = (await page.textContent('#senha-temporaria')).trim();
    expect(/^[A-Za-z0-9]{12}$/.test(shown), 'senha temporária mostrada uma vez: ' + shown);
    await visit(page, '/admin/pessoas/:id (senha temporária)', 'admin-pessoa-senha');
    await page.goto(page.url());
    expect(await page.locator('#senha-temporaria').count() === 0, 'a senha não volta a aparecer');
    expect(!(await page.content()).includes(shown), 'nem em lugar nenhum da página');
    await page.goto(personUrl);
  });

  await step('órgão: pessoa de outro órgão recusada ao lado do campo', async () => {
    await page.goto(orgUrl);
    await page.fill('#pessoa', 'luciana.nunes@saude.es.gov.br');
    await page.fill('#documento', 'Ofício nº 1/2026');
    await save('#autorizados form.formulario button.br-button.primary');
    expect(/não pertence/.test(await page.textContent('#pessoa-erro')), 'erro da pessoa');
    await visit(page, '/admin/organizacoes/:id (erro)');
  });

  await step('unidades: árvore e código repetido', async () => {
    await page.goto(base + '/admin/unidades');
    await visit(page, '/admin/unidades', 'admin-unidades');
    const code = (await page.locator('.arvore strong').first().textContent()).trim();
    await page.fill('#codigo', code);
    await page.fill('#nome', 'Repetida');
    await save();
    expect(await page.locator('#codigo-erro').count() === 1, 'erro do código repetido');
    await page.fill('#codigo', 'ADM-E2E');
    await page.fill('#nome', 'Unidade criada no teste');
    await save();
    expect(/ADM-E2E/.test(await page.textContent('.arvore')), 'nova unidade na árvore');
  });

  let unitUrl = '';
  await step('unidades: editar uma e não desativar a que tem chamados em aberto', async () => {
    await page.goto(base + '/admin/unidades');
    await page.click('.arvore a:has-text("ADM-E2E")');
    unitUrl = page.url();
    await visit(page, '/admin/unidades/:id', 'admin-unidade');
    await page.fill('#nome', 'Unidade renomeada no teste');
    await save();
    expect(page.url().endsWith('?salvo=1'), 'unidade salva: ' + page.url());
    expect(await page.inputValue('#nome') === 'Unidade renomeada no teste', 'nome alterado');
    await page.uncheck('#ativa', { force: true });
    await save();
    await page.goto(base + '/admin/unidades');
    const item = page.locator('.arvore li', { hasText: 'ADM-E2E' });
    expect(/Inativa/.test(await item.textContent()), 'unidade inativa na árvore: ' + await item.textContent());
    // The central de serviços has open tickets in the demo.
    await page.click('.arvore a:has-text("SGHDK")');
    await page.uncheck('#ativa', { force: true });
    await save();
    const error = await page.textContent('#ativa-erro');
    expect(/chamado\(s\) em aberto/.test(error), 'erro de desativação: ' + error);
    expect(await page.locator('#resumo-erros a[href="#ativa"]').count() === 1, 'resumo leva ao campo');
    await visit(page, '/admin/unidades/:id (erro)', 'admin-unidade-erro');
  });

  await step('serviço: construtor de formulário com 2 campos (htmx) e código repetido', async () => {
    await page.goto(base + '/admin/servicos');
    expect(await page.locator('main a:text-is("SIS-ACESSO")').count() === 1, 'lista de serviços');
    await page.goto(base + '/admin/servicos/novo');
    await page.fill('#codigo', 'SIS-ACESSO');
    await page.fill('#nome', 'Cópia');
    await save('main form.formulario > p > button.br-button.primary');
    expect(/Já existe/.test(await page.textContent('#codigo-erro')), 'código repetido ao lado do campo');
    await page.fill('#codigo', 'ADM-E2E');
    await page.fill('#nome', 'Serviço criado pela administração');
    await page.fill('#descricao', 'Serviço de teste <criado> & publicado.');
    await page.fill('#quem', 'Servidores autorizados dos órgãos clientes.');
    await page.fill('#etapas', 'Análise\nExecução');
    await page.fill('#prazo', '5 dias úteis');
    // Keyboard: the builder's add button is reachable and works with Enter (htmx swap).
    await page.focus('#adicionar-campo');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#campo-0-chave');
    expect(await page.evaluate(() => document.activeElement.id) === 'campo-0-chave', 'foco no novo campo');
    await page.keyboard.type('patrimonio');
    await page.fill('#campo-0-rotulo', 'Número de patrimônio');
    await page.selectOption('#campo-0-tipo', 'number');
    await page.check('#campo-0-obrigatorio', { force: true });
    await page.click('#adicionar-campo');
    await page.waitForSelector('#campo-1-chave');
    await page.fill('#campo-1-chave', 'turno');
    await page.fill('#campo-1-rotulo', 'Turno preferido');
    await page.selectOption('#campo-1-tipo', 'choice');
    await page.fill('#campo-1-opcoes', 'Manhã\nTarde');
    // A third one, moved up and removed: the rows follow.
    await page.click('#adicionar-campo');
    await page.waitForSelector('#campo-2-chave');
    await page.fill('#campo-2-chave', 'sobra');
    await page.click('button[value="subir-2"]');
    await page.waitForFunction(() => document.querySelector('#campo-1-chave').value === 'sobra');
    expect(await page.inputValue('#campo-2-chave') === 'turno', 'subir troca as linhas');
    await page.click('button[value="remover-1"]');
    await page.waitForFunction(() => !document.querySelector('#campo-2-chave'));
    expect(await page.inputValue('#campo-1-opcoes') === 'Manhã\nTarde', 'as opções seguem a linha');
    await visit(page, '/admin/servicos/novo (construtor)', 'admin-servico');
    await save('main form.formulario > p > button.br-button.primary');
    expect(page.url().endsWith('/admin/servicos/ADM-E2E?salvo=1'), 'serviço salvo: ' + page.url());
    expect(await page.inputValue('#campo-1-chave') === 'turno', 'o formulário foi salvo');
  });

  await step('serviço novo no catálogo do solicitante, com os campos', async () => {
    const requester = await newContext();
    const rp = await requester.newPage();
    await signIn(rp, 'solicitante');
    await rp.goto(base + '/servicos?q=ADM-E2E');
    expect(await rp.locator('.lista-servicos li').count() === 1, 'o serviço deveria estar no catálogo');
    await rp.click('.lista-servicos a');
    expect(await rp.locator('label[for=campo-patrimonio]').count() === 1, 'campo patrimonio');
    expect(await rp.locator('#campo-turno option', { hasText: 'Tarde' }).count() === 1, 'opções do campo turno');
    await visit(rp, '/servicos/ADM-E2E/solicitar', 'admin-servico-no-catalogo');
    await requester.close();
  });

  await step('calendários: criar um e lançar um ponto facultativo', async () => {
    await page.goto(base + '/admin/calendarios');
    await visit(page, '/admin/calendarios', 'admin-calendarios');
    await page.fill('#nome', 'br-es-teste');
    await page.selectOption('#superior', 'br-es');
    await save();
    expect(page.url().includes('/admin/calendarios/br-es-teste?ano='), 'calendário criado: ' + page.url());
    await page.goto(base + '/admin/calendarios/br-es-teste?ano=2026');
    expect(await page.getAttribute('#data', 'placeholder') === 'dd/mm/aaaa', 'formato no campo de data');
    await page.fill('#data', '31/02/2026');
    await page.fill('#nome_dia', 'Dia do Servidor Público');
    await save('section form.formulario button.br-button.primary');
    expect(/Data inválida/.test(await page.textContent('#data-erro')), 'data inexistente ao lado do campo');
    await page.fill('#data', '28/10/2026');
    await page.selectOption('#fechamento', 'closed_until');
    await page.fill('#horario', '25:00');
    await save('section form.formulario button.br-button.primary');
    expect(await page.locator('#horario-erro').count() === 1, 'horário inválido ao lado do campo');
    await page.fill('#horario', '14:00');
    await save('section form.formulario button.br-button.primary');
    const row = page.locator('#pontos tbody tr', { hasText: 'Dia do Servidor Público' });
    expect(await row.count() === 1, 'ponto facultativo na lista');
    expect(/14:00/.test(await row.textContent()), 'fechamento parcial: ' + await row.textContent());
    expect(/28\/10\/2026/.test(await row.textContent()), 'data em dd/mm/aaaa: ' + await row.textContent());
    await visit(page, '/admin/calendarios/:nome', 'admin-calendario');
  });

  await step('ANS: alterar uma célula da matriz e ver o erro ao lado de outra', async () => {
    await page.goto(base + '/admin/sla');
    await visit(page, '/admin/sla', 'admin-sla');
    await page.selectOption('#matriz-2-2', '8');
    await save();
    expect(page.url().endsWith('/admin/sla?salvo=1'), 'ANS salva: ' + page.url());
    expect(await page.inputValue('#matriz-2-2') === '8', 'a célula ficou com 8');
    await page.fill('#politica-0-solucao-qtd', '0');
    await save();
    expect(await page.locator('#politica-0-solucao-qtd-erro').count() === 1, 'erro ao lado da célula');
    await visit(page, '/admin/sla (erro)');
  });

  await step('360 px: administração sem rolagem horizontal', async () => {
    await atPhoneWidth(page.context(), [['/admin', 'admin-360'], ['/admin/pessoas/nova', 'admin-pessoa-360'],
      ['/admin/servicos/ADM-E2E', 'admin-servico-360'], [orgUrl.replace(base, ''), 'admin-organizacao-360'],
      [unitUrl.replace(base, ''), 'admin-unidade-360']]);
  });

  await step('webhooks: endereço com senha recusado ao lado do campo, depois inscrição e seu registro', async () => {
    await page.goto(base + '/admin/webhooks');
    await visit(page, '/admin/webhooks', 'admin-webhooks');
    await page.goto(base + '/admin/webhooks/novo');
    await visit(page, '/admin/webhooks/novo', 'admin-webhook-novo');
    await page.fill('#descricao', 'ERP do teste');
    await page.fill('#url', 'https://usuario:senha@erp.example/gancho');
    await page.fill('#segredo', 'segredo-do-teste-e2e');
    await page.check('#evento-ticket_created', { force: true });
    await save();
    expect(await page.locator('#url-erro').count() === 1, 'erro do endereço');
    await visit(page, '/admin/webhooks/novo (erro)', 'admin-webhook-erro');
    await page.fill('#url', 'https://erp.example/gancho');
    await page.fill('#segredo', 'segredo-do-teste-e2e');
    await save();
    expect(/\/admin\/webhooks\/\d+/.test(page.url()), 'página da inscrição: ' + page.url());
    expect(!(await page.content()).includes('segredo-do-teste-e2e'), 'o segredo não aparece');
    await visit(page, '/admin/webhooks/:id', 'admin-webhook');
  });

  await step('peso: HTML e CSS próprios abaixo de 100 KB por página', async () => {
    const css = await page.evaluate(async () => {
      const link = [...document.querySelectorAll('link[rel=stylesheet]')].find((l) => l.href.endsWith('/app/app.css'));
      return (await (await fetch(link.href)).text()).length;
    });
    for (const path of ['/admin', '/admin/organizacoes', orgUrl.replace(base, ''), '/admin/pessoas/nova',
      '/admin/unidades', unitUrl.replace(base, ''), '/admin/servicos/ADM-E2E', '/admin/calendarios', '/admin/calendarios/br-es-teste?ano=2026', '/admin/sla']) {
      const html = await (await page.request.get(base + path)).body();
      expect(html.length + css < 100 * 1024, `${path}: ${html.length} + ${css} bytes`);
    }
  });

  await step('arquivos retidos: a lista de arquivos que a política reteve, com axe e a 360 px', async () => {
    await page.goto(base + '/admin/anexos-retidos');
    await visit(page, '/admin/anexos-retidos', 'admin-anexos-retidos');
    expect(await page.locator('main h1').count() === 1, 'a página tem um título');
    await atPhoneWidth(page.context(), [['/admin/anexos-retidos', 'admin-anexos-retidos-360']]);
  });

  await step('mensagens em dúvida: a página que a administração usa depois de uma queda, com axe e a 360 px', async () => {
    await page.goto(base + '/admin/mensagens-em-duvida');
    await visit(page, '/admin/mensagens-em-duvida', 'admin-mensagens-em-duvida');
    expect(await page.locator('main h1').count() === 1, 'a página tem um título');
    await atPhoneWidth(page.context(), [['/admin/mensagens-em-duvida', 'admin-mensagens-em-duvida-360']]);
  });

  await step('LGPD: registro de acessos e aviso de privacidade, com axe e a 360 px', async () => {
    // A staff read of a person is an entry of the access log.
    await page.goto(base + '/admin/pessoas?q=ribeiro');
    await Promise.all([page.waitForLoadState('load'), page.click('#pessoas tbody a')]);
    // Entries reach the database within the log's flush interval (about a second).
    let rows = 0;
    for (let i = 0; i < 20 && rows === 0; ++i) {
      await page.waitForTimeout(250);
      await page.goto(base + '/admin/acessos');
      rows = await page.locator('#acessos tbody tr').count();
    }
    expect(rows >= 1, 'o registro mostra a leitura');
    await visit(page, '/admin/acessos', 'admin-acessos');
    await page.goto(base + '/admin/privacidade');
    await visit(page, '/admin/privacidade', 'admin-privacidade');
    await page.fill('#encarregado', 'Encarregada de Dados — encarregado@exemplo.gov.br');
    await save();
    expect(/\/admin\/privacidade\?salvo=1$/.test(page.url()), 'aviso salvo: ' + page.url());
    await page.goto(base + '/privacidade');
    expect((await page.textContent('main')).includes('encarregado@exemplo.gov.br'), 'contato publicado');
    await visit(page, '/privacidade', 'privacidade');
    await atPhoneWidth(page.context(), [['/admin/acessos', 'admin-acessos-360'],
      ['/privacidade', 'privacidade-360']]);
  });

  await step('atendente recebe 403 em /admin e não vê o menu', async () => {
    const other = await newContext();
    const ap = await other.newPage();
    await signIn(ap, 'atendente');
    expect(await ap.locator('header a[href="/admin"]').count() === 0, 'o menu não mostra a administração');
    for (const path of ['/admin', '/admin/sla', '/admin/organizacoes']) {
      const response = await ap.goto(base + path);
      expect(response.status() === 403, `${path}: ${response.status()}`);
    }
    await visit(ap, '/admin (403)');
    await other.close();
  });
}
