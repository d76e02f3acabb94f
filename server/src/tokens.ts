import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface Key {
  id: string;
  secret: string;
}

/** A short public name for a key, so a token says which key signed it without revealing anything. */
const keyId = (secret: string) => createHash('sha256').update(secret).digest('base64url').slice(0, 6);

/**
 * Signed tokens: `<key id>.<payload>.<signature>`, payload base64url JSON, HMAC-SHA256 over the key id and
 * the payload. They are unguessable (random nonce) and tamper-evident; what they name is checked against the
 * store. The first key signs; every key verifies, so a secret is rotated by listing the new one first and
 * dropping the old one once its tokens no longer matter.
 */
export class Signer {
  private readonly keys: Key[];

  constructor(secrets: string | string[]) {
    const list = (Array.isArray(secrets) ? secrets : [secrets]).filter(Boolean);
    if (!list.length) throw new Error('Signer needs at least one key');
    this.keys = list.map((secret) => ({ id: keyId(secret), secret }));
  }

  sign(payload: Record<string, string>): string {
    const key = this.keys[0]!;
    const body = Buffer.from(
      JSON.stringify({ ...payload, n: randomBytes(9).toString('base64url') }),
    ).toString('base64url');
    return `${key.id}.${body}.${mac(key.secret, `${key.id}.${body}`)}`;
  }

  verify(token: string): Record<string, string> | null {
    const [kid, body, sig, extra] = token.split('.');
    if (!kid || !body || !sig || extra !== undefined) return null;
    const key = this.keys.find((k) => k.id === kid);
    if (!key) return null;
    const expected = Buffer.from(mac(key.secret, `${kid}.${body}`));
    const given = Buffer.from(sig);
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
    try {
      const parsed: unknown = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
      if (typeof parsed !== 'object' || parsed === null) return null;
      return parsed as Record<string, string>;
    } catch {
      return null;
    }
  }
}

const mac = (secret: string, data: string) => createHmac('sha256', secret).update(data).digest('base64url');

/** What the store keeps instead of a bearer secret (an invitation token, a device code). */
export function digest(secret: string): string {
  return createHash('sha256').update(secret).digest('base64url');
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}

/**
 * The signing keys: `CIRCLE_SECRET` (comma-separated, the first signs), or else a 0600 file in the data
 * directory created on first start. Never a row in the store: a copy of the database alone must not be
 * enough to forge links. Several nodes on Redis must share one secret, so there it has to be given.
 */
export function loadSigningKeys(config: { secret?: string; redisUrl?: string; dataDir: string }): string[] {
  const given = (config.secret ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  if (given.length) return given;
  if (config.redisUrl)
    throw new Error(
      'CIRCLE_SECRET is required with REDIS_URL: every node must sign and verify links with the same secret.',
    );
  mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
  const file = join(config.dataDir, 'secret');
  try {
    return [readFileSync(file, 'utf8').trim()];
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  const secret = randomBytes(32).toString('base64url');
  // `wx`: if another process created it meanwhile, fail rather than overwrite its key.
  writeFileSync(file, `${secret}\n`, { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return [secret];
}
