import { readFileSync } from 'node:fs';
import { isIPv4 } from 'node:net';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SERVER_START_ARGS } from '../src/nodeFlags.js';

/**
 * The shipped deployment (docker-compose.yml, deploy/nginx.conf) as an operator would start it: Docker does
 * not run on the project's machines, so these read the files and check the properties that keep a
 * careless deployment from leaking (open TURN relay, Redis without a password, tokens in access logs).
 */
const root = resolve(import.meta.dirname, '../..');

interface Service {
  command?: string[] | string;
  environment?: Record<string, string>;
  ports?: string[];
  healthcheck?: { test: string[] };
}
const compose = parse(readFileSync(resolve(root, 'docker-compose.yml'), 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const nodes = ['circle-1', 'circle-2'].map((name) => compose.services[name]!);
const args = (s: Service) => (Array.isArray(s.command) ? s.command : (s.command ?? '').split(/\s+/));

/** An address as its family and number, for range checks (IPv4-mapped IPv6 stays IPv6, as on the wire). */
function ipValue(ip: string): string {
  if (isIPv4(ip)) return `4:${ip.split('.').reduce((n, o) => (n << 8n) | BigInt(o), 0n)}`;
  let text = ip;
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = ip.slice(0, -v4[0].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `6:${groups.reduce((n, g) => (n << 16n) | BigInt(parseInt(g || '0', 16)), 0n)}`;
}

/** Whether `ip` lies in [lo, hi] (same family only). */
function inRange(ip: string, lo: string, hi: string): boolean {
  const [f, v] = ipValue(ip).split(':') as [string, string];
  const [fl, l] = ipValue(lo).split(':') as [string, string];
  const [fh, h] = ipValue(hi).split(':') as [string, string];
  return f === fl && f === fh && BigInt(v) >= BigInt(l) && BigInt(v) <= BigInt(h);
}

describe('docker-compose.yml', () => {
  it('runs each node as `npm start` does (the build, with the same Node flags), node itself as PID 2', () => {
    for (const node of nodes) expect(args(node)).toEqual(['node', ...SERVER_START_ARGS]);
  });

  it('refuses to start without the secrets: CIRCLE_SECRET, TURN_SECRET, REDIS_PASSWORD', () => {
    for (const node of nodes) {
      const env = node.environment!;
      expect(env.CIRCLE_SECRET).toMatch(/^\$\{CIRCLE_SECRET:\?.+\}$/);
      expect(env.CIRCLE_TURN_SECRET).toMatch(/^\$\{TURN_SECRET:\?.+\}$/);
      expect(env.CIRCLE_TURN_URLS).toMatch(/^turns?:/);
      // No static TURN user in the browsers: credentials are minted per person.
      expect(env.CIRCLE_ICE_SERVERS ?? '').not.toMatch(/credential/);
      // Redis with a password, required.
      expect(env.REDIS_URL).toMatch(/^redis:\/\/:\$\{REDIS_PASSWORD:\?.+\}@redis:6379$/);
      // Behind nginx, limits count the address nginx saw; metrics are not on the public port.
      expect(env.CIRCLE_TRUST_PROXY).toBe('1');
      expect(env.CIRCLE_METRICS_PORT).toMatch(/^\d+$/);
      expect(env.CIRCLE_METRICS_TOKEN).toBeUndefined();
      // The nodes are reached through nginx only (so X-Forwarded-For cannot be forged past it).
      expect((node.ports ?? []).filter((p) => /\b3000\b|9100/.test(p))).toEqual([]);
    }
  });

  it('runs Redis with a required password (and its healthcheck authenticates)', () => {
    const redis = compose.services.redis!;
    const cmd = args(redis);
    const at = cmd.indexOf('--requirepass');
    expect(at).toBeGreaterThan(0);
    expect(cmd[at + 1]).toMatch(/^\$\{REDIS_PASSWORD:\?.+\}$/);
    expect(redis.environment?.REDISCLI_AUTH).toMatch(/^\$\{REDIS_PASSWORD:\?.+\}$/);
    expect(redis.ports ?? []).toEqual([]);
  });

  it('runs coturn with use-auth-secret only, no CLI, and no relaying to private or local addresses', () => {
    const cmd = args(compose.services.coturn!);
    expect(cmd).toContain('--use-auth-secret');
    expect(cmd.find((a) => a.startsWith('--static-auth-secret='))).toMatch(
      /^--static-auth-secret=\$\{TURN_SECRET:\?.+\}$/,
    );
    expect(cmd.some((a) => a.startsWith('--user') || a === '--lt-cred-mech')).toBe(false);
    expect(cmd).toContain('--no-cli');
    expect(cmd).toContain('--no-multicast-peers');

    const denied = cmd
      .filter((a) => a.startsWith('--denied-peer-ip='))
      .map((a) => a.slice('--denied-peer-ip='.length).split('-') as [string, string]);
    const isDenied = (ip: string) => denied.some(([lo, hi]) => inRange(ip, lo, hi));
    const mustDeny = [
      '0.0.0.0',
      '10.0.0.1',
      '10.255.255.255',
      '100.64.0.1',
      '127.0.0.1',
      '127.255.255.254',
      '169.254.169.254', // cloud metadata
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.1',
      '224.0.0.1',
      '255.255.255.255',
      '::',
      '::1',
      '::ffff:10.0.0.1', // IPv4-mapped: the same private range by another name
      '::ffff:127.0.0.1',
      'fc00::1',
      'fd12:3456::1',
      'fe80::1',
      'ff02::1',
    ];
    for (const ip of mustDeny) expect(isDenied(ip), ip).toBe(true);
    // Public addresses (where browsers and the media nodes are) are still relayed to.
    for (const ip of ['8.8.8.8', '172.32.0.1', '192.169.0.1', '100.128.0.1', '2001:4860:4860::8888'])
      expect(isDenied(ip), ip).toBe(false);
  });
});

describe('deploy/nginx.conf', () => {
  const conf = readFileSync(resolve(root, 'deploy/nginx.conf'), 'utf8')
    .split('\n')
    .map((line) => line.replace(/#.*$/, ''))
    .join('\n');
  const directives = (name: string) =>
    [...conf.matchAll(new RegExp(`(?:^|[;{}\\s])${name}\\s+([^;]*);`, 'g'))].map((m) => m[1]!.trim());

  it('logs no request URIs, query strings or client addresses', () => {
    const formats = directives('log_format');
    expect(formats.length).toBeGreaterThan(0);
    // Whole variable names (`$request` is forbidden, `$request_method` is fine); `$arg_<name>` by prefix.
    const forbidden =
      /\$(request|request_uri|uri|document_uri|args|query_string|is_args|remote_addr|binary_remote_addr|http_referer|http_x_forwarded_for|proxy_add_x_forwarded_for)(?![A-Za-z0-9_])|\$arg_/;
    for (const format of formats) expect(format).not.toMatch(forbidden);
    // The check itself catches the usual offenders.
    for (const bad of ['main \'$remote_addr "$request"\'', "x '$uri$is_args$args'", "y '$arg_token'"])
      expect(bad).toMatch(forbidden);

    // An explicit access_log (else nginx writes "combined", with the request line) with one of these formats.
    const names = formats.map((f) => f.split(/\s+/)[0]);
    const logs = directives('access_log');
    expect(logs.length).toBeGreaterThan(0);
    for (const log of logs) {
      if (log === 'off') continue;
      const [, format] = log.split(/\s+/);
      expect(names, `access_log ${log}`).toContain(format);
    }
    // Error messages quote the request line: only critical ones are written.
    expect(directives('error_log').map((e) => e.split(/\s+/)[1])).toEqual(['crit']);
  });

  it('passes the client address on, and does not serve /metrics', () => {
    expect(directives('proxy_set_header')).toContain('X-Forwarded-For $proxy_add_x_forwarded_for');
    expect(conf).toMatch(/location = \/metrics\s*\{\s*return 404;/);
  });
});
