import type { GroupSettingsInput } from '@circle/shared';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createGroup, joinAs, ok, type Joined } from './client.js';

/** A name nobody else uses, so finding it anywhere means it was kept. */
export const canaryName = () => `Canary-${randomBytes(6).toString('hex')}`;

/** The files under `dir` whose bytes contain `needle`: what someone holding the disk or a backup would find. */
export function filesHolding(dir: string, needle: string): string[] {
  const found: string[] = [];
  const bytes = Buffer.from(needle, 'utf8');
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) found.push(...filesHolding(path, needle));
    else if (readFileSync(path).includes(bytes)) found.push(name);
  }
  return found;
}

/**
 * A closed meeting in which the canary attended, accepted the declaration, shared notes as an observer
 * of a role-play and started a balance (`during` adds more before it closes); then a second meeting in
 * progress with the canary and Fran, the facilitator, in it again.
 */
export async function historyWithCanary(
  port: number,
  canary: string,
  opts: {
    settings?: Partial<GroupSettingsInput>;
    during?: (fran: Joined, can: Joined) => Promise<void>;
  } = {},
) {
  // Notes in clear, the harder case for what is kept (an encrypted group takes only sealed ones).
  const g = await createGroup(port, { name: 'Circle of canaries', e2ee: false, ...opts.settings });
  let fran = await joinAs(port, g.links.facilitator, 'Fran');
  let can = await joinAs(port, g.links.member, canary);
  await ok(fran.socket, 'meeting:open', {});
  await ok(can.socket, 'board:create', { title: `${canary} and drinking` });
  await ok(fran.socket, 'exercise:setup', {
    scenarioId: 'newcomer',
    roles: { [can.pid]: 'observer', [fran.pid]: 'leader' },
  });
  await ok(fran.socket, 'exercise:start', {});
  await ok(fran.socket, 'exercise:timeOut', {});
  await ok(can.socket, 'exercise:shareNotes', { text: 'The leader waited.', checked: [] });
  await ok(fran.socket, 'exercise:resume', {});
  await ok(fran.socket, 'exercise:end', {});
  await opts.during?.(fran, can);
  const meetingId = fran.view()!.meetingId;
  await ok(fran.socket, 'meeting:close', {});
  fran.socket.close();
  can.socket.close();
  fran = await joinAs(port, g.links.facilitator, 'Fran', fran.identity);
  can = await joinAs(port, g.links.member, canary, can.identity);
  return { g, fran, can, meetingId };
}
