import type {
  Ack,
  ClientEventName,
  ClientEventResults,
  ClientToServerEvents,
  CreateGroupResult,
  GroupSettingsInput,
  RoomView,
  ServerToClientEvents,
} from '@circle/shared';
import { PROTOCOL_VERSION, RoomReplica } from '@circle/shared';
import { io, type ManagerOptions, type Socket } from 'socket.io-client';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

export function connect(
  port: number,
  protocol = PROTOCOL_VERSION,
  opts: Partial<ManagerOptions> = {},
): TestSocket {
  return io(`http://127.0.0.1:${port}`, {
    auth: { protocol },
    transports: ['websocket'],
    forceNew: true,
    reconnection: false,
    ...opts,
  });
}

/** Sends an event and resolves with its ack, whatever it says. `payload` is deliberately loose for bad-input tests. */
export function call<E extends ClientEventName>(
  socket: TestSocket,
  event: E,
  payload: unknown,
): Promise<Ack<ClientEventResults[E]>> {
  return new Promise((resolve) => {
    (socket.emit as (e: string, p: unknown, cb: (a: Ack<ClientEventResults[E]>) => void) => void)(
      event,
      payload,
      resolve,
    );
  });
}

export async function ok<E extends ClientEventName>(
  socket: TestSocket,
  event: E,
  payload: unknown,
): Promise<ClientEventResults[E]> {
  const ack = await call(socket, event, payload);
  if (!ack.ok) throw new Error(`${event} refused: ${ack.error}`);
  return ack.data;
}

export async function createGroup(
  port: number,
  settings: Partial<GroupSettingsInput> = {},
): Promise<CreateGroupResult> {
  const res = await fetch(`http://127.0.0.1:${port}/api/groups`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'Tuesday circle', ...settings }),
  });
  if (res.status !== 201) throw new Error(`create group: ${res.status}`);
  return (await res.json()) as CreateGroupResult;
}

/** The invitation token in a link (`/join#<token>`: the token rides in the fragment, never sent in an address). */
export const tokenOf = (link: string) => link.replace(/^.*\/join[#/]/, '');

/**
 * Keeps the room as a socket sees it, as the client does: snapshots, then patches on top (asking for a
 * snapshot when one is missing).
 */
export function track(socket: TestSocket): { view: () => RoomView | null; history: RoomView[] } {
  const replica = new RoomReplica();
  /** Every view this socket held, in order. */
  const history: RoomView[] = [];
  const took = (changed: boolean) => void (changed && replica.view && history.push(replica.view));
  const snapshot = (v: RoomView) => took(replica.snapshot(v));
  socket.on('room:state', snapshot);
  socket.on('room:admitted', (v) => {
    replica.awaitSnapshot();
    snapshot(v);
  });
  socket.on('room:patch', (p) => {
    const outcome = replica.patch(p);
    took(outcome === 'applied');
    if (outcome === 'gap') void call(socket, 'room:snapshot', {}).then((a) => a.ok && snapshot(a.data));
  });
  // As the app does: after a dropped connection the next snapshot is taken whatever its seq.
  socket.on('disconnect', () => replica.awaitSnapshot());
  socket.on('moderation:sentToLobby', () => {
    replica.clear();
    replica.awaitSnapshot();
  });
  return { view: () => replica.view, history };
}

export interface Joined {
  socket: TestSocket;
  pid: string;
  identity: string;
  view: () => RoomView | null;
  /** Every view this connection held, in order. */
  history: RoomView[];
}

export async function joinAs(port: number, link: string, name: string, identity?: string): Promise<Joined> {
  const socket = connect(port);
  const tracker = track(socket);
  const result = await ok(socket, 'room:join', {
    token: tokenOf(link),
    name,
    accept: true,
    declarationVersion: 1,
    identity,
    // A test client stands for a browser that can encrypt its media (encrypted groups give others none).
    e2ee: true,
  });
  return { socket, pid: result.pid, identity: result.identity, view: tracker.view, history: tracker.history };
}

/** Who sits in a test's group, by first name; joined in this order, so seats follow it. */
export interface Seating<N extends string> {
  facilitators?: readonly N[];
  members?: readonly N[];
  observers?: readonly N[];
}

/** The group and each person in it, under their name in lower case (`fran`, `ana`, …). */
export type SeatedGroup<N extends string> = { g: CreateGroupResult } & { [K in Lowercase<N>]: Joined };

/**
 * The "seated group" most tests start from: a new group with facilitators, then members, then observers
 * joined one after another. `join` lets a per-test fixture join (and later close) them itself.
 */
export async function seatedGroup<N extends string>(
  port: number,
  people: Seating<N>,
  settings: Partial<GroupSettingsInput> = {},
  join: (link: string, name: string) => Promise<Joined> = (link, name) => joinAs(port, link, name),
): Promise<SeatedGroup<N>> {
  const g = await createGroup(port, settings);
  const seated: Record<string, unknown> = { g };
  for (const [role, names] of [
    ['facilitator', people.facilitators],
    ['member', people.members],
    ['observer', people.observers],
  ] as const)
    for (const name of names ?? []) seated[name.toLowerCase()] = await join(g.links[role], name);
  return seated as SeatedGroup<N>;
}

/**
 * A round trip on this connection. Socket.IO keeps one connection's packets in order, so once the answer
 * is here, anything the server sent this socket before answering has arrived too: a test proving that
 * something was NOT received waits for this on the receiver's connection, never for a sleep.
 */
export async function barrier(socket: TestSocket): Promise<void> {
  // Any answer is a round trip, a refusal too (an attacker's connection that never joined gets NOT_JOINED).
  await call(socket, 'chat:history', {});
}
