import { describe, expect, it } from 'vitest';
import { floorReducer, initialFloor } from '../floor/machine.js';
import type { FloorCommand, FloorNotice, FloorState } from '../floor/types.js';
import { Rng } from '../random.js';
import type { ParticipantView, RoomView } from '../room.js';
import { applyPatch, diffView, RoomReplica } from './patch.js';

/** A small server: random people come and go, the floor moves; each change is a new view. */
class FakeRoom {
  private floor: FloorState = initialFloor({ turnLimitMs: 180_000 });
  private people: ParticipantView[] = [];
  private seq = 0;
  private now = 1_000_000;
  private nextPid = 0;
  view: RoomView;
  /** What the floor announced in the last step. */
  said: FloorNotice[] = [];

  constructor(private readonly rng: Rng) {
    this.view = this.make();
  }

  private make(): RoomView {
    return {
      groupId: 'g',
      groupName: 'Tuesday circle',
      meetingId: 'm',
      seq: this.seq,
      at: this.now,
      participants: this.people.map((p) => ({ ...p })),
      floor: { ...this.floor, lastMove: this.floor.lastMove ? { at: this.floor.lastMove.at } : null },
      lobbyCount: this.rng.int(3),
      capacity: 17,
      meeting: { openedAt: this.now } as unknown as RoomView['meeting'],
    };
  }

  private command(): FloorCommand {
    const seated = this.floor.seats;
    const anyone = seated.length ? this.rng.pick(seated) : 'nobody';
    const moves: FloorCommand[] = [
      { type: 'raiseHand', pid: anyone },
      { type: 'lowerHand', pid: anyone },
      { type: 'give', pid: anyone },
      { type: 'next' },
      { type: 'takeBack' },
      { type: 'pass', pid: anyone },
      { type: 'done', pid: anyone },
      { type: 'startRound' },
      { type: 'endRound' },
      { type: 'presence', pid: anyone, presence: this.rng.pick(['here', 'away', 'offline'] as const) },
      { type: 'tick' } as FloorCommand,
    ];
    return this.rng.pick(moves);
  }

  /** One change: someone arrives or leaves, a name or presence changes, or a floor move. */
  step(): void {
    this.now += this.rng.int(20_000);
    this.said = [];
    const apply = (cmd: FloorCommand) => {
      const r = floorReducer(this.floor, cmd, this.now);
      this.floor = r.state;
      for (const e of r.effects) if (e.type === 'notice') this.said.push(e.notice);
    };
    const roll = this.rng.int(10);
    if (roll === 0 || this.people.length < 2) {
      const pid = `p${this.nextPid++}`;
      const person = { pid, name: `N${pid}`, role: 'member' as const, online: true };
      // Sometimes in the middle: the order of the roster must survive patches too.
      this.people.splice(this.rng.int(this.people.length + 1), 0, person);
      apply({ type: 'join', pid });
    } else if (roll === 1) {
      const gone = this.rng.pick(this.people);
      this.people = this.people.filter((p) => p !== gone);
      apply({ type: 'leave', pid: gone.pid });
    } else if (roll === 2) {
      const p = this.rng.pick(this.people);
      p.online = !p.online;
    } else if (roll === 3) {
      this.people = this.rng.shuffle(this.people);
    } else {
      apply(this.command());
    }
    this.seq++;
    this.view = this.make();
  }
}

/** Runs one seeded meeting; a client that loses patches and reconnects must end with the server's room. */
function meeting(seed: number, steps = 300) {
  const rng = new Rng(seed);
  const server = new FakeRoom(rng);
  const client = new RoomReplica();
  client.snapshot(server.view);
  let snapshots = 0;
  let applied = 0;
  for (let i = 0; i < steps; i++) {
    const before = server.view;
    server.step();
    const patch = diffView(before, server.view, server.said);
    // What the wire does: JSON, and sometimes nothing at all.
    const wire = JSON.parse(JSON.stringify(patch)) as typeof patch;
    if (rng.chance(0.05)) continue; // dropped
    if (rng.chance(0.03)) client.awaitSnapshot(); // reconnecting: patches wait for the next snapshot
    let heard: FloorNotice[] | null = null;
    const outcome = client.patch(wire, (n) => (heard = n));
    if (outcome === 'applied') {
      applied++;
      // Every announcement arrives once, whether it travelled or was worked out from the change.
      const order = (ns: FloorNotice[]) => ns.map((n) => JSON.stringify(n)).sort();
      expect(order(heard!)).toEqual(order(server.said));
    }
    if (outcome === 'gap' || outcome === 'waiting' || rng.chance(0.01)) {
      client.snapshot(JSON.parse(JSON.stringify(server.view)) as RoomView);
      snapshots++;
    }
    expect(client.view).toEqual(server.view);
  }
  return { snapshots, applied };
}

describe('room patches', () => {
  it('turn any view into the next, and stay small when one thing changes', () => {
    const rng = new Rng(7);
    const room = new FakeRoom(rng);
    for (let i = 0; i < 200; i++) {
      const before = room.view;
      room.step();
      expect(applyPatch(before, diffView(before, room.view))).toEqual(room.view);
    }
  });

  it('carry a new person alone, not the whole roster', () => {
    const base = { pid: 'a', name: 'Ana', role: 'member' as const, online: true };
    const people = Array.from({ length: 300 }, (_, i) => ({ ...base, pid: `p${i}`, name: `Person ${i}` }));
    const view = (participants: ParticipantView[], seq: number) =>
      ({
        groupId: 'g',
        groupName: 'G',
        meetingId: 'm',
        seq,
        at: seq,
        participants,
        floor: initialFloor(),
        lobbyCount: 0,
        capacity: 12,
        meeting: {},
      }) as unknown as RoomView;
    const patch = diffView(view(people, 1), view([...people, { ...base, pid: 'new', name: 'Newcomer' }], 2));
    expect(JSON.stringify(patch).length).toBeLessThan(150);
    const gone = diffView(view(people, 1), view(people.slice(1), 2));
    expect(gone.people).toEqual([{ path: 'participants', rm: ['p0'] }]);
  });

  it('refuses a patch that does not follow the shown snapshot, and drops an old one', () => {
    const rng = new Rng(3);
    const room = new FakeRoom(rng);
    const client = new RoomReplica();
    client.snapshot(room.view);
    const v0 = room.view;
    room.step();
    const p1 = diffView(v0, room.view);
    const v1 = room.view;
    room.step();
    const p2 = diffView(v1, room.view);
    expect(client.patch(p2)).toBe('gap');
    expect(client.patch(p1)).toBe('applied');
    expect(client.patch(p1)).toBe('stale');
    expect(client.patch(p2)).toBe('applied');
    expect(client.view).toEqual(room.view);
  });

  // Seeds that once failed stay here by name (none yet); the sweep covers 200 fresh meetings.
  it.each(Array.from({ length: 200 }, (_, i) => i + 1))(
    'seed %i: a client losing patches and reconnecting ends with the server’s room',
    (seed) => {
      const { applied } = meeting(seed);
      expect(applied).toBeGreaterThan(100);
    },
  );
});
