// Signing in with a directory account (issue 16), in Chromium, against the
// slapd of scripts/test-servers/ldap.sh when scripts/run-tests.sh started it
// (GUICHE_TEST_LDAP_*; without it the directory's steps are left out and the
// page is checked with local accounts only): the sign-in page with the
// directory on, a directory account's first sign-in creating the person, a
// disabled account refused like a wrong password, a local account linking
// its directory account at Minha Área and then entering with it as the same
// person, a local account still entering, the admin's page of the ways to
// sign in with groups mapped to an organization and to a unit's role, and
// the first account's next sign-in: the same person, moved by those groups.
import { expect } from './harness.mjs';

const directory = process.env.GUICHE_TEST_LDAP_URL ? {
  url: process.env.GUICHE_TEST_LDAP_URL,
  base: process.env.GUICHE_TEST_LDAP_BASE_DN,
  bindDn: process.env.GUICHE_TEST_LDAP_BIND_DN,
  bindPassword: process.env.GUICHE_TEST_LDAP_BIND_PASSWORD,
  ca: process.env.GUICHE_TEST_LDAP_CA_FILE,
} : null;

export function server() {
  if (!directory) return {};
  return {
    args: ['--ldap-url', directory.url, '--ldap-base-dn', directory.base,
      '--ldap-bind-dn', directory.bindDn, '--ldap-ca-file', directory.ca],
    env: { GUICHE_LDAP_BIND_PASSWORD: directory.bindPassword },
  };
}

export default async function directorySignIn({ base, page, step, visit, signIn, newContext, atPhoneWidth }) {
  if (!directory) console.log('entrada_diretorio: GUICHE_TEST_LDAP_URL ausente: só contas locais');

  await step('a página de entrada funciona', async () => {
    await page.goto(base + '/entrar');
    await visit(page, '/entrar', 'entrar');
    const hint = await page.locator('main', { hasText: 'mesmo login e senha da rede' }).count();
    expect(hint === (directory ? 1 : 0), 'a dica do diretório aparece só com ele ligado');
  });

  const sessionPerson = async (p) => (await p.evaluate(() => fetch('/api/v1/session').then((r) => r.json()))).person;
  let maria = null;  // the person maria.souza's first sign-in created

  if (directory) {
    await step('uma conta do diretório entra e a pessoa é criada', async () => {
      const context = await newContext();
      const p = await context.newPage();
      await signIn(p, 'maria.souza', 'senha-da-maria');
      expect(p.url().endsWith('/minha-area'), 'entrou: ' + p.url());
      expect(await p.locator('body', { hasText: 'Maria Souza' }).count() === 1, 'o nome do diretório');
      maria = await sessionPerson(p);
      expect(!maria.roles.some((r) => r.role === 'analyst'), 'sem papel de analista antes do mapeamento');
      await context.close();
    });

    await step('conta desativada e senha errada: a mesma recusa', async () => {
      const context = await newContext();
      const p = await context.newPage();
      for (const [login, password] of [['davi.desligado', 'senha-do-davi'], ['joao.lima', 'errada'],
        ['*)(uid=*', 'senha-da-maria']]) {
        await signIn(p, login, password);
        expect(p.url().includes('/entrar'), login + ' não deveria entrar');
        const error = await p.textContent('#senha-erro');
        expect(/Login ou senha incorretos/.test(error), login + ': ' + error);
      }
      await visit(p, '/entrar (recusada)', 'entrar-recusada');
      await context.close();
    });
  }

  if (directory) {
    await step('um cadastro local vincula a conta do diretório e entra por ela', async () => {
      const context = await newContext();
      const p = await context.newPage();
      const who = () => sessionPerson(p);
      await signIn(p, 'solicitante');
      const before = await who();
      await p.goto(base + '/minha-area/contas');
      // A wrong password: the error next to the field, the login kept.
      await p.fill('#diretorio-login', 'ana.rocha');
      await p.fill('#diretorio-senha', 'errada');
      await Promise.all([p.waitForLoadState('load'), p.click('form[action="/minha-area/contas/vincular-diretorio"] button')]);
      const error = await p.textContent('#diretorio-senha-erro');
      expect(/Login ou senha do diretório incorretos/.test(error), 'erro da senha: ' + error);
      expect(await p.inputValue('#diretorio-login') === 'ana.rocha', 'o login digitado fica');
      await visit(p, '/minha-area/contas (senha errada)', 'contas-diretorio-erro');
      await p.fill('#diretorio-senha', 'senha-da-ana');
      await Promise.all([p.waitForLoadState('load'), p.click('form[action="/minha-area/contas/vincular-diretorio"] button')]);
      expect(p.url().endsWith('/minha-area/contas?vinculada=1'), 'vinculada: ' + p.url());
      expect(await p.locator('.lista-vinculos li', { hasText: 'Diretório' }).count() === 1, 'o vínculo listado');
      await visit(p, '/minha-area/contas (vinculada)', 'contas-diretorio');
      await atPhoneWidth(context, [['/minha-area/contas', 'contas-diretorio-360']]);
      await context.close();

      const again = await newContext();
      const q = await again.newPage();
      await signIn(q, 'ana.rocha', 'senha-da-ana');
      expect(q.url().endsWith('/minha-area'), 'entrou pelo diretório: ' + q.url());
      const after = await sessionPerson(q);
      expect(after.id === before.id, `a mesma pessoa: ${before.id} e ${after.id}`);
      expect(after.name === 'Ana Rocha', 'o nome do diretório: ' + after.name);
      await again.close();
    });

    await step('a página do código que vincula pelo e-mail', async () => {
      // Reached from /entrar when a person has the account's e-mail (tests/web/directory_link_pages_test.cpp
      // goes through it with the code); here the page itself, wide and at 360 px.
      const context = await newContext();
      const p = await context.newPage();
      const path = '/entrar/diretorio/confirmar?para=' + encodeURIComponent('a***@sefaz.es.gov.br');
      await p.goto(base + path);
      expect(await p.locator('form[action="/entrar/diretorio/confirmar"] #codigo').count() === 1, 'o campo do código');
      await visit(p, '/entrar/diretorio/confirmar', 'confirmar-diretorio');
      await atPhoneWidth(context, [[path, 'confirmar-diretorio-360']]);
      await context.close();
    });
  }

  await step('conta local entra; o administrador vê as formas de entrar e mapeia um grupo', async () => {
    await signIn(page, 'admin');
    expect(!page.url().includes('/entrar'), 'o admin local entrou: ' + page.url());
    await page.goto(base + '/admin');
    expect(await page.locator('main a[href="/admin/entrada"]').count() === 1, 'link no índice');
    await page.goto(base + '/admin/entrada');
    expect(await page.locator('#forma-local').count() === 1, 'senha local ligada');
    expect(await page.locator('#forma-ldap').count() === (directory ? 1 : 0), 'diretório');
    await page.fill('#grupo', 'cn=SEFAZ,ou=groups,dc=guiche,dc=test');
    const sesa = await page.locator('#orgao option', { hasText: 'SESA' }).first().getAttribute('value');
    await page.selectOption('#orgao', sesa);
    await Promise.all([page.waitForLoadState('load'), page.click('main form.formulario button.br-button.primary')]);
    expect(page.url().includes('/admin/entrada?salvo=1'), 'salvo: ' + page.url());
    expect(await page.locator('tr[id^=mapeamento-]', { hasText: 'cn=sefaz,ou=groups' }).count() === 1, 'o mapeamento');
    await visit(page, '/admin/entrada', 'admin-entrada');
    // A unit role without its unit: refused next to the field.
    await page.fill('#grupo', 'cn=GS-Guiche-Analistas,ou=groups,dc=guiche,dc=test');
    await page.selectOption('#papel', 'analyst');
    await Promise.all([page.waitForLoadState('load'), page.click('main form.formulario button.br-button.primary')]);
    const error = await page.textContent('#unidade-erro');
    expect(/precisa de uma unidade/.test(error), 'erro da unidade: ' + error);
    await visit(page, '/admin/entrada (erro)', 'admin-entrada-erro');
    // With its unit, the analysts' group is mapped.
    const unit = await page.locator('#unidade option[value]:not([value=""])').first().getAttribute('value');
    await page.selectOption('#unidade', unit);
    await Promise.all([page.waitForLoadState('load'), page.click('main form.formulario button.br-button.primary')]);
    expect(page.url().includes('/admin/entrada?salvo=1'), 'salvo com a unidade: ' + page.url());

    if (directory) {
      // The groups' change reaches maria.souza at her next sign-in: the same person, now
      // in SESA (her group SEFAZ) and an analyst of that unit (her group GS-Guiche-Analistas).
      const context = await newContext();
      const p = await context.newPage();
      await signIn(p, 'maria.souza', 'senha-da-maria');
      expect(!p.url().includes('/entrar'), 'entrou de novo: ' + p.url());
      const again = await sessionPerson(p);
      expect(again.id === maria.id, `a mesma pessoa: ${maria.id} e ${again.id}`);
      expect(String(again.organization_id) === sesa, `o órgão do grupo: ${again.organization_id} (SESA ${sesa})`);
      const analyst = again.roles.find((r) => r.role === 'analyst');
      expect(analyst && String(analyst.unit_id) === unit, 'analista da unidade mapeada: ' + JSON.stringify(again.roles));
      await context.close();
    }
  });

  await step('360 px', async () => {
    await atPhoneWidth(page.context(), [['/admin/entrada', 'admin-entrada-360']]);
  });
}
