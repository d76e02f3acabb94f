/**
 * `npm run i18n:extract`: reads every message from the client's code (react-intl's `defineMessages`,
 * through the FormatJS extractor) into `client/src/i18n/messages/en/<area>.json`, one file per folder of
 * `client/src` (the files at its top are the area `app`), and remakes the pseudo-locales from them.
 * `--check` changes nothing and fails when a file is out of date (the unit tests run it).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { pseudoMessage } from './i18n-pseudo';
import type { PseudoLocale } from './i18n-pseudo';

const root = new URL('..', import.meta.url).pathname;
const src = join(root, 'client/src');
export const messagesDir = join(src, 'i18n/messages');
const PSEUDO: PseudoLocale[] = ['en-XA', 'ar-XB'];

const isSource = (f: string) => /\.tsx?$/.test(f) && !/\.test\.tsx?$/.test(f);

function sourcesOf(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourcesOf(path) : isSource(name) ? [path] : [];
  });
}

/** Area name → its source files. */
export function areas(): Map<string, string[]> {
  const result = new Map<string, string[]>();
  const top = readdirSync(src).filter((f) => isSource(f) && statSync(join(src, f)).isFile());
  result.set(
    'app',
    top.map((f) => join(src, f)),
  );
  for (const name of readdirSync(src)) {
    const path = join(src, name);
    if (statSync(path).isDirectory()) result.set(name, sourcesOf(path));
  }
  return result;
}

function extract(files: string[]): Record<string, string> {
  if (!files.length) return {};
  const bin = join(root, 'node_modules/.bin/formatjs');
  const out = execFileSync(bin, ['extract', '--format', 'simple', ...files.map((f) => relative(root, f))], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  const messages = JSON.parse(out || '{}') as Record<string, string>;
  return Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b)));
}

const json = (messages: Record<string, string>) => JSON.stringify(messages, null, 2) + '\n';

/** Every file extraction would write, by path. */
export function expectedFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const [area, sources] of areas()) {
    const english = extract(sources);
    if (!Object.keys(english).length) continue;
    files.set(join(messagesDir, 'en', `${area}.json`), json(english));
    for (const locale of PSEUDO) {
      const pseudo = Object.fromEntries(
        Object.entries(english).map(([id, m]) => [id, pseudoMessage(m, locale)]),
      );
      files.set(join(messagesDir, locale, `${area}.json`), json(pseudo));
    }
  }
  return files;
}

/** Generated files that differ from what extraction gives now (paths relative to the project). */
export function staleFiles(): string[] {
  const expected = expectedFiles();
  const stale = [...expected].filter(
    ([path, text]) => !existsSync(path) || readFileSync(path, 'utf8') !== text,
  );
  const generated = ['en', ...PSEUDO].flatMap((locale) => {
    const dir = join(messagesDir, locale);
    return existsSync(dir) ? readdirSync(dir).map((f) => join(dir, f)) : [];
  });
  const orphans = generated.filter((path) => !expected.has(path));
  return [...stale.map(([path]) => path), ...orphans].map((p) => relative(root, p));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  if (process.argv.includes('--check')) {
    const stale = staleFiles();
    if (stale.length) {
      console.error(`Out of date (run npm run i18n:extract):\n  ${stale.join('\n  ')}`);
      process.exit(1);
    }
  } else {
    const expected = expectedFiles();
    for (const locale of ['en', ...PSEUDO])
      rmSync(join(messagesDir, locale), { recursive: true, force: true });
    for (const [path, text] of expected) {
      mkdirSync(join(path, '..'), { recursive: true });
      writeFileSync(path, text);
    }
    console.log(`${expected.size} message files written`);
  }
}
