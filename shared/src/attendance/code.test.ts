import { describe, expect, it } from 'vitest';
import {
  newProofCode,
  normalizeProofCode,
  PROOF_CODE_ALPHABET,
  PROOF_CODE_LENGTH,
  proofName,
  spacedProofCode,
} from './code.js';
import { Rng } from '../random.js';

// Seeded bytes stand in for the crypto source here (shared has no Node types); the server passes crypto's.
const rng = new Rng(9);
const randomBytes = (n: number) => Uint8Array.from({ length: n }, () => rng.int(256));

describe('proof of attendance codes', () => {
  it('are 10 characters from an alphabet without look-alikes', () => {
    expect(PROOF_CODE_LENGTH).toBe(10);
    for (const c of '01OIL') expect(PROOF_CODE_ALPHABET).not.toContain(c);
    const codes = Array.from({ length: 200 }, () => newProofCode((n) => randomBytes(n)));
    for (const code of codes) expect(code).toMatch(/^[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{10}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('never favour a letter: bytes past the last whole alphabet are thrown away', () => {
    // Only bytes 248..255 then a 0: 248 = 8·31 is the cut, so every code is all '2' (index 0).
    let calls = 0;
    const code = newProofCode((n) => new Uint8Array(n).fill(calls++ === 0 ? 250 : 31));
    expect(code).toBe('2222222222');
    expect(calls).toBe(2);
  });

  it('are read back from what a person types, and nothing else is', () => {
    expect(normalizeProofCode('abcde-fghjk')).toBe('ABCDEFGHJK');
    expect(normalizeProofCode(' ABCDE FGHJK ')).toBe('ABCDEFGHJK');
    expect(normalizeProofCode(spacedProofCode('ABCDEFGHJK'))).toBe('ABCDEFGHJK');
    expect(normalizeProofCode('ABCDEFGHJ')).toBeNull();
    expect(normalizeProofCode('ABCDEFGHJ0')).toBeNull();
    expect(normalizeProofCode('ABCDEFGHJK1')).toBeNull();
    expect(normalizeProofCode('x'.repeat(100))).toBeNull();
  });

  it('name the member by initials or first name only', () => {
    expect(proofName('Ana Maria Lopez', 'initials')).toBe('A. M. L.');
    expect(proofName('  ana  ', 'initials')).toBe('A.');
    expect(proofName('Ana Maria Lopez', 'firstName')).toBe('Ana');
    expect(proofName('Élodie Dupont', 'initials')).toBe('É. D.');
    expect(proofName('a b c d e', 'initials')).toBe('A. B. C.');
  });
});
