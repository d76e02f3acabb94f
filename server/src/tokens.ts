import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Signed tokens: `<payload>.<signature>`, payload base64url JSON, HMAC-SHA256 with the server secret.
 * They are unguessable (random nonce) and tamper-evident; what they name is checked against the store.
 */
export class Signer {
  constructor(private readonly secret: string) {}

  sign(payload: Record<string, string>): string {
    const body = Buffer.from(
      JSON.stringify({ ...payload, n: randomBytes(9).toString('base64url') }),
    ).toString('base64url');
    return `${body}.${this.mac(body)}`;
  }

  verify(token: string): Record<string, string> | null {
    const [body, sig, extra] = token.split('.');
    if (!body || !sig || extra !== undefined) return null;
    const expected = Buffer.from(this.mac(body));
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

  private mac(body: string): string {
    return createHmac('sha256', this.secret).update(body).digest('base64url');
  }
}

export function newId(): string {
  return randomBytes(12).toString('base64url');
}
