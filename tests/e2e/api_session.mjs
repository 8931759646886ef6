// A signed-in API client for the specs' "other side": an agent (or another
// requester) acting through /api/v1 with a session cookie and the CSRF
// header every cookie-authenticated write must carry.
import { demoPassword } from './harness.mjs';

export async function apiSession(base, login, password = demoPassword) {
  const res = await fetch(base + '/api/v1/session', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ login, password }),
  });
  if (res.status !== 201) throw new Error(`login ${login} pela API: ${res.status} ${await res.text()}`);
  const cookie = res.headers.get('set-cookie').split(';')[0];
  const { person, csrf_token: csrf } = await res.json();
  const call = async (method, path, body) => {
    const headers = { cookie, 'x-csrf-token': csrf };
    if (body !== undefined) headers['content-type'] = 'application/json';
    const r = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await r.text();
    if (r.status >= 300) throw new Error(`${method} ${path}: ${r.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return { person, call };
}

// The same session as a function that answers { status, json } whatever the
// status, for the specs that check refusals too.
export async function apiAs(base, login) {
  const r = await fetch(base + '/api/v1/session', { method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ login, password: demoPassword }) });
  if (r.status !== 201) throw new Error(`login ${login} pela API: ${r.status}`);
  const cookie = r.headers.get('set-cookie').split(';')[0];
  const { csrf_token: csrf } = await r.json();
  return async (method, path, body) => {
    const res = await fetch(base + path, { method,
      headers: { Cookie: cookie, 'X-CSRF-Token': csrf, 'Content-Type': 'application/json' },
      body: body ? JSON.stringify(body) : undefined });
    return { status: res.status, json: await res.json().catch(() => null) };
  };
}

// A request for SUP-EQUIP (a short form) registered by `session`; returns the ticket.
export function registerEquipment(session, subject) {
  return session.call('POST', '/api/v1/tickets', {
    service_code: 'SUP-EQUIP',
    subject,
    description: 'Registrado pelo teste de ponta a ponta.',
    form_answers: { patrimonio: 'PAT-0001', equipamento: 'Impressora', local: 'Sede, térreo' },
  });
}

// A 1×1 PNG, so the server sniffs a real image type.
export const tinyPng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
  'base64');
