import { describe, expect, it } from 'vitest';
import { poorConnection } from './connectionQuality';

const at = (packetsReceived: number, packetsLost: number, bytesReceived: number) => ({
  packetsReceived,
  packetsLost,
  bytesReceived,
});

describe('poorConnection', () => {
  it('says a connection losing many packets is poor', () => {
    expect(poorConnection(at(0, 0, 0), at(900, 100, 900_000), 5_000, 1)).toBe(true);
  });
  it('says a healthy connection is fine', () => {
    expect(poorConnection(at(0, 0, 0), at(990, 10, 1_000_000), 5_000, 3)).toBe(false);
  });
  it('says little video coming in while several cameras are shown is poor', () => {
    expect(poorConnection(at(0, 0, 0), at(200, 0, 60_000), 5_000, 3)).toBe(true);
  });
  it('does not judge on no video at all, or on a handful of packets', () => {
    expect(poorConnection(at(0, 0, 0), at(0, 0, 0), 5_000, 3)).toBe(false);
    expect(poorConnection(at(0, 0, 0), at(10, 5, 5_000), 5_000, 0)).toBe(false);
  });
});
