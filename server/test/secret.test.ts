import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createGroup, tokenOf } from './support/client.js';
import { postJson } from './support/meeting.js';
import { inProcess, tempDir } from './support/server.js';

const works = async (port: number, link: string) =>
  (await postJson(port, '/api/invite', { token: tokenOf(link) })).status === 200;

/** The signing secret: out of the database, rotatable, and the same on every node. */
describe('the signing secret', () => {
  it('without CIRCLE_SECRET lives in a 0600 file in the data directory, not in the store; links survive a restart', async () => {
    const dataDir = tempDir();
    const first = await inProcess({ dataDir, secret: undefined });
    const g = await createGroup(first.port);
    expect(await first.store.get('server:secret')).toBeNull();
    await first.close();
    expect(statSync(join(dataDir, 'secret')).mode & 0o777).toBe(0o600);
    const again = await inProcess({ dataDir, secret: undefined });
    try {
      expect(await works(again.port, g.links.member)).toBe(true);
    } finally {
      await again.close();
    }
  });

  it('rotates: tokens name their key; old keys listed after the new one still verify, dropped ones do not', async () => {
    const dataDir = tempDir();
    const old = await inProcess({ dataDir, secret: 'the-old-key-0123456789abcdef' });
    const g = await createGroup(old.port);
    await old.close();
    expect(tokenOf(g.links.member).split('.')).toHaveLength(3);

    const rotated = await inProcess({
      dataDir,
      secret: 'the-new-key-0123456789abcdef,the-old-key-0123456789abcdef',
    });
    const fresh = await createGroup(rotated.port);
    try {
      expect(await works(rotated.port, g.links.member)).toBe(true);
      expect(await works(rotated.port, fresh.links.member)).toBe(true);
    } finally {
      await rotated.close();
    }
    const dropped = await inProcess({ dataDir, secret: 'the-new-key-0123456789abcdef' });
    try {
      expect(await works(dropped.port, g.links.member)).toBe(false);
      expect(await works(dropped.port, fresh.links.member)).toBe(true);
    } finally {
      await dropped.close();
    }
  });

  it('with REDIS_URL and no CIRCLE_SECRET, the server refuses to start and says why', async () => {
    await expect(inProcess({ redisUrl: 'redis://127.0.0.1:1', secret: undefined })).rejects.toThrow(
      /CIRCLE_SECRET/,
    );
  });
});
