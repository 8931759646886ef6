// What every end-to-end spec shares: a `guiche serve --demo` of its own on a
// free port with a temporary data folder, Debian's Chromium, named steps,
// axe-core on every page visited (serious or critical violations fail),
// screenshots, and a watch on the browser console and on failed loads.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const webDir = join(here, '..', '..', 'web');
const require = createRequire(join(webDir, 'package.json'));
const { chromium } = require('playwright-core');
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export const demoPassword = 'guiche-demo';

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => { const { port } = s.address(); s.close(() => resolve(port)); });
  });
}

async function waitForServer(base, server) {
  for (let i = 0; i < 200; i++) {
    if (server.exitCode !== null) throw new Error('guiche serve saiu com código ' + server.exitCode);
    try { if ((await fetch(base + '/api/v1/health')).ok) return; } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('guiche serve não respondeu a tempo');
}

export function expect(cond, message) { if (!cond) throw new Error(message); }

// axe-core on the current page: any serious or critical violation fails.
async function checkAccessibility(page, label) {
  const tag = await page.addScriptTag({ content: axeSource });
  await tag.evaluate((script) => script.setAttribute('data-axe', ''));
  const found = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ')) }));
  });
  const bad = found.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.length === 0, `axe em ${label}: ` + JSON.stringify(bad));
}

// The portal's quality bar: under 100 KB of our own HTML and CSS per page (the
// design system's files aside). Measured before axe adds its script.
async function checkWeight(page, label) {
  const bytes = await page.evaluate(async () => {
    const size = (text) => new TextEncoder().encode(text).length;
    // axe's own script, left in the page by an earlier check, is not ours.
    const html = document.documentElement.cloneNode(true);
    html.querySelectorAll('script[data-axe]').forEach((script) => script.remove());
    let total = size(html.outerHTML);
    for (const link of document.querySelectorAll('link[rel=stylesheet]')) {
      if (link.href.endsWith('/app/app.css')) total += size(await (await fetch(link.href)).text());
    }
    return total;
  });
  expect(bytes < 100 * 1024, `${label}: ${bytes} bytes de HTML+CSS próprios (limite: 100 KB)`);
}

// Runs one spec: `body(t)` gets base (the server's URL), context, page,
// step(name, fn), visit(page, label, shot?), signIn(page, login, password?),
// newContext() and atPhoneWidth(context, [[path, shot], ...]). Returns
// [{name, ok}] for the runner's summary. `server` adds options ({args, env})
// to the spec's `guiche serve` (a spec's `export function server()`).
export async function runSpec(specName, binary, shotDir, body, server_options = {}) {
  mkdirSync(shotDir, { recursive: true });
  const results = [];
  const step = async (name, fn) => {
    try {
      await fn();
      results.push({ name, ok: true });
      console.log(`ok   ${specName}: ${name}`);
    } catch (e) {
      results.push({ name, ok: false });
      console.log(`FAIL ${specName}: ${name}\n     ` +
        String((e && e.stack) || e).split('\n').slice(0, 4).join('\n     '));
    }
  };
  const visit = async (page, label, shot) => {
    await page.waitForLoadState('load');
    await checkWeight(page, label);
    await checkAccessibility(page, label);
    if (shot) await page.screenshot({ path: join(shotDir, shot + '.png'), fullPage: true });
  };

  const dataDir = mkdtempSync(join(tmpdir(), 'guiche-e2e-'));
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const server = spawn(binary,
    ['serve', '--listen', `127.0.0.1:${port}`, '--data', dataDir, '--demo', '--web', webDir,
      ...(server_options.args || [])],
    { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, ...(server_options.env || {}) } });
  let browser;
  try {
    await waitForServer(base, server);
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    const consoleErrors = [];
    // Pages answer 401/422 on purpose (wrong password, invalid form), which the
    // console reports too; what must not fail is any file a page loads. A form
    // a script posts (web/static/formulario_anexos.js) gets its 422 the same way,
    // and a form htmx sends (HX-Request: the agent's ticket page) its 409 when
    // the desk refuses the change, swapped into the page like its 422.
    const formAnswer = (res) => ['fetch', 'xhr'].includes(res.request().resourceType()) &&
      res.request().method() === 'POST' && (res.status() === 422 ||
        (res.status() === 409 && res.request().headers()['hx-request'] === 'true'));
    const watch = (p) => {
      p.on('console', (m) => {
        if (m.type() === 'error' && !m.text().startsWith('Failed to load resource') &&
          p.url().startsWith(base)) consoleErrors.push(m.text());
      });
      p.on('response', (res) => {
        // Only the desk's own files: another site a spec passes through (an OpenID provider's
        // login pages, entrada_oidc.spec.mjs) answers for itself.
        if (res.url().startsWith(base) && res.request().resourceType() !== 'document' &&
          res.status() >= 400 && !formAnswer(res)) {
          consoleErrors.push(res.status() + ' ' + res.url());
        }
      });
    };
    const newContext = async (options = {}) => {
      const context = await browser.newContext({ bypassCSP: true, locale: 'pt-BR',
        viewport: { width: 1280, height: 800 }, ...options });
      context.on('page', watch);
      return context;
    };
    const signIn = async (page, login, password = demoPassword) => {
      await page.goto(base + '/entrar');
      await page.fill('#login', login);
      await page.fill('#senha', password);
      await page.click('main button[type=submit]');
      await page.waitForLoadState('load');
    };
    // The portal's quality bar at a phone's width: each [path, shot] opened in a
    // 360 px page of `within` (a context, so with its session), visited (axe,
    // weight, screenshot) and checked for horizontal scrolling.
    const atPhoneWidth = async (within, pages) => {
      const narrow = await within.newPage();
      await narrow.setViewportSize({ width: 360, height: 740 });
      try {
        for (const [path, shot] of pages) {
          await narrow.goto(base + path);
          await visit(narrow, path + ' (360 px)', shot);
          const wide = await narrow.evaluate(() => document.documentElement.scrollWidth);
          expect(wide <= 360, `${path} tem ${wide} px de largura em 360 px`);
        }
      } finally {
        await narrow.close();
      }
    };
    const context = await newContext();
    const page = await context.newPage();
    await body({ base, browser, context, page, step, visit, signIn, newContext, shotDir, atPhoneWidth });
    await step('sem erros no console do navegador', async () => {
      expect(consoleErrors.length === 0, consoleErrors.join('\n'));
    });
  } catch (e) {
    results.push({ name: 'preparação', ok: false });
    console.log(`FAIL ${specName}: preparação: ` + ((e && e.stack) || e));
  } finally {
    if (browser) await browser.close();
    server.kill('SIGTERM');
    await new Promise((r) => (server.exitCode !== null ? r() : server.once('exit', r)));
    rmSync(dataDir, { recursive: true, force: true });
  }
  return results;
}
