import express, { type RequestHandler } from 'express';
import { existsSync } from 'node:fs';
import { extname, join, normalize, resolve, sep } from 'node:path';

/** Vite names every file under /assets after a hash of its content: a changed file gets a new name. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** The page itself names the current assets, so the browser asks again each time (cheaply, with ETag). */
const REVALIDATE = 'no-cache';

/** Compressed copies written next to each asset at build time (client/vite.config.ts), best first. */
const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

function accepted(header: string | undefined, name: string): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [token, ...params] = part.trim().split(';');
    if (token?.trim().toLowerCase() !== name) return false;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    return !q || Number(q.slice(2)) > 0;
  });
}

function cacheHeaders(res: express.Response, path: string) {
  const asset = path.split(sep).includes('assets');
  res.setHeader('Cache-Control', asset ? IMMUTABLE : REVALIDATE);
}

/**
 * The built client: precompressed copies when the browser takes them (a phone on a weak connection
 * downloads a quarter of the bytes, and the server spends no CPU compressing), hashed assets cached for
 * good, and everything else revalidated.
 */
export function clientFiles(dir: string): RequestHandler[] {
  const root = resolve(dir);
  const precompressed: RequestHandler = (req, res, next) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || !req.path.startsWith('/assets/')) return next();
    const file = normalize(join(root, decodeURIComponent(req.path)));
    if (!file.startsWith(root + sep)) return next();
    res.vary('Accept-Encoding');
    const encoding = ENCODINGS.find(
      (e) => accepted(req.headers['accept-encoding'], e.name) && existsSync(file + e.suffix),
    );
    if (!encoding) return next();
    res.type(extname(file));
    res.setHeader('Content-Encoding', encoding.name);
    res.sendFile(file + encoding.suffix, { headers: { 'Cache-Control': IMMUTABLE }, cacheControl: false });
  };
  return [
    precompressed,
    express.static(root, { index: false, cacheControl: false, setHeaders: cacheHeaders }),
  ];
}

/** Headers for the page (index.html) sent on the client's routes. */
export const pageHeaders = { 'Cache-Control': REVALIDATE };
