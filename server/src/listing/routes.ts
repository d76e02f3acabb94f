import { Router, type Request } from 'express';
import type { Groups } from '../groups/service.js';
import { defineDomain } from '../domain.js';
import { icsFor } from './ics.js';
import { listedBySlug, listedGroups } from './listed.js';
import { expectPage, listPage, LOCAL_TIME_SCRIPT } from './pages.js';
import { tsmlMeeting } from './tsml.js';
import { pageLanguage } from './words.js';

/** The server's own address as the reader reached it; the feed and calendars need absolute links. */
const originOf = (req: Request) => `${req.protocol}://${req.get('host') ?? 'localhost'}`;

/**
 * The public meeting list: `/meetings` (a page), `/meetings.json` (the Meeting Guide / TSML feed),
 * `/meetings/<slug>` (what to expect) and `/meetings/<slug>.ics` (a weekly calendar event). No token is
 * needed; only listed groups whose members wait in the lobby appear, and an unlisted group's slug is a
 * plain 404, the same as an unknown one.
 */
export function listingRoutes(deps: { groups: Groups; now: () => number }): Router {
  const router = Router();
  const notFound = (res: import('express').Response) => res.status(404).type('text').send('Not found');

  router.get('/meetings.json', async (req, res) => {
    const origin = originOf(req);
    const listed = await listedGroups(deps.groups, origin, deps.now());
    res
      .set('cache-control', 'no-cache')
      .set('access-control-allow-origin', '*')
      .json(listed.map((g) => tsmlMeeting(g, `${origin}/meetings/${g.slug}`)));
  });

  router.get('/meetings', async (req, res) => {
    const listed = await listedGroups(deps.groups, originOf(req), deps.now());
    res
      .set('cache-control', 'no-cache')
      .set('vary', 'accept-language')
      .type('html')
      .send(listPage(listed, pageLanguage(req.get('accept-language'))));
  });

  router.get('/meetings/local-time.js', (_req, res) => {
    res.set('cache-control', 'public, max-age=3600').type('js').send(LOCAL_TIME_SCRIPT);
  });

  router.get('/meetings/:slug.ics', async (req, res) => {
    const origin = originOf(req);
    const g = await listedBySlug(deps.groups, req.params.slug, origin, deps.now());
    const ics = g && icsFor(g, req.hostname || 'localhost', `${origin}/meetings/${g.slug}`, deps.now());
    if (!g || !ics) return void notFound(res);
    res
      .set('content-disposition', `attachment; filename="${g.slug}.ics"`)
      .type('text/calendar; charset=utf-8')
      .send(ics);
  });

  router.get('/meetings/:slug', async (req, res) => {
    const g = await listedBySlug(deps.groups, req.params.slug, originOf(req), deps.now());
    if (!g) return void notFound(res);
    res
      .set('vary', 'accept-language')
      .type('html')
      .send(expectPage(g, pageLanguage(req.get('accept-language'))));
  });

  return router;
}

export const listingDomain = (deps: Parameters<typeof listingRoutes>[0]) =>
  defineDomain({ name: 'listing', routes: listingRoutes(deps) });
