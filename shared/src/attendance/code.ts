/**
 * Verification codes of proofs of attendance: 10 characters from an alphabet without look-alikes (no 0/O,
 * 1/I/L), read aloud or typed from paper. 31^10 ≈ 8·10^14 codes, and guesses are rate-limited per address.
 */
export const PROOF_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const PROOF_CODE_LENGTH = 10;

/** A fresh code; `randomBytes` must be cryptographic (crypto.getRandomValues or randomBytes). */
export function newProofCode(randomBytes: (n: number) => Uint8Array): string {
  const n = PROOF_CODE_ALPHABET.length;
  // Rejection sampling: bytes at or above the largest multiple of n would favour the first letters.
  const cut = 256 - (256 % n);
  let out = '';
  while (out.length < PROOF_CODE_LENGTH) {
    for (const b of randomBytes(PROOF_CODE_LENGTH * 2)) {
      if (b < cut && out.length < PROOF_CODE_LENGTH) out += PROOF_CODE_ALPHABET[b % n];
    }
  }
  return out;
}

/** What someone typed (lower case, spaces, dashes) as a code, or null when it cannot be one. */
export function normalizeProofCode(typed: string): string | null {
  if (typed.length > 40) return null;
  const code = typed.toUpperCase().replace(/[\s-]/g, '');
  if (code.length !== PROOF_CODE_LENGTH) return null;
  for (const c of code) if (!PROOF_CODE_ALPHABET.includes(c)) return null;
  return code;
}

/** Groups of five, easier to read out: `ABCDE-FGHJK`. */
export const spacedProofCode = (code: string) => `${code.slice(0, 5)}-${code.slice(5)}`;

/**
 * How the member is named on the proof: their first name (the first word of the name they use in the room)
 * or their initials (the first letter of up to three words, each followed by a dot).
 */
export function proofName(displayName: string, shownAs: 'initials' | 'firstName'): string {
  const words = displayName.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (shownAs === 'firstName') return words[0]!;
  return words
    .slice(0, 3)
    .map((w) => `${Array.from(w)[0]!.toLocaleUpperCase()}.`)
    .join(' ');
}
