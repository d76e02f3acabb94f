import { isIPv6 } from 'node:net';

/**
 * The address a request comes from, for per-address limits. Behind `trustedProxies` reverse proxies (the
 * shipped nginx is one), X-Forwarded-For is read from the right: each trusted proxy appended the address it
 * saw, so the entry `trustedProxies` places from the end is the client as the outermost trusted proxy saw
 * it. Entries further left were written by the client and could be anything. With 0 (the default) the
 * header is ignored: without a proxy in front, anyone could set it to evade the limits.
 */
export function clientAddress(
  remote: string | undefined,
  forwardedFor: string | string[] | undefined,
  trustedProxies: number,
): string {
  const chain = [remote ?? ''];
  if (trustedProxies > 0 && forwardedFor !== undefined) {
    const header = Array.isArray(forwardedFor) ? forwardedFor.join(',') : forwardedFor;
    const hops = header
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    // Nearest first: the direct peer, then what each proxy saw, right to left.
    chain.push(...hops.reverse());
  }
  return addressKey(chain[Math.min(trustedProxies, chain.length - 1)]!);
}

/**
 * The key one client is counted under: IPv4 as is (IPv4-mapped IPv6 unwrapped), IPv6 by its /64, since one
 * subscriber usually holds a whole /64 and could otherwise take a fresh address for every request.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  return `${expandIPv6(address).slice(0, 4).join(':')}::/64`;
}

function expandIPv6(address: string): string[] {
  const [head, tail] = address.split('%')[0]!.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const missing = tail === undefined ? 0 : 8 - left.length - right.length;
  return [...left, ...Array<string>(missing).fill('0'), ...right].map((g) =>
    g.toLowerCase().padStart(4, '0'),
  );
}
