import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

/**
 * The data directory holds what a group said about itself (names, attendance, balances): only the
 * server's own user may list or read it. Modes are fixed on every start, so a directory or file made
 * by an older version (or restored from a backup with looser modes) is tightened too.
 */
export function privateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  chmodSync(dir, 0o700);
}

/** Creates the file if it is missing (already 0600, so it is never readable by others, not even briefly). */
export function privateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', 0o600));
  chmodSync(path, 0o600);
}

/** Tightens files that exist (SQLite's -wal and -shm come and go with connections). */
export function tightenIfPresent(paths: string[]): void {
  for (const p of paths) if (existsSync(p)) chmodSync(p, 0o600);
}
