/**
 * `npm run bench`: runs every bench, prints one table and writes bench/results.json with each figure, the
 * reference it was measured against in the same run (or its target), the ratio, its spread over the
 * measured windows and the verdict. Not part of `npm test`; it takes several minutes on 2 cores.
 * `npm run bench -- --only floor` (or media, cluster, board; comma-separated) runs only those parts and
 * keeps the other figures already in bench/results.json.
 *
 *   floor    bench/floor.ts     server CPU per delivered floor message, latency and lost events at 100, 250
 *                               and 500 rooms x 17 sockets on one node, in windows alternating with a bare
 *                               Socket.IO server sending the same messages; memory per idle and active
 *                               room beside it; a CPU profile of each -> bench/profile-floor.txt
 *   media    bench/media.ts     one mediasoup worker carrying a full room fed by synthetic RTP
 *   cluster  bench/floor-cluster.ts   the same floor traffic across two nodes sharing Redis
 *   board    bench/board.ts     board figures, when that bench exists (it prints JSON)
 *   meeting300  bench/meeting300.ts  one meeting of 12 seated and 288 listeners on one node: joins, floor
 *                               fan-out, media over every worker (real consumers, synthetic RTP)
 *   phone    bench/phone.ts     a member's link opened in Chromium throttled as an old phone (Fast 3G, 4x
 *                               slower CPU): time to the join form, bytes over the wire (needs the build)
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FloorResult } from './floor.js';
import { meeting300Figures, type Meeting300Result } from './meeting300-figures.js';
import type { PhoneResult } from './phone.js';
import { spread, type Spread } from './spread.js';

const here = (f: string) => new URL(f, import.meta.url).pathname;
const root = here('..');
const started = Date.now();
const loadAtStart = loadavg()[0]!;

interface Figure {
  id: string;
  figure: string;
  value: number | null;
  unit: string;
  /** What the value is compared with: measured in this run (a reference) or a fixed target. */
  reference?: { what: string; value: number | null } | null;
  ratio?: number | null;
  /** How the ratio (or the value) spread over the measured windows. */
  spread?: Spread;
  target?: string;
  met?: boolean | null;
  /** Said instead of met / not met when no verdict can be given. */
  verdict?: string;
  note?: string;
}
const figures: Figure[] = [];
const raw: Record<string, unknown> = {};
const SECTIONS = ['floor', 'media', 'cluster', 'board', 'meeting300', 'phone'] as const;
const onlyArg = process.argv.indexOf('--only');
const only = onlyArg >= 0 ? (process.argv[onlyArg + 1] ?? '').split(',') : null;
if (only?.some((o) => !(SECTIONS as readonly string[]).includes(o)))
  throw new Error(`--only takes some of ${SECTIONS.join(', ')}`);
const selected = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);
/** Which part of the bench a figure comes from, by its id (floor figures also go by memory.*). */
const sectionOf = (id: string) => (id.startsWith('memory.') ? 'floor' : id.split('.')[0]!);
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

// ---- floor, one node: Circle beside bare Socket.IO at 100, 250 and 500 rooms ----
if (selected('floor')) {
  console.log(
    '\n== floor: 100, 250, 500 rooms x 17 sockets on one node, windows alternating with bare Socket.IO ==',
  );
  const out = tmpOut();
  const { code } = await runBench(
    ['--expose-gc', '--import', 'tsx', here('floor.ts'), '--out', out],
    8 * 60_000,
  );
  const floor = readJson<FloorResult>(out);
  raw.floor = floor ?? { error: `exit ${code}` };
  const windows = floor && `${floor.rounds} pairs of ${floor.windowSeconds} s windows`;
  for (const s of floor?.sizes ?? []) {
    const shape = `${s.rooms} rooms x ${floor!.socketsPerRoom}, ${floor!.changesPerRoomPerSec} change/room/s`;
    const r = s.cpuPerDeliveryRatio;
    // Where even the bare server could not keep the schedule, the figures measure the machine: no verdict.
    const sat = s.saturatedWindows;
    const saturated = sat.bare > floor!.rounds / 3;
    const satText = `saturated windows: Circle ${sat.circle}, bare ${sat.bare} of ${floor!.rounds}`;
    figures.push({
      id: `floor.cpuPerMessage.${s.rooms}`,
      figure: `server CPU per delivered floor message (${shape})`,
      value: s.circle.usPerDelivery.median,
      unit: 'CPU-us',
      reference: {
        what: `bare Socket.IO, same message sizes and counts to the same rooms (${windows})`,
        value: s.bare.usPerDelivery.median,
      },
      ratio: r.median,
      spread: r,
      target: 'ratio <= 1.15',
      met: saturated ? null : r.median <= 1.15,
      verdict: saturated ? `no verdict (${satText})` : undefined,
      note:
        `median of the per-pair ratios; server CPU ${s.circle.cpuShare.median} vs ${s.bare.cpuShare.median} core` +
        (sat.circle + sat.bare ? `; ${satText}` : ''),
    });
    for (const key of ['p50', 'p99', 'p999'] as const)
      figures.push({
        id: `floor.latency.${s.rooms}.${key}`,
        figure: `floor latency ${key}, command sent -> event received (${shape})`,
        value: s.circle[key].median,
        unit: 'ms',
        reference: { what: `bare Socket.IO ${key}`, value: s.bare[key].median },
        ratio: ratio(s.circle[key].median, s.bare[key].median),
        spread: s.circle[key],
        note: 'median over windows of each window’s percentile; spread: Circle’s windows',
      });
    // Diagnostic, not a verdict: the reference writes nothing to disk, Circle writes every change before
    // anyone hears of it (nothing acknowledged is lost). How much of the gap that write is:
    const durable = floor!.durableWrite;
    if (durable) {
      const perDelivery =
        durable.usPerWrite / (floor!.socketsPerRoom * s.circle.deliveriesPerChangePerSocket);
      const beyond = round(s.circle.usPerDelivery.median - perDelivery, 3);
      figures.push({
        id: `floor.cpuPerMessageBeyondDurableWrite.${s.rooms}`,
        figure: `server CPU per delivered floor message, the durable write of each change set aside (${shape})`,
        value: beyond,
        unit: 'CPU-us',
        reference: { what: 'bare Socket.IO (writes nothing)', value: s.bare.usPerDelivery.median },
        ratio: ratio(beyond, s.bare.usPerDelivery.median),
        note:
          `diagnostic: ${durable.usPerWrite} CPU-us per durable floor change (a journal line; a fenced SQLite ` +
          `write of the ${durable.recordBytes}-byte room record every 200th time, ` +
          `${durable.usPerWholeWrite ?? '?'} CPU-us each), measured alone; ${round(perDelivery, 2)} us per delivered message`,
      });
    }
    // Diagnostic: whether the gap is work in user space on the event loop or system calls.
    const pc = { circle: s.circle.perChange, bare: s.bare.perChange };
    for (const part of ['userUs', 'systemUs'] as const)
      figures.push({
        id: `floor.cpuPerChange.${part === 'userUs' ? 'user' : 'system'}.${s.rooms}`,
        figure: `server CPU per floor change, ${part === 'userUs' ? 'user space' : 'in the kernel'} (${shape})`,
        value: pc.circle[part],
        unit: 'CPU-us',
        reference: { what: 'bare Socket.IO', value: pc.bare[part] },
        ratio: ratio(pc.circle[part], pc.bare[part]),
        note:
          `diagnostic, median over windows; main thread's share of the CPU ${pc.circle.mainThreadShare} vs ` +
          `${pc.bare.mainThreadShare}, write system calls per change ${pc.circle.writeCalls} vs ${pc.bare.writeCalls}`,
      });
    figures.push({
      id: `floor.lost.${s.rooms}`,
      figure: `floor events lost, by seq per socket (${shape})`,
      value: s.circle.lost,
      unit: 'deliveries',
      reference: { what: 'bare Socket.IO', value: s.bare.lost },
      target: '0',
      met: s.circle.lost === null ? null : s.circle.lost === 0,
      note: s.circle.lost === null ? 'no event carried a seq' : undefined,
    });
  }
  const first = floor?.sizes[0];
  if (first) {
    const perChange = Math.round(first.circle.bytesPerDelivery * first.circle.deliveriesPerChangePerSocket);
    figures.push({
      id: 'floor.bytesPerRecipientPerChange',
      figure: `bytes each socket receives per floor change (${floor!.socketsPerRoom} people, every event counted)`,
      value: perChange,
      unit: 'B',
      reference: {
        what: 'what the bare server sent per change per socket',
        value: Math.round(first.bare.bytesPerDelivery * first.bare.deliveriesPerChangePerSocket),
      },
      target: '<= 300 B',
      met: perChange <= 300,
      note: `${first.circle.deliveriesPerChangePerSocket} messages of ${first.circle.bytesPerDelivery} B on average`,
    });
  }
  // The figures earlier runs reported, at 250 rooms, under their old names.
  const mid = floor?.sizes.find((s) => s.rooms === 250) ?? floor?.sizes[0];
  if (mid) {
    figures.push(
      {
        id: 'floor.fanout.p99',
        figure: `floor latency p99, command sent -> event received (${mid.rooms} rooms)`,
        value: mid.circle.p99.median,
        unit: 'ms',
        reference: { what: 'bare Socket.IO p99', value: mid.bare.p99.median },
        ratio: ratio(mid.circle.p99.median, mid.bare.p99.median),
        spread: mid.circle.p99,
        target: 'ratio <= 2',
        met: ratio(mid.circle.p99.median, mid.bare.p99.median)! <= 2,
      },
      {
        id: 'floor.serverCpu',
        figure: `server CPU during the floor windows, share of one core (${mid.rooms} rooms)`,
        value: mid.circle.cpuShare.median,
        unit: 'core',
        reference: { what: 'bare Socket.IO server', value: mid.bare.cpuShare.median },
        ratio: ratio(mid.circle.cpuShare.median, mid.bare.cpuShare.median),
        spread: mid.circle.cpuShare,
      },
      {
        id: 'floor.eventLoopDelay.p99',
        figure: `server event-loop delay p99 during the floor windows (${mid.rooms} rooms)`,
        value: mid.circle.loopDelayP99.median,
        unit: 'ms',
        reference: { what: 'bare Socket.IO server', value: mid.bare.loopDelayP99.median },
        ratio: ratio(mid.circle.loopDelayP99.median, mid.bare.loopDelayP99.median),
        spread: mid.circle.loopDelayP99,
      },
    );
  }
  // Diagnostic: what a floor change allocates. Sampled bytes are stable from run to run where CPU time is not.
  const alloc = floor?.allocation;
  if (alloc)
    figures.push({
      id: 'floor.allocatedPerChange',
      figure: `heap bytes allocated per floor change (${alloc.rooms} rooms, sampled)`,
      value: alloc.circle.bytes,
      unit: 'B',
      reference: { what: 'bare Socket.IO, same messages', value: alloc.bare.bytes },
      ratio: ratio(alloc.circle.bytes, alloc.bare.bytes),
      note: `diagnostic; by the server's own code (not Socket.IO, ws or Node): ${alloc.circle.ownBytes} B vs ${alloc.bare.ownBytes} B`,
    });
  const mem = floor?.memory;
  for (const [kind, key, n] of [
    ['idle', 'perIdleRoomKiB', mem?.idleRooms],
    ['active', 'perActiveRoomKiB', mem?.activeRooms],
  ] as const)
    for (const part of ['heap', 'rss'] as const) {
      const c = mem?.[key].circle[part] ?? null;
      const b = mem?.[key].bare[part] ?? null;
      const met = part === 'heap' && c !== null && b ? c / b <= 1.3 : undefined;
      figures.push({
        id: `floor.memory.${kind}Room.${part}`,
        figure:
          `memory per ${kind} room, ${part} (17 connected` +
          `${kind === 'idle' ? ', nothing said yet' : ', after the word went round'}; ${n ?? '?'} rooms, after GC)`,
        value: c,
        unit: 'KiB',
        reference: { what: 'bare Socket.IO room of the same 17 sockets', value: b },
        ratio: ratio(c, b),
        ...(part === 'heap' ? { target: 'ratio <= 1.3', met } : {}),
        note:
          part === 'rss'
            ? 'rough: RSS does not shrink after GC'
            : met === false
              ? (mem?.breakdown?.[kind]?.text ?? 'the rest: see raw.floor.memory')
              : undefined,
      });
    }
  figures.push(
    {
      id: 'memory.activeRoom.heap',
      figure: 'memory per active room (17 connected, the word going round): heap',
      value: mem?.perActiveRoomKiB.circle.heap ?? null,
      unit: 'KiB',
    },
    {
      id: 'memory.activeRoom.rss',
      figure: 'memory per active room: RSS',
      value: mem?.perActiveRoomKiB.circle.rss ?? null,
      unit: 'KiB',
    },
    {
      id: 'memory.idleRoom.heap',
      figure: 'memory per room kept after its people dropped (within the reconnect window): heap',
      value: mem?.perDroppedRoomKiB.heap ?? null,
      unit: 'KiB',
      note: 'a bare Socket.IO server keeps nothing once the sockets are gone',
    },
    {
      id: 'memory.idleRoom.rss',
      figure: 'memory per room kept after its people dropped: RSS',
      value: mem?.perDroppedRoomKiB.rss ?? null,
      unit: 'KiB',
      note: 'rough: RSS does not shrink',
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
if (selected('media')) {
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
if (selected('cluster')) {
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
    figure: 'floor latency p99 across two nodes with Redis (command sent -> event received)',
    value: cluster?.p99Ms ?? null,
    unit: 'ms',
    target: '<= 50 ms',
    met: cluster?.p99Ms == null ? null : cluster.p99Ms <= 50,
    note: cluster ? undefined : 'not measured: bench/floor-cluster.ts failed',
  });
}

// ---- board (its own bench, when it exists) ----
if (selected('board')) {
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

// ---- one open meeting: 12 seated and 288 listeners on one node (bench/meeting300.ts) ----
if (selected('meeting300')) {
  console.log('\n== one meeting of 12 seated and 288 listeners on one node ==');
  const out = tmpOut();
  await runBench(['--import', 'tsx', here('meeting300.ts'), '--out', out], 10 * 60_000);
  const meeting = readJson<Meeting300Result>(out);
  raw.meeting300 = meeting ?? { error: 'bench/meeting300.ts printed no result' };
  figures.push(...meeting300Figures(meeting));
}

// ---- the join form on an old phone (bench/phone.ts) ----
if (selected('phone')) {
  console.log('\n== the join form on a throttled phone (Fast 3G, 4x slower CPU) ==');
  const out = tmpOut();
  const { code } = await runBench(['--import', 'tsx', here('phone.ts'), '--out', out], 5 * 60_000);
  const phone = readJson<PhoneResult>(out);
  raw.phone = phone ?? { error: `bench/phone.ts printed no result (exit ${code}; is the client built?)` };
  const ms = phone ? spread(phone.loads.map((l) => l.ms)) : null;
  const kib = phone ? spread(phone.loads.map((l) => l.bytes / 1024)) : null;
  figures.push(
    {
      id: 'phone.joinForm',
      figure: "from opening a member's link to the join form, throttled phone (Fast 3G, 4x CPU), first visit",
      value: ms && Math.round(ms.median),
      unit: 'ms',
      reference: { what: 'target', value: 3000 },
      ratio: ms && ratio(ms.median, 3000),
      spread: ms ?? undefined,
      target: '< 3000 ms (median of the loads)',
      met: ms ? ms.median < 3000 : null,
      note: "the CPU is throttled 4x from this machine's, itself shared with the browser and the server",
    },
    {
      id: 'phone.joinFormBytes',
      figure: 'bytes over the wire until the join form shows (first visit)',
      value: kib && round(kib.median, 1),
      unit: 'KiB',
    },
  );
}

const seconds = Math.round((Date.now() - started) / 1000);
const caveat =
  `${cpus().length}-core machine (${cpus()[0]?.model ?? 'unknown'}), shared with other work while measuring ` +
  `(load average at start ${loadAtStart.toFixed(2)}): the load generators run on the same cores as the server, ` +
  'so absolute figures are pessimistic and noisy; ratios are measured in the same run, in alternating windows.';
console.log('\n== results ==');
// One block per figure: the table of all columns is too wide for a terminal.
for (const f of figures) {
  const verdict = f.verdict ?? (f.met === undefined || f.met === null ? '' : f.met ? 'met' : 'NOT MET');
  const parts = [
    `${f.value ?? '-'} ${f.unit}`,
    f.reference ? `reference ${f.reference.value ?? '-'} (${f.reference.what})` : '',
    f.ratio != null ? `ratio ${f.ratio}` : '',
    f.spread
      ? `spread ${f.spread.min}-${f.spread.max}, IQR ${f.spread.q1}-${f.spread.q3}, n=${f.spread.n}`
      : '',
    f.target ? `target ${f.target}: ${verdict}` : verdict,
  ].filter(Boolean);
  console.log(`${f.id}  ${f.figure}\n    ${parts.join(' | ')}${f.note ? `\n    (${f.note})` : ''}`);
}
console.log(caveat);
console.log(`(${seconds} s) -> bench/results.json`);
// With --only, the parts not run this time keep their figures from the last run.
const previous = only
  ? readJson<{ figures?: Figure[]; raw?: Record<string, unknown>; ran?: Record<string, string> }>(
      here('results.json'),
    )
  : null;
const kept = (previous?.figures ?? []).filter((f) => !selected(sectionOf(f.id) as (typeof SECTIONS)[number]));
const at = new Date().toISOString();
writeFileSync(
  here('results.json'),
  JSON.stringify(
    {
      at,
      seconds,
      /** When each part was last measured. */
      ran: {
        ...previous?.ran,
        ...Object.fromEntries(SECTIONS.filter(selected).map((s) => [s, at])),
      },
      machine: { cpus: cpus().length, node: process.version },
      caveat,
      figures: [...figures, ...kept],
      raw: { ...previous?.raw, ...raw },
    },
    null,
    2,
  ) + '\n',
);
