import { GroupSettingsSchema, InviteLookupSchema, type Role } from '@circle/shared';
import cors from 'cors';
import express, { type ErrorRequestHandler, type Router } from 'express';
import helmet from 'helmet';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GroupRecord, Groups } from '../groups/service.js';
import { clientFiles, pageHeaders } from './clientFiles.js';
import { guardGroupCreation, type GroupCreationPolicy } from './groupCreation.js';

export function createApp(deps: {
  groups: Groups;
  clientDir: string;
  corsOrigins: string[];
  now: () => number;
  /** Who may create groups, and how often from one address. */
  groupCreation: GroupCreationPolicy;
  /** A replaced link, looked up with the identity of someone inside the meeting (see invite/stillInside). */
  stillInside?: (token: string, identity: string) => Promise<{ group: GroupRecord; role: Role } | null>;
  /** A buddy invitation still good for this browser's identity (see buddy/join): its group, or null. */
  buddyInvite?: (token: string, identity?: string) => Promise<GroupRecord | null>;
  /** More API routes from other domains (meeting data); a router may be filled in after the app is made. */
  routes?: Router[];
}) {
  const app = express();
  app.disable('x-powered-by');
  app.use(helmet({ contentSecurityPolicy: { directives: { 'connect-src': ["'self'"] } } }));
  if (deps.corsOrigins.length) app.use('/api', cors({ origin: deps.corsOrigins }));
  app.use(express.json({ limit: '16kb' }));

  app.get('/healthz', (_req, res) => {
    res.json({ ok: true });
  });

  // What the home page needs to know before anyone fills in the form.
  app.get('/api/config', (_req, res) => {
    res.json({ groupCreation: { passwordRequired: Boolean(deps.groupCreation.adminPassword) } });
  });

  app.post('/api/groups', guardGroupCreation(deps.groupCreation, deps.now), async (req, res) => {
    // The creation password travels beside the settings; it is checked by the guard and never stored.
    const { adminPassword: _password, ...settings } = (req.body ?? {}) as Record<string, unknown>;
    const parsed = GroupSettingsSchema.safeParse(settings);
    if (!parsed.success) return void res.status(400).json({ error: 'BAD_REQUEST' });
    res.status(201).json(await deps.groups.create(parsed.data, deps.now()));
  });

  // The token comes in the body: an address (path or query) ends up in server and proxy logs.
  app.post('/api/invite', async (req, res) => {
    const parsed = InviteLookupSchema.safeParse(req.body);
    if (!parsed.success) return void res.status(400).json({ error: 'BAD_REQUEST' });
    const { token, identity } = parsed.data;
    const invite =
      (await deps.groups.resolveInvite(token)) ??
      (identity && deps.stillInside ? await deps.stillInside(token, identity) : null);
    // A member's buddy invitation: a member's place that always waits in the lobby, for one newcomer.
    const buddy = invite ? null : await deps.buddyInvite?.(token, identity);
    if (buddy) {
      const info = { ...deps.groups.inviteInfo(buddy, 'member'), lobby: true, buddy: true as const };
      return void res.set('cache-control', 'no-store').json(info);
    }
    if (!invite) return void res.status(404).json({ error: 'INVALID_TOKEN' });
    const info = deps.groups.inviteInfo(invite.group, invite.role);
    const fromList = deps.groups.isListingToken(token) && { fromList: true as const };
    res.set('cache-control', 'no-store').json({ ...info, ...fromList });
  });

  for (const routes of deps.routes ?? []) app.use(routes);

  app.use('/api', (_req, res) => {
    res.status(404).json({ error: 'NOT_FOUND' });
  });

  const index = join(deps.clientDir, 'index.html');
  app.use(clientFiles(deps.clientDir));
  // The client routes on the path (/, /join); the invitation rides in the fragment (`/join#<token>`),
  // which browsers never send. No page takes a token in its path.
  app.get(/^\/(join)?$/, (_req, res) => {
    if (!existsSync(index))
      return void res.status(503).type('text').send('The client is not built: run npm start.');
    res.sendFile(index, { headers: pageHeaders, cacheControl: false });
  });

  const onError: ErrorRequestHandler = (err: { status?: number; type?: string }, _req, res, _next) => {
    const status = err.status && err.status >= 400 && err.status < 500 ? err.status : 500;
    res.status(status).json({ error: status === 500 ? 'INTERNAL' : 'BAD_REQUEST' });
  };
  app.use(onError);
  return app;
}
