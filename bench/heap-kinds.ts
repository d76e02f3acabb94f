/**
 * What a V8 heap holds, by kind: self size and count summed per constructor (objects), per function name
 * (closures), or per node type (strings, code, arrays...). Diffing two of these says what a change in heapUsed is made of.
 * Takes a full heap snapshot of this process: seconds of work and a few times the heap in memory.
 */
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeHeapSnapshot } from 'node:v8';

export type HeapKinds = Record<string, { count: number; bytes: number }>;

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]] } };
  nodes: number[];
  strings: string[];
}

export function heapKinds(): HeapKinds {
  const file = writeHeapSnapshot(join(tmpdir(), `circle-bench-${process.pid}-${Date.now()}.heapsnapshot`));
  const snap = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  rmSync(file, { force: true });
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [TYPE, NAME, SIZE] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f));
  const kinds: HeapKinds = {};
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + TYPE!]!]!;
    const name = snap.strings[snap.nodes[i + NAME!]!]!;
    const key =
      type === 'object' || type === 'native'
        ? name
        : type.includes('string')
          ? '(strings)'
          : type === 'closure'
            ? `(closure) ${name || 'anonymous'}`
            : type === 'array' || type === 'hidden'
              ? `(${type}) ${name}`
              : `(${type})`;
    const k = (kinds[key] ??= { count: 0, bytes: 0 });
    k.count++;
    k.bytes += snap.nodes[i + SIZE!]!;
  }
  return kinds;
}

/** Per room: what `after` holds beyond `before`, for the kinds that grew most (KiB and objects per room). */
export function perRoomGrowth(before: HeapKinds, after: HeapKinds, rooms: number) {
  return Object.entries(after)
    .map(([kind, a]) => ({
      kind,
      kib: Math.round(((a.bytes - (before[kind]?.bytes ?? 0)) / rooms / 1024) * 10) / 10,
      count: Math.round(((a.count - (before[kind]?.count ?? 0)) / rooms) * 10) / 10,
    }))
    .filter((g) => g.kib > 0)
    .sort((x, y) => y.kib - x.kib);
}
