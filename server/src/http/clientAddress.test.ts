import { describe, expect, it } from 'vitest';
import { addressKey, clientAddress } from './clientAddress.js';

describe('the client address per-address limits count by', () => {
  it('ignores X-Forwarded-For unless proxies are trusted', () => {
    expect(clientAddress('203.0.113.1', '198.51.100.7', 0)).toBe('203.0.113.1');
    expect(clientAddress('::ffff:127.0.0.1', undefined, 0)).toBe('127.0.0.1');
  });

  it('behind trusted proxies, takes the entry the outermost trusted one appended, not what the client wrote', () => {
    // nginx appends the address it saw: "<whatever the client sent>, <client>".
    expect(clientAddress('172.18.0.5', '10.1.1.1, 203.0.113.9', 1)).toBe('203.0.113.9');
    expect(clientAddress('172.18.0.5', ['10.1.1.1', '203.0.113.9'], 1)).toBe('203.0.113.9');
    // Two proxies (a CDN, then nginx): the CDN's view of the client.
    expect(clientAddress('172.18.0.5', '10.1.1.1, 203.0.113.9, 198.51.100.2', 2)).toBe('203.0.113.9');
    // Fewer entries than trusted proxies (a direct request): the farthest address known.
    expect(clientAddress('172.18.0.5', undefined, 1)).toBe('172.18.0.5');
    expect(clientAddress('172.18.0.5', '', 1)).toBe('172.18.0.5');
  });

  it('counts an IPv6 client by its /64, however it writes the address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:DB8:1:2:ffff:ffff:ffff:ffff')).toBe('2001:0db8:0001:0002::/64');
    expect(addressKey('2001:db8::1')).toBe('2001:0db8:0000:0000::/64');
    expect(addressKey('::1')).toBe('0000:0000:0000:0000::/64');
    expect(addressKey('fe80::1%eth0')).toBe('fe80:0000:0000:0000::/64');
  });
});
