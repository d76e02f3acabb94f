/**
 * The figures `npm run bench` reports for bench/meeting300.ts (one open meeting of 12 seated and 288
 * listeners on one node), each with its target and verdict. Ids start with `meeting300.`.
 */

export interface Meeting300Result {
  people: { seated: number; listeners: number };
  join: { seconds: number; joined: number; refused: Record<string, number>; lost: number };
  wordEverySeconds: number;
  passes: { holder: 'seated' | 'listener'; mediaMs: number; served: number; listenersServed: number }[];
  floor: {
    changes: number;
    deliveries: number;
    lost: number;
    latencyMs: { p50: number; p99: number; max: number };
    bytesPerDelivery: number;
  };
  media: {
    setupSeconds: number;
    video: string;
    workers: { pid: number; consumers: number; forwarding: number; cpuShareOfOneCore: number }[];
    mainWorker: number;
    minListenersServed: number;
  };
  measuredSeconds: number;
}

interface Figure {
  id: string;
  figure: string;
  value: number | null;
  unit: string;
  target?: string;
  met?: boolean | null;
  note?: string;
}

export function meeting300Figures(m: Meeting300Result | null): Figure[] {
  const people = m ? m.people.seated + m.people.listeners : 300;
  const shape = m
    ? `${m.people.seated} seated + ${m.people.listeners} listeners, one node`
    : 'not measured: bench/meeting300.ts printed no result';
  const check = (value: number | null | undefined, ok: (v: number) => boolean) =>
    value == null ? null : ok(value);
  const passFor = (holder: 'seated' | 'listener') => m?.passes.filter((p) => p.holder === holder) ?? [];
  const passList = (passes: { mediaMs: number }[]) =>
    passes.map((p) => `${Math.round(p.mediaMs)} ms`).join(', ');
  const figures: Figure[] = [
    {
      id: 'meeting300.join.seconds',
      figure: `time for ${people} people to join one meeting (${shape})`,
      value: m?.join.seconds ?? null,
      unit: 's',
      target: `<= 30 s, all ${people} in`,
      met: m ? m.join.seconds <= 30 && m.join.joined === people : null,
    },
    {
      id: 'meeting300.join.refused',
      figure: 'joins refused',
      value: m ? Object.values(m.join.refused).reduce((a, b) => a + b, 0) : null,
      unit: 'joins',
      target: '0',
      met: check(m && Object.values(m.join.refused).reduce((a, b) => a + b, 0), (v) => v === 0),
      note: m && Object.keys(m.join.refused).length ? JSON.stringify(m.join.refused) : undefined,
    },
    {
      id: 'meeting300.join.lost',
      figure: 'joins lost (connection dropped or no answer)',
      value: m?.join.lost ?? null,
      unit: 'joins',
      target: '0',
      met: check(m?.join.lost, (v) => v === 0),
    },
    {
      id: 'meeting300.floor.fanout.p99',
      figure: `floor fan-out latency p99 to all ${people} (hands raised, the word passed by Next)`,
      value: m?.floor.latencyMs.p99 ?? null,
      unit: 'ms',
      target: '<= 100 ms',
      met: check(m?.floor.latencyMs.p99, (v) => v <= 100),
      note: m
        ? `${m.floor.changes} floor changes, ${m.floor.deliveries} deliveries; p50 ${m.floor.latencyMs.p50} ms, ` +
          `max ${m.floor.latencyMs.max} ms; the word passes every ${m.wordEverySeconds} s (30 s in the ` +
          'meeting the issue describes: shortened so a short run sees many passes)'
        : undefined,
    },
    {
      id: 'meeting300.floor.lost',
      figure: 'floor events lost (missing seqs, per connection)',
      value: m?.floor.lost ?? null,
      unit: 'deliveries',
      target: '0',
      met: check(m?.floor.lost, (v) => v === 0),
    },
    {
      id: 'meeting300.floor.bytesPerDelivery',
      figure: 'size of a floor event as a listener receives it (JSON)',
      value: m?.floor.bytesPerDelivery ?? null,
      unit: 'bytes',
    },
    {
      id: 'meeting300.media.listenersServed',
      figure:
        "listeners receiving the holder's audio and the 6 most recent speakers' videos (worst pass, 1 s window)",
      value: m?.media.minListenersServed ?? null,
      unit: 'listeners',
      target: `all ${m?.people.listeners ?? 288}`,
      met: m ? m.media.minListenersServed === m.people.listeners : null,
      note: m
        ? `${m.passes.length} passes (${m.passes.filter((p) => p.holder === 'listener').length} to a listener, ` +
          `who then publishes a microphone everyone consumes); real mediasoup consumers on plain RTP ` +
          `transports created through the server's MediaRoom, fed by synthetic RTP: ${m.media.video}`
        : undefined,
    },
    {
      id: 'meeting300.media.listenerHeardMs',
      figure: 'a listener given the word: until everyone consumes their new microphone (slowest pass)',
      value: m ? Math.round(Math.max(0, ...passFor('listener').map((p) => p.mediaMs))) : null,
      unit: 'ms',
      note:
        'every browser asks for its consumer at once; one connection’s requests about its own consumers run ' +
        'beside the others’ (MediaTurns), after the sync of the floor change, which waits for every worker ' +
        `answer; each pass: ${passList(passFor('listener'))}`,
    },
    {
      id: 'meeting300.media.gatesMs',
      figure:
        'the word passes to a seated person: until strict circle and the shown videos follow (slowest pass)',
      value: m ? Math.round(Math.max(0, ...passFor('seated').map((p) => p.mediaMs))) : null,
      unit: 'ms',
      note:
        'strict circle’s gates (the sync after the floor change waits for every worker answer) and, when a ' +
        'new speaker enters the 6 shown videos, 300 browsers pausing the oldest and resuming the newest at ' +
        `once; each pass: ${passList(passFor('seated'))}`,
    },
    {
      id: 'meeting300.media.workersUsed',
      figure: "workers carrying the meeting's consumers",
      value: m ? m.media.workers.filter((w) => w.consumers > 0).length : null,
      unit: 'workers',
      target: `all ${m?.media.workers.length ?? 'of the node'}`,
      met: m ? m.media.workers.every((w) => w.consumers > 0) : null,
    },
  ];
  for (const [i, w] of (m?.media.workers ?? []).entries()) {
    const main = w.pid === m!.media.mainWorker ? ', main router (producers, audio levels)' : '';
    figures.push(
      {
        id: `meeting300.media.worker${i}.consumers`,
        figure: `consumers on worker ${i}${main}`,
        value: w.consumers,
        unit: 'consumers',
        note: `${w.forwarding} forwarding (the others paused: videos not shown, strict circle)`,
      },
      {
        id: `meeting300.media.worker${i}.cpu`,
        figure: `CPU of worker ${i}, measured from /proc over the passes`,
        value: w.cpuShareOfOneCore,
        unit: 'core',
      },
    );
  }
  return figures;
}
