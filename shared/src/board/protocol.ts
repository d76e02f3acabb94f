import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as sync from 'y-protocols/sync';
import * as Y from 'yjs';

/**
 * The standard y-protocols sync messages (step 1: my state vector; step 2: what you lack; update), each
 * carried as one binary Socket.IO payload. Awareness messages are y-protocols awareness updates as they are.
 */
export type SyncMessage =
  { type: 'step1'; stateVector: Uint8Array } | { type: 'step2' | 'update'; update: Uint8Array };

/** What arrives over Socket.IO: a Buffer on Node, an ArrayBuffer in the browser. */
export type Bytes = Uint8Array | ArrayBuffer;
export const toBytes = (b: Bytes): Uint8Array => (b instanceof Uint8Array ? b : new Uint8Array(b));

const write = (fn: (e: encoding.Encoder) => void) => {
  const e = encoding.createEncoder();
  fn(e);
  return encoding.toUint8Array(e);
};

export const syncStep1 = (doc: Y.Doc) => write((e) => sync.writeSyncStep1(e, doc));

export const syncStep2 = (doc: Y.Doc, stateVector?: Uint8Array) =>
  write((e) => sync.writeSyncStep2(e, doc, stateVector));

export const updateMessage = (update: Uint8Array) => write((e) => sync.writeUpdate(e, update));

/** Decodes one sync message; throws on anything that is not exactly one well-formed message. */
export function readSyncMessage(message: Bytes): SyncMessage {
  const d = decoding.createDecoder(toBytes(message));
  const kind = decoding.readVarUint(d);
  const payload = decoding.readVarUint8Array(d);
  if (decoding.hasContent(d)) throw new Error('trailing bytes');
  if (kind === sync.messageYjsSyncStep1) return { type: 'step1', stateVector: payload };
  if (kind === sync.messageYjsSyncStep2) return { type: 'step2', update: payload };
  if (kind === sync.messageYjsUpdate) return { type: 'update', update: payload };
  throw new Error('unknown sync message');
}
