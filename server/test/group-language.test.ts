import { DEFAULT_DECLARATIONS } from '@circle/shared';
import type { InviteInfo } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import { call, createGroup, ok, tokenOf } from './support/client.js';
import { postJson } from './support/meeting.js';
import { serverPerTest } from './support/session.js';

const lookup = async (port: number, link: string) =>
  (await (await postJson(port, '/api/invite', { token: tokenOf(link) })).json()) as InviteInfo;

const post = (port: number, body: unknown) =>
  fetch(`http://127.0.0.1:${port}/api/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

describe('a group language: the default declaration in it, refused when not one Circle speaks', () => {
  const t = serverPerTest();

  it('a group created in Russian without a declaration gets the Russian default; its own text stays as written', async () => {
    const srv = await t.start();
    const ru = await createGroup(srv.port, { language: 'ru' });
    expect((await lookup(srv.port, ru.links.member)).declaration).toBe(DEFAULT_DECLARATIONS.ru);

    const own = 'Всё, что сказано в кругу, остаётся в кругу.';
    const written = await createGroup(srv.port, { language: 'ru', declaration: own });
    expect((await lookup(srv.port, written.links.member)).declaration).toBe(own);

    const plain = await createGroup(srv.port);
    expect((await lookup(srv.port, plain.links.member)).declaration).toBe(DEFAULT_DECLARATIONS.en);
  });

  it('an unknown language is refused with BAD_REQUEST, at creation and from the room', async () => {
    const srv = await t.start();
    for (const language of ['pl', 'RU', '', 42, null]) {
      const res = await post(srv.port, { name: 'Tuesday circle', language });
      expect(res.status).toBe(400);
      expect(await res.json()).toEqual({ error: 'BAD_REQUEST' });
    }

    const g = await createGroup(srv.port, { language: 'uk' });
    const fran = await t.join(g.links.facilitator, 'Fran');
    expect(await call(fran.socket, 'meeting:settings', { language: 'klingon' })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    expect(await ok(fran.socket, 'meeting:settings', {})).toMatchObject({ language: 'uk' });
    expect(await ok(fran.socket, 'meeting:settings', { language: 'de' })).toMatchObject({ language: 'de' });
  });
});
