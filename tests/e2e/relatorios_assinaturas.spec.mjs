// Reports by e-mail: the leadership subscribes to the volume report from
// the form under it, using only the keyboard, lands on "Relatórios por
// e-mail" with the subscription listed (axe, 1280 and 360 px), and cancels it.
import { expect } from './harness.mjs';

export default async function reportSubscriptions({ base, page, step, visit, signIn, atPhoneWidth, context }) {
  await step('assinar o relatório de volume pelo teclado', async () => {
    await signIn(page, 'diretoria');
    await page.goto(base + '/relatorios/volume');
    await page.focus('#frequencia');
    await page.keyboard.press('ArrowDown');  // Mensal
    expect(await page.inputValue('#frequencia') === 'monthly', 'mensal escolhido');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement.textContent.trim()) === 'Assinar', 'Tab chega a Assinar');
    await Promise.all([page.waitForURL(/\/relatorios\/assinaturas\?assinado=1$/), page.keyboard.press('Enter')]);
    expect((await page.textContent('.br-message.success')).includes('Assinatura feita'), 'confirmação');
    const row = await page.textContent('tbody tr');
    expect(row.includes('Volume e estoque') && row.includes('mensal'), 'a assinatura na lista: ' + row);
    await visit(page, '/relatorios/assinaturas', 'relatorios-assinaturas');
  });

  await step('360 px', async () => {
    await atPhoneWidth(context, [['/relatorios/assinaturas', 'relatorios-assinaturas-360']]);
  });

  await step('cancelar a assinatura', async () => {
    await page.goto(base + '/relatorios/assinaturas');
    await Promise.all([page.waitForURL(/cancelado=1$/), page.click('tbody tr button[type=submit]')]);
    expect((await page.textContent('main')).includes('Você não assina nenhum relatório'), 'a lista vazia');
  });
}
