import type { ClientEventName } from '@circle/shared';
import { clientEventSchemas, COMMANDS, LIMITS } from '@circle/shared';
import fc from 'fast-check';

/** Frames over LIMITS.maxPayloadBytes close the connection by design (tested elsewhere); stay under it. */
const MAX_WIRE_BYTES = LIMITS.maxPayloadBytes - 512;
/**
 * Socket.IO's parser (socket.io-parser `maxAttachments`, 10 by default) closes a connection whose packet
 * carries more binary attachments than this, before any of our code runs: no client of ours sends binary,
 * so such a payload is a protocol violation answered by a dropped connection, not an event to answer.
 * (Seed 1148369288 made one for meeting:settings in CI: both fuzzing sockets were dropped, and every later
 * payload went unanswered.)
 */
export const MAX_ATTACHMENTS = 10;

/** Every command defined in shared/src/commands.ts: a new one is fuzzed without editing this file. */
export const EVENTS = Object.keys(COMMANDS) as ClientEventName[];
const pollution = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty'];

const isBinary = (v: unknown): v is ArrayBufferView | ArrayBuffer =>
  ArrayBuffer.isView(v) || v instanceof ArrayBuffer;
const hasBinary = (v: unknown): boolean =>
  isBinary(v) ||
  (Array.isArray(v) ? v.some(hasBinary) : !!v && typeof v === 'object' && Object.values(v).some(hasBinary));
const toBuffer = (v: ArrayBufferView | ArrayBuffer) =>
  v instanceof ArrayBuffer ? Buffer.from(v) : Buffer.from(v.buffer, v.byteOffset, v.byteLength);

/**
 * The payload as the server decodes it: JSON (undefined → null, NaN → null, Maps → {}), and when it holds
 * binary data, socket.io-parser's rebuild (binary parts arrive as Buffers; objects are copied key by key,
 * so a `__proto__` key is not carried). `illegal`: a `_placeholder` pointing at no binary part, which the
 * parser refuses by closing that connection (by design, like an oversized frame).
 */
export function wire(payload: unknown): {
  value: unknown;
  bytes: number;
  illegal: boolean;
  attachments: number;
} {
  const buffers: Buffer[] = [];
  const deconstruct = (v: unknown): unknown => {
    if (isBinary(v)) {
      buffers.push(toBuffer(v));
      return { _placeholder: true, num: buffers.length - 1 };
    }
    if (Array.isArray(v)) return v.map(deconstruct);
    if (v && typeof v === 'object' && !(v instanceof Date)) {
      const copy: Record<string, unknown> = {};
      for (const k in v) if (Object.hasOwn(v, k)) copy[k] = deconstruct((v as Record<string, unknown>)[k]);
      return copy;
    }
    return v;
  };
  const binary = hasBinary(payload);
  const json = JSON.stringify([binary ? deconstruct(payload) : payload]);
  let illegal = false;
  const rebuild = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rebuild);
    if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (binary && o._placeholder === true) {
        if (typeof o.num === 'number' && o.num >= 0 && o.num < buffers.length) return buffers[o.num];
        illegal = true;
      }
      for (const k of Object.keys(o)) o[k] = rebuild(o[k]);
    }
    return v;
  };
  const parsed = (JSON.parse(json) as unknown[])[0];
  const value = binary ? rebuild(parsed) : parsed;
  const bytes = Buffer.byteLength(json) + buffers.reduce((n, b) => n + b.byteLength, 0);
  return { value, bytes, illegal, attachments: buffers.length };
}

function keysOf(event: ClientEventName): string[] {
  const schema = clientEventSchemas[event] as { shape?: Record<string, unknown> };
  return schema.shape ? Object.keys(schema.shape) : [];
}

/** Malformed payloads for one event: noise, the right keys with wrong values, oversized, deep, hostile. */
function payloads(event: ClientEventName): fc.Arbitrary<unknown> {
  const keys = keysOf(event);
  const anything = fc.anything({
    maxDepth: 3,
    maxKeys: 6,
    withBoxedValues: true,
    withNullPrototype: true,
    withObjectString: true,
    withTypedArray: true,
    withSparseArray: true,
    withUnicodeString: true,
    key: fc.oneof(fc.string(), fc.constantFrom(...pollution, ...keys)),
  });
  const rightKeysWrongValues = keys.length
    ? fc.record(Object.fromEntries(keys.map((k) => [k, anything])), { requiredKeys: [] })
    : fc.constant({});
  // Long strings, sized so their JSON (with escapes) still fits in a frame.
  const huge = fc
    .tuple(
      fc.integer({ min: 1_000, max: MAX_WIRE_BYTES - 1_000 }),
      fc.constantFrom('x', 'é', '\u0000', '"', '💥', '\\'),
    )
    .map(([budget, c]) => c.repeat(Math.floor(budget / (Buffer.byteLength(JSON.stringify(c)) - 2))));
  const deep = fc
    .tuple(fc.integer({ min: 20, max: 300 }), fc.constantFrom('[', '{"a":'))
    .map(([d, open]) => JSON.parse(open.repeat(d) + '1' + (open === '[' ? ']' : '}').repeat(d)) as unknown);
  const nest = (d: number, open: string, close: string) =>
    JSON.parse(open.repeat(d) + '1' + close.repeat(d)) as unknown;
  const hostile = fc.constantFrom<unknown>(
    nest(2_000, '[', ']'),
    nest(2_000, '{"a":', '}'),
    JSON.parse('{"__proto__":{"polluted":"yes"}}'),
    { constructor: { prototype: { polluted: 'yes' } } },
    { _placeholder: true, num: 0 },
    { _placeholder: true, num: 99 },
    { toString: 'x', valueOf: 1, then: 2 },
    null,
    undefined,
    0,
    -0,
    NaN,
    Infinity,
    '',
    true,
    [],
    [null],
    'x'.repeat(1024),
    new Uint8Array(0),
    new Uint8Array(9_000),
  );
  // Valid keys, then something wrong next to them: an unknown key, a polluting key, a huge or deep value.
  const extraKey = fc
    .tuple(rightKeysWrongValues, fc.constantFrom(...pollution, 'extra', ''), fc.oneof(anything, huge, deep))
    .map(([base, key, v]) => {
      const o = { ...(base as Record<string, unknown>) };
      Object.defineProperty(o, key, { value: v, enumerable: true, writable: true, configurable: true });
      return o;
    });
  // The definition's valid example with one field made wrong: gets past the shape, probes each field.
  const example = COMMANDS[event].example as Record<string, unknown>;
  const oneFieldWrong = keys.length
    ? fc
        .tuple(fc.constantFrom(...keys), fc.oneof(anything, huge, deep, hostile))
        .map(([k, v]) => ({ ...example, [k]: v }))
    : fc.constant({ ...example, extra: 1 });
  const nested = fc
    .tuple(rightKeysWrongValues, fc.oneof(huge, deep, hostile))
    .map(([base, v]) => Object.fromEntries(Object.keys(base as object).map((k) => [k, v])));
  return fc.oneof(
    { weight: 4, arbitrary: anything },
    { weight: 4, arbitrary: rightKeysWrongValues },
    { weight: 2, arbitrary: extraKey },
    { weight: 3, arbitrary: oneFieldWrong },
    { weight: 1, arbitrary: nested },
    { weight: 1, arbitrary: huge },
    { weight: 1, arbitrary: deep },
    { weight: 1, arbitrary: hostile },
    { weight: 1, arbitrary: fc.array(anything, { maxLength: 50 }) },
  );
}

/** `count` payloads for the event that its schema refuses and that fit in a frame, deterministically. */
export function invalidPayloads(event: ClientEventName, count: number, seed: number) {
  const schema = clientEventSchemas[event];
  const out: unknown[] = [];
  let skippedValid = 0;
  for (let round = 0; out.length < count && round < 20; round++) {
    for (const p of fc.sample(payloads(event), { seed: seed + round * 7919, numRuns: count })) {
      const { value, bytes, illegal, attachments } = wire(p);
      if (bytes > MAX_WIRE_BYTES || illegal || attachments > MAX_ATTACHMENTS) continue;
      if (schema.safeParse(value).success) skippedValid++;
      else if (out.length < count) out.push(p);
    }
  }
  return { list: out, skippedValid };
}
