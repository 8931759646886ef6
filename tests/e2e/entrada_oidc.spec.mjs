// Signing in with an OpenID Connect provider (issue 16, item 3), in Chromium,
// against the Glewlwyd of scripts/test-servers/oidc.sh when
// scripts/run-tests.sh started it (GUICHE_TEST_OIDC_*; without it the spec
// only checks that /entrar shows no provider button): the provider's button
// on /entrar, Glewlwyd's own login and consent pages, landing signed in with
// the person created; a second sign-in lands on the same person, whose
// linked account Minha Área lists; and sign-out passes by the provider's
// end_session.
import { expect } from './harness.mjs';

const provider = process.env.GUICHE_TEST_OIDC_ISSUER ? {
  issuer: process.env.GUICHE_TEST_OIDC_ISSUER,
  clientId: process.env.GUICHE_TEST_OIDC_CLIENT_ID,
  clientSecret: process.env.GUICHE_TEST_OIDC_CLIENT_SECRET,
} : null;

export function server() {
  if (!provider) return {};
  return {
    args: ['--oidc-provider', 'teste=' + provider.issuer],
    env: { GUICHE_OIDC_TESTE_CLIENT_ID: provider.clientId,
      GUICHE_OIDC_TESTE_CLIENT_SECRET: provider.clientSecret },
  };
}

// Glewlwyd compares redirect URIs exactly: this server's callback is added to
// the test client through Glewlwyd's admin API.
async function acceptCallback(base) {
  const api = new URL(provider.issuer).origin + '/api';
  const auth = await fetch(api + '/auth/', { method: 'POST', headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'password' }) });
  expect(auth.ok, 'admin do Glewlwyd: ' + auth.status);
  const cookie = auth.headers.get('set-cookie').split(';')[0];
  const client = await (await fetch(api + '/client/' + provider.clientId, { headers: { Cookie: cookie } })).json();
  client.redirect_uri = [...client.redirect_uri, base + '/entrar/oidc/teste/retorno'];
  delete client.source;
  const put = await fetch(api + '/client/' + provider.clientId, { method: 'PUT',
    headers: { 'Content-Type': 'application/json', Cookie: cookie }, body: JSON.stringify(client) });
  expect(put.ok, 'cliente do Glewlwyd atualizado: ' + put.status + ' ' + await put.text());
}

// On Glewlwyd's pages: the login form, then the consent (first time only).
async function signInAtProvider(p, base, user) {
  await p.waitForSelector('#username');
  await p.fill('#username', user);
  await p.fill('#password', 'senha-de-teste');
  await p.click('#loginbut');
  const grant = p.locator('button', { hasText: 'Grant access' });
  await Promise.race([grant.waitFor({ timeout: 10000 }), p.waitForURL(base + '/**', { timeout: 10000 })])
    .catch(() => {});
  if (!p.url().startsWith(base) && await grant.count() > 0) {
    await grant.click();
    await p.locator('button', { hasText: 'Continue' }).click();
  }
  await p.waitForURL(base + '/**', { timeout: 10000 });
  await p.waitForLoadState('load');
}

export default async function oidcSignIn({ base, page, step, visit, newContext }) {
  if (!provider) {
    console.log('entrada_oidc: GUICHE_TEST_OIDC_ISSUER ausente: só a página sem provedores');
    await step('sem provedores, a página de entrada não mostra botões', async () => {
      await page.goto(base + '/entrar');
      expect(await page.locator('a[href^="/entrar/oidc/"]').count() === 0, 'nenhum botão de provedor');
    });
    return;
  }

  await step('a página de entrada mostra o botão do provedor', async () => {
    await acceptCallback(base);
    await page.goto(base + '/entrar');
    await visit(page, '/entrar', 'entrar-provedores');
    expect(await page.locator('main a[href="/entrar/oidc/teste"]', { hasText: 'Entrar com teste' }).count() === 1,
      'o botão do provedor');
  });

  const context = await newContext();
  const p = await context.newPage();
  await step('entrar pelo provedor cria a pessoa e abre a sessão', async () => {
    await p.goto(base + '/entrar');
    await p.click('main a[href="/entrar/oidc/teste"]');
    await signInAtProvider(p, base, 'cidadao.ana');
    expect(p.url() === base + '/minha-area', 'entrou: ' + p.url());
    expect(await p.locator('body', { hasText: 'Ana Cidadã' }).count() >= 1, 'o nome que o provedor deu');
  });

  await step('a conta vinculada aparece em Minha Área', async () => {
    await p.goto(base + '/minha-area/contas');
    await visit(p, '/minha-area/contas', 'minha-area-contas');
    expect(await p.locator('main li', { hasText: 'teste' }).count() === 1, 'um vínculo');
  });

  await step('sair passa pelo fim de sessão do provedor', async () => {
    const exits = [];
    p.on('request', (r) => { if (r.url().includes('/end_session')) exits.push(r.url()); });
    await p.goto(base + '/minha-area');
    await Promise.all([p.waitForLoadState('load'), p.click('header form[action="/sair"] button, form[action="/sair"] button')]);
    expect(exits.length === 1 && exits[0].includes('id_token_hint='), 'end_session com id_token_hint');
  });

  await step('a segunda entrada é a mesma pessoa', async () => {
    const again = await (await newContext()).newPage();
    await again.goto(base + '/entrar/oidc/teste');
    await signInAtProvider(again, base, 'cidadao.ana');
    expect(again.url() === base + '/minha-area', 'entrou de novo: ' + again.url());
    await again.goto(base + '/minha-area/contas');
    expect(await again.locator('main li', { hasText: 'teste' }).count() === 1, 'o mesmo vínculo, uma pessoa');
  });
  await context.close();
}
