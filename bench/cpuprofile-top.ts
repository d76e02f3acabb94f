/**
 * Where the CPU went, from a V8 .cpuprofile (node --cpu-prof, or the inspector's Profiler): self time summed
 * by function (name and file:line) and by module (a package in node_modules, a folder of this repo, node's
 * internals, GC), plus inclusive time of this repo's own functions (what each costs with what it calls).
 * Idle time is left out of the shares.
 *
 * Run: npx tsx bench/cpuprofile-top.ts file.cpuprofile [top=25]
 */
import { readFileSync } from 'node:fs';
import { findSourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}
const root = fileURLToPath(new URL('..', import.meta.url));

/** A short place for a script url: package@file for dependencies, repo-relative for ours. */
function where(url: string): { module: string; file: string } {
  if (!url) return { module: '(native/vm)', file: '' };
  if (url.startsWith('node:')) return { module: 'node (internals)', file: url };
  const path = url.startsWith('file://') ? fileURLToPath(url) : url;
  const nm = path.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = path.slice(nm + 'node_modules/'.length).split('/');
    const pkg = rest[0]!.startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0]!;
    return { module: pkg, file: rest.join('/') };
  }
  const rel = path.startsWith(root) ? path.slice(root.length) : path;
  const parts = rel.split('/');
  return { module: parts.length > 2 ? parts.slice(0, 3).join('/') : rel, file: rel };
}

/**
 * Points our TypeScript functions at their source files and lines (tsx and the build run transpiled code).
 * Call it in the profiled process, run with --enable-source-maps: that is where the source maps are.
 */
export function mapToSources(profile: CpuProfile) {
  for (const { callFrame: f } of profile.nodes) {
    if (!f.url.startsWith('file://') || f.url.includes('/node_modules/') || f.lineNumber < 0) continue;
    const entry = findSourceMap(f.url)?.findEntry(f.lineNumber, f.columnNumber);
    if (entry && 'originalLine' in entry) {
      // The build bundles many files in one: the source map says which one (tsx maps one to one).
      if (entry.originalSource) f.url = entry.originalSource;
      f.lineNumber = entry.originalLine;
      f.columnNumber = entry.originalColumn;
    }
  }
  return profile;
}

export interface CostLine {
  what: string;
  ms: number;
  share: number;
}
export interface ProfileSummary {
  busyMs: number;
  idleMs: number;
  byFunction: CostLine[];
  byModule: CostLine[];
  /** This repo's functions (server/, shared/) with everything they call. */
  ownInclusive: CostLine[];
}

export function summarize(profile: CpuProfile, top = 25): ProfileSummary {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const key = (n: ProfileNode) => {
    const { functionName, url, lineNumber } = n.callFrame;
    const w = where(url);
    return `${functionName || '(anonymous)'} ${w.file ? `${w.file}:${lineNumber + 1}` : w.module}`;
  };
  const self = new Map<string, number>();
  const modules = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
  // The first delta runs from the profiler's start (its own setup) to the first sample: not the program's.
  for (let i = 1; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]!)!;
    const us = profile.timeDeltas[i] ?? 0;
    const name = node.callFrame.functionName;
    if (name === '(idle)') {
      idle += us;
      continue;
    }
    busy += us;
    add(self, key(node), us);
    add(modules, name.startsWith('(') ? name : where(node.callFrame.url).module, us);
    // Inclusive: each of our functions on the stack once per sample (recursion counted once).
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const n = byId.get(id)!;
      const w = where(n.callFrame.url);
      if (!/^(server|shared)\//.test(w.file)) continue;
      const k = key(n);
      if (!seen.has(k)) {
        seen.add(k);
        add(inclusive, k, us);
      }
    }
  }
  const lines = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([what, us]) => ({
        what,
        ms: Math.round(us / 100) / 10,
        share: Math.round((us / busy) * 1000) / 10,
      }));
  return {
    busyMs: Math.round(busy / 1000),
    idleMs: Math.round(idle / 1000),
    byFunction: lines(self),
    byModule: lines(modules),
    ownInclusive: lines(inclusive),
  };
}

export function formatSummary(title: string, s: ProfileSummary): string {
  const table = (head: string, rows: CostLine[]) => [
    head,
    ...rows.map((r) => `  ${r.share.toFixed(1).padStart(5)}%  ${String(r.ms).padStart(8)} ms  ${r.what}`),
  ];
  return [
    `== ${title}: ${s.busyMs} ms busy, ${s.idleMs} ms idle ==`,
    ...table('self time by module (share of busy time):', s.byModule),
    ...table('self time by function:', s.byFunction),
    ...table("inclusive time of this repo's functions (with what they call):", s.ownInclusive),
    '',
  ].join('\n');
}

// By name: the floor bench's server bundles this file into its own (bench/floor-driver.ts).
if (process.argv[1]?.endsWith('cpuprofile-top.ts')) {
  const file = process.argv[2];
  if (!file) throw new Error('usage: tsx bench/cpuprofile-top.ts file.cpuprofile [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  console.log(formatSummary(file, summarize(profile, Number(process.argv[3] ?? 25))));
}
