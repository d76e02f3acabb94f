import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

export interface AwarenessEntry {
  clientID: number;
  clock: number;
  /** Only what the server vouches for: who (from the session, never from the client) and which item. */
  state: { pid: string; editing: string | null } | null;
}

const MAX_ENTRIES = 4;
const MAX_STATE_CHARS = 512;

/**
 * Reads a y-protocols awareness update from a client and rewrites every state: the sender cannot claim to
 * be someone else, nor smuggle anything but the id of the item they are editing. Null when malformed.
 */
export function sanitizeAwareness(bytes: Uint8Array, pid: string): AwarenessEntry[] | null {
  try {
    const d = decoding.createDecoder(bytes);
    const n = decoding.readVarUint(d);
    if (n < 1 || n > MAX_ENTRIES) return null;
    const out: AwarenessEntry[] = [];
    for (let i = 0; i < n; i++) {
      const clientID = decoding.readVarUint(d);
      const clock = decoding.readVarUint(d);
      const raw = decoding.readVarString(d);
      if (raw.length > MAX_STATE_CHARS) return null;
      const parsed: unknown = JSON.parse(raw);
      if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed))) return null;
      const editing = parsed && (parsed as { editing?: unknown }).editing;
      out.push({
        clientID,
        clock,
        state:
          parsed === null
            ? null
            : { pid, editing: typeof editing === 'string' && editing.length <= 64 ? editing : null },
      });
    }
    return decoding.hasContent(d) ? null : out;
  } catch {
    return null;
  }
}

export function encodeAwareness(entries: AwarenessEntry[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, entries.length);
  for (const x of entries) {
    encoding.writeVarUint(e, x.clientID);
    encoding.writeVarUint(e, x.clock);
    encoding.writeVarString(e, JSON.stringify(x.state));
  }
  return encoding.toUint8Array(e);
}
