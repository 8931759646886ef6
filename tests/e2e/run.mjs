// Runs every end-to-end spec (tests/e2e/*.spec.mjs), each against a server of
// its own, and ends with one summary line.
// Usage: node tests/e2e/run.mjs GUICHE_BINARY SCREENSHOT_DIR [NAME_FILTER]
import { readdirSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { runSpec } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const [binary, shotDir, filter] = process.argv.slice(2);
if (!binary || !shotDir) {
  console.error('uso: node tests/e2e/run.mjs GUICHE_BINARY PASTA_DE_CAPTURAS [FILTRO]');
  process.exit(2);
}
const specs = readdirSync(here).filter((f) => f.endsWith('.spec.mjs') && (!filter || f.includes(filter))).sort();
// Two specs at a time (GUICHE_E2E_JOBS): each has its own server, data folder and browser, and
// a spec spends much of its time waiting on them. Every line names its spec.
const jobs = Math.max(1, Number(process.env.GUICHE_E2E_JOBS) || 2);
const results = [];
const queue = [...specs];
async function worker() {
  for (let file = queue.shift(); file; file = queue.shift()) {
    const spec = await import(pathToFileURL(join(here, file)));
    const name = file.replace('.spec.mjs', '');
    results.push(...await runSpec(name, binary, shotDir, spec.default, spec.server ? spec.server() : {}));
  }
}
await Promise.all(Array.from({ length: Math.min(jobs, specs.length) }, worker));
const passed = results.filter((r) => r.ok).length;
const failed = results.length - passed;
console.log(`e2e: ${passed} passed, ${failed} failed (${specs.length} specs)`);
process.exit(failed === 0 && passed > 0 ? 0 : 1);
