import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iceServersFor, loadTurnConfig, mintTurnCredentials, type TurnConfig } from './turn.js';

const turn: TurnConfig = {
  secret: 'coturn-static-auth-secret',
  urls: ['turn:turn.example.org:3478?transport=udp', 'turns:turn.example.org:5349'],
  ttlSec: 3600,
};

/**
 * What coturn does with `use-auth-secret` and `static-auth-secret`: the part of the username before the
 * colon is an expiry in Unix seconds, which must not have passed, and the password must be
 * base64(HMAC-SHA1(secret, username)).
 */
function coturnAccepts(secret: string, username: string, credential: string, nowSec: number): boolean {
  const expiry = Number(username.split(':')[0]);
  if (!Number.isInteger(expiry) || expiry < nowSec) return false;
  return createHmac('sha1', secret).update(username).digest('base64') === credential;
}

describe('TURN credentials (coturn use-auth-secret)', () => {
  const now = Date.UTC(2030, 0, 1, 19, 0, 0);
  const nowSec = now / 1000;

  it('mints a username "<expiry>:<random id>" and the HMAC coturn recomputes, valid for the TTL only', () => {
    const { urls, username, credential } = mintTurnCredentials(turn, now);
    expect(urls).toEqual(turn.urls);
    expect(username).toMatch(/^\d+:[A-Za-z0-9_-]{12}$/);
    expect(Number(username!.split(':')[0])).toBe(nowSec + 3600);
    expect(coturnAccepts(turn.secret, username!, credential!, nowSec)).toBe(true);
    expect(coturnAccepts(turn.secret, username!, credential!, nowSec + 3599)).toBe(true);
    expect(coturnAccepts(turn.secret, username!, credential!, nowSec + 3601)).toBe(false); // expired
    expect(coturnAccepts('another-secret', username!, credential!, nowSec)).toBe(false);
    // A different expiry with the same credential is refused: the expiry cannot be stretched by the holder.
    const stretched = username!.replace(/^\d+/, String(nowSec + 10 * 365 * 86400));
    expect(coturnAccepts(turn.secret, stretched, credential!, nowSec)).toBe(false);
  });

  it('gives each person their own credentials', () => {
    const a = mintTurnCredentials(turn, now);
    const b = mintTurnCredentials(turn, now);
    expect(a.username).not.toBe(b.username);
    expect(a.credential).not.toBe(b.credential);
  });

  it('adds them to the configured ICE servers only when TURN is configured', () => {
    const stun = { urls: 'stun:stun.example.org:3478' };
    expect(iceServersFor({ iceServers: [stun] }, now)).toEqual([stun]);
    const withTurn = iceServersFor({ iceServers: [stun], turn }, now);
    expect(withTurn).toHaveLength(2);
    expect(withTurn[1]).toMatchObject({ urls: turn.urls, username: expect.any(String) as string });
  });

  it('reads CIRCLE_TURN_SECRET, CIRCLE_TURN_URLS and CIRCLE_TURN_TTL_SEC; needs both secret and URLs', () => {
    expect(loadTurnConfig({})).toBeUndefined();
    expect(loadTurnConfig({ CIRCLE_TURN_SECRET: 's' })).toBeUndefined();
    expect(loadTurnConfig({ CIRCLE_TURN_URLS: 'turn:a:3478' })).toBeUndefined();
    expect(
      loadTurnConfig({
        CIRCLE_TURN_SECRET: 's',
        CIRCLE_TURN_URLS: 'turn:a:3478, turns:a:5349',
        CIRCLE_TURN_TTL_SEC: '600',
      }),
    ).toEqual({ secret: 's', urls: ['turn:a:3478', 'turns:a:5349'], ttlSec: 600 });
  });
});
