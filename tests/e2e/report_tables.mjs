// A report page's tables and their CSV downloads, read as cells to compare
// them (the CSV: a byte-order mark, `;` between cells, `"` quoting).
import { readFileSync } from 'node:fs';
import { expect } from './harness.mjs';

export function csvRows(text) {
  expect(text.charCodeAt(0) === 0xfeff, 'o CSV começa com a marca de ordem de bytes (BOM)');
  const rows = [];
  for (const line of text.slice(1).split('\r\n')) {
    if (line === '') continue;
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const ch = line[i];
      if (quoted) {
        if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (ch === '"') quoted = false; else cell += ch;
      } else if (ch === '"') quoted = true;
      else if (ch === ';') { cells.push(cell); cell = ''; } else cell += ch;
    }
    cells.push(cell);
    rows.push(cells);
  }
  return rows;
}

export async function tableRows(page, id) {
  return page.$$eval(`#tabela-${id} tr`, (trs) => trs.map((tr) =>
    Array.from(tr.querySelectorAll('th, td')).map((c) => c.textContent)));
}

export async function csvEqualsTable(page, ids) {
  for (const id of ids) {
    const [download] = await Promise.all([page.waitForEvent('download'),
      page.click(`#${id} a[download]`)]);
    const fromCsv = csvRows(readFileSync(await download.path(), 'utf8'));
    const onPage = await tableRows(page, id);
    expect(onPage.length > 1, `${id}: a tabela tem linhas`);
    expect(JSON.stringify(fromCsv) === JSON.stringify(onPage),
      `${id}: CSV ${JSON.stringify(fromCsv).slice(0, 300)} ≠ página ${JSON.stringify(onPage).slice(0, 300)}`);
  }
}
