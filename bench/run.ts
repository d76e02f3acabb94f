/**
 * `npm run bench`: runs every bench, prints one table and writes bench/results.json with each figure, the
 * reference it was measured against in the same run (or its target), and the ratio. Not part of `npm test`;
 * it takes a few minutes on 2 cores.
 *
 *   floor    bench/floor.ts     floor fan-out latency and lost events at 250 rooms x 17 sockets on one node,
 *                               beside bare Socket.IO; memory per active and idle room
 *   media    bench/media.ts     one mediasoup worker carrying a full room fed by synthetic RTP
 *   cluster  bench/floor-cluster.ts   the same floor traffic across two nodes sharing Redis
 *   board    bench/board.ts     board figures, when that bench exists (it prints JSON)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';

const here = (f: string) => new URL(f, import.meta.url).pathname;
const root = here('..');
const started = Date.now();

interface Figure {
  id: string;
  figure: string;
  value: number | null;
  unit: string;
  /** What the value is compared with: measured in this run (a reference) or a fixed target. */
  reference?: { what: string; value: number | null } | null;
  ratio?: number | null;
  target?: string;
  met?: boolean | null;
  note?: string;
}
const figures: Figure[] = [];
const raw: Record<string, unknown> = {};
const round = (x: number, d = 2) => Math.round(x * 10 ** d) / 10 ** d;
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a == null || b == null || !b ? null : round(a / b);

/** Runs a bench as its own process (clean memory figures, its own event loop); resolves with its stdout. */
function runBench(args: string[], timeoutMs: number): Promise<{ code: number | null; stdout: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.on('data', (d: Buffer) => {
      stdout += d.toString();
      process.stdout.write(d);
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout });
    });
  });
}
const tmpOut = () => join(mkdtempSync(join(tmpdir(), 'circle-bench-')), 'out.json');
const readJson = <T>(file: string): T | null =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;

// ---- floor, one node ----
interface FloorResult {
  rooms: number;
  socketsPerRoom: number;
  changesPerRoomPerSec: number;
  measureSeconds: number;
  circle: FloorSide;
  bare: FloorSide;
  memory: { perActiveRoomKiB: { heap: number; rss: number }; perIdleRoomKiB: { heap: number; rss: number } };
}
interface FloorSide {
  deliveries: number;
  changes: number;
  lost: number;
  latencyMs: { p50: number; p99: number; p999: number; max: number };
  serverCpuShare: number;
  serverEventLoopDelayMs: { p99: number; max: number };
}
{
  console.log('\n== floor: 250 rooms x 17 sockets on one node, beside bare Socket.IO ==');
  const out = tmpOut();
  const { code } = await runBench(
    ['--expose-gc', '--import', 'tsx', here('floor.ts'), '--out', out],
    6 * 60_000,
  );
  const floor = readJson<FloorResult>(out);
  raw.floor = floor ?? { error: `exit ${code}` };
  const shape =
    floor &&
    `${floor.rooms} rooms x ${floor.socketsPerRoom} sockets, ${floor.changesPerRoomPerSec} change/room/s`;
  for (const [key, label] of [
    ['p50', 'p50'],
    ['p99', 'p99'],
    ['p999', 'p99.9'],
  ] as const) {
    const c = floor?.circle.latencyMs[key] ?? null;
    const b = floor?.bare.latencyMs[key] ?? null;
    figures.push({
      id: `floor.fanout.${key}`,
      figure: `floor fan-out latency ${label} (${shape ?? 'not run'})`,
      value: c,
      unit: 'ms',
      reference: { what: `bare Socket.IO broadcast ${label}, same shape and rate`, value: b },
      ratio: ratio(c, b),
      ...(key === 'p99'
        ? { target: 'ratio <= 2', met: ratio(c, b) === null ? null : ratio(c, b)! <= 2 }
        : {}),
    });
  }
  figures.push({
    id: 'floor.lost',
    figure: 'floor events lost (deliveries missing, counted by seq per socket)',
    value: floor ? floor.circle.lost : null,
    unit: 'deliveries',
    reference: {
      what: 'deliveries expected (changes x sockets per room)',
      value: floor ? floor.circle.changes * floor.socketsPerRoom : null,
    },
    target: '0',
    met: floor ? floor.circle.lost === 0 : null,
  });
  figures.push({
    id: 'floor.serverCpu',
    figure: 'server CPU during the floor run (share of one core)',
    value: floor?.circle.serverCpuShare ?? null,
    unit: 'core',
    reference: { what: 'bare Socket.IO server', value: floor?.bare.serverCpuShare ?? null },
    ratio: ratio(floor?.circle.serverCpuShare, floor?.bare.serverCpuShare),
  });
  figures.push({
    id: 'floor.eventLoopDelay.p99',
    figure: 'server event-loop delay p99 during the floor run (worst window)',
    value: floor?.circle.serverEventLoopDelayMs.p99 ?? null,
    unit: 'ms',
    reference: { what: 'bare Socket.IO server', value: floor?.bare.serverEventLoopDelayMs.p99 ?? null },
    ratio: ratio(floor?.circle.serverEventLoopDelayMs.p99, floor?.bare.serverEventLoopDelayMs.p99),
  });
  const mem = floor?.memory;
  figures.push(
    {
      id: 'memory.activeRoom.heap',
      figure: 'memory per active room (17 connected, the word going round): heap',
      value: mem?.perActiveRoomKiB.heap ?? null,
      unit: 'KiB',
      note: "includes Socket.IO's connection-state-recovery buffer, which keeps every broadcast for the reconnect window",
    },
    {
      id: 'memory.activeRoom.rss',
      figure: 'memory per active room: RSS',
      value: mem?.perActiveRoomKiB.rss ?? null,
      unit: 'KiB',
    },
    {
      id: 'memory.idleRoom.heap',
      figure: 'memory per idle room (loaded, its people dropped, within the reconnect window): heap',
      value: mem?.perIdleRoomKiB.heap ?? null,
      unit: 'KiB',
    },
    {
      id: 'memory.idleRoom.rss',
      figure: 'memory per idle room: RSS',
      value: mem?.perIdleRoomKiB.rss ?? null,
      unit: 'KiB',
      note: 'rough: measured after the bare Socket.IO phase ran in the same process, and RSS does not shrink',
    },
  );
}

// ---- media ----
interface MediaResult {
  results: {
    scenario: string;
    consumers: number;
    activeConsumers: number;
    workerCpuShareOfOneCore: number;
  }[];
}
{
  console.log('\n== media: one mediasoup worker, a full room fed by synthetic RTP ==');
  const file = here('media-results.json');
  const before = existsSync(file) ? readFileSync(file, 'utf8') : '';
  const { code } = await runBench(['--import', 'tsx', here('media.ts')], 4 * 60_000);
  const fresh = existsSync(file) && readFileSync(file, 'utf8') !== before;
  const media = fresh ? readJson<MediaResult>(file) : null;
  raw.media = media ?? { error: `no fresh results (exit ${code}; is there a mediasoup worker?)` };
  const all = media?.results[0];
  // The worker's CPU grows with the packets it forwards: scale the measured share linearly to 70% of a core.
  const perWorker = all ? Math.floor((all.activeConsumers * 0.7) / all.workerCpuShareOfOneCore) : null;
  figures.push({
    id: 'media.consumersPerWorkerAt70',
    figure: 'consumers per mediasoup worker at <= 70% of one core (every video forwarded)',
    value: perWorker,
    unit: 'consumers',
    reference: { what: 'target', value: 400 },
    ratio: ratio(perWorker, 400),
    target: '>= 400',
    met: perWorker === null ? null : perWorker >= 400,
    note: all
      ? `extrapolated linearly from ${all.activeConsumers} active consumers at ${all.workerCpuShareOfOneCore} of a core`
      : 'not measured',
  });
  for (const r of media?.results ?? [])
    figures.push({
      id: `media.cpu.${r.scenario.replace(/\W+/g, '_')}`,
      figure: `worker CPU, ${r.scenario} (${r.activeConsumers}/${r.consumers} consumers forwarding)`,
      value: r.workerCpuShareOfOneCore,
      unit: 'core',
    });
}

// ---- the floor across two nodes sharing Redis ----
{
  const script = here('floor-cluster.ts');
  let cluster: { p50Ms?: number; p99Ms?: number; p999Ms?: number; lost?: number } | null = null;
  if (existsSync(script)) {
    console.log('\n== floor across two nodes on Redis ==');
    const out = tmpOut();
    await runBench(['--expose-gc', '--import', 'tsx', script, '--out', out], 4 * 60_000);
    cluster = readJson(out);
  }
  raw.cluster = cluster ?? { error: 'bench/floor-cluster.ts printed no result' };
  figures.push({
    id: 'cluster.fanout.p99',
    figure: 'floor fan-out latency p99 across two nodes with Redis',
    value: cluster?.p99Ms ?? null,
    unit: 'ms',
    target: '<= 50 ms',
    met: cluster?.p99Ms == null ? null : cluster.p99Ms <= 50,
    note: cluster ? undefined : 'not measured: bench/floor-cluster.ts failed',
  });
}

// ---- board (its own bench, when it exists) ----
{
  const script = here('board.ts');
  let board: unknown = null;
  if (existsSync(script)) {
    console.log('\n== board ==');
    const { stdout } = await runBench(['--import', 'tsx', script], 4 * 60_000);
    // It prints JSON: take the last JSON document in its output.
    for (let i = stdout.lastIndexOf('{'); i >= 0 && board === null; i = stdout.lastIndexOf('{', i - 1)) {
      try {
        board = JSON.parse(stdout.slice(i));
      } catch {
        /* not the start of the document yet */
      }
    }
  }
  raw.board = board ?? {
    slot: existsSync(script) ? 'bench/board.ts printed no JSON' : 'bench/board.ts not written yet',
  };
  const given = (board as { figures?: Figure[] } | null)?.figures;
  if (Array.isArray(given))
    figures.push(...given.map((f) => ({ ...f, id: f.id.startsWith('board.') ? f.id : `board.${f.id}` })));
  else if (board) {
    // No figure list: report every number it printed, by its path.
    const walk = (v: unknown, path: string) => {
      if (typeof v === 'number')
        figures.push({ id: `board.${path}`, figure: `board ${path}`, value: v, unit: '' });
      else if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) walk(x, path ? `${path}.${k}` : k);
    };
    walk(board, '');
  } else {
    figures.push(
      {
        id: 'board.editToPeer.p99',
        figure: 'board edit-to-peer latency p99, 12 editors',
        value: null,
        unit: 'ms',
        note: 'SLOT: bench/board.ts',
      },
      {
        id: 'board.lateJoinSync',
        figure: "late joiner's sync time, 5,000-item board",
        value: null,
        unit: 'ms',
        target: '<= 500 ms',
        met: null,
        note: 'SLOT: bench/board.ts',
      },
    );
  }
}

const seconds = Math.round((Date.now() - started) / 1000);
const caveat =
  `${cpus().length}-core machine (${cpus()[0]?.model ?? 'unknown'}), shared with other work while measuring ` +
  `(load average at start ${loadavg()[0]!.toFixed(2)}): the load generators run on the same cores as the server, ` +
  'so absolute figures are pessimistic and noisy; ratios are measured in the same run.';
console.log('\n== results ==');
console.table(
  figures.map((f) => ({
    figure: f.figure,
    value: f.value === null ? '-' : `${f.value} ${f.unit}`,
    reference: f.reference ? `${f.reference.value ?? '-'} (${f.reference.what})` : '',
    ratio: f.ratio ?? '',
    target: f.target ?? '',
    met: f.met === undefined || f.met === null ? '' : f.met ? 'yes' : 'NO',
  })),
);
console.log(caveat);
console.log(`(${seconds} s) -> bench/results.json`);
writeFileSync(
  here('results.json'),
  JSON.stringify(
    {
      at: new Date().toISOString(),
      seconds,
      machine: { cpus: cpus().length, node: process.version },
      caveat,
      figures,
      raw,
    },
    null,
    2,
  ) + '\n',
);
