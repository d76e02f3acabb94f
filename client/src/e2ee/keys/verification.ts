/**
 * The verification code people compare out loud: a few emojis from SHA-256 of the current media key, its
 * epoch and the key holder's public key as this browser knows it. Everyone holding the same key from the
 * same holder sees the same emojis. A server that slipped its own public key in (to read the media key on
 * the way) shows the person it deceived a different code, because that person's "holder" key differs.
 */

// i18n-exempt: emojis, the same in every language; chosen to be told apart at a glance and named aloud.
const EMOJIS = [
  ...'🐶🐱🐭🐰🦊🐻🐼🐨🐯🦁🐮🐷🐸🐵🐔🐧🐦🦆🦉🐴🦄🐝🐢🐍🐙🐬🐳🦀🐌🦋🌵🌲🌻🌹🍄🌙⭐🌈🔥💧🍎🍌🍇🍓🍒🍋🥕🌽🍞🧀🎈🎁🎸🎺🚲🚗🚀⛵🏠🔑🔔📚⚽🎲',
];
/** Five of 64: 30 bits, enough that a server cannot find a key pair giving the same code while people wait. */
export const CODE_LENGTH = 5;

export async function verificationCode(epoch: number, holderKey: string, raw: Uint8Array): Promise<string[]> {
  const label = new TextEncoder().encode(`Circle e2ee verification v1 ${epoch} ${holderKey} `); // i18n-exempt: a key derivation label
  const input = new Uint8Array(label.length + raw.length);
  input.set(label);
  input.set(raw, label.length);
  const digest = new Uint8Array(await globalThis.crypto.subtle.digest('SHA-256', input));
  return Array.from({ length: CODE_LENGTH }, (_, i) => EMOJIS[digest[i]! % EMOJIS.length]!);
}
