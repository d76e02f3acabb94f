import type { FormatPart, RoomView } from '@circle/shared';
import { describe, expect, it } from 'vitest';
import { barrier, call, ok, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { serverPerTest } from './support/session.js';

const part = (kind: FormatPart['kind'], title: string, extra: Partial<FormatPart> = {}): FormatPart => ({
  title,
  text: '',
  kind,
  minutes: null,
  turnLimitSec: null,
  ...extra,
});

const FORMAT: FormatPart[] = [
  part('reading', 'Welcome', { text: 'What is said here stays here.', minutes: 5 }),
  part('go-around', 'Check-in', { turnLimitSec: 180 }),
  part('open-sharing', 'Sharing'),
];

const current = (j: Joined) => j.view()?.format?.current ?? null;
const seen = async (j: Joined, check: (v: RoomView) => boolean) => {
  await waitUntil(() => {
    const v = j.view();
    return v !== null && check(v);
  });
};

describe('the meeting format, stepped by facilitators', () => {
  const session = serverPerTest();

  async function group() {
    await session.start();
    const people = await session.seated({
      facilitators: ['Fran'],
      members: ['Ana', 'Ben', 'Cy'],
      observers: ['Obi'],
    });
    await ok(people.fran.socket, 'format:save', { parts: FORMAT });
    return people;
  }

  it('shows everyone the current part; a go-around starts its round with the part’s per-turn limit', async () => {
    const { fran, ana, obi } = await group();
    expect(await ok(fran.socket, 'format:get', {})).toEqual({ parts: FORMAT });

    await ok(fran.socket, 'format:step', { move: 'next', expectIndex: null });
    await seen(ana, (v) => v.format?.current?.index === 0);
    expect(current(ana)).toMatchObject({ index: 0, total: 3, part: FORMAT[0] });
    // A part with a length has its own clock, from server time.
    expect(current(ana)?.clock?.openedAt).toEqual(expect.any(Number));
    expect(current(obi)?.part.text).toBe('What is said here stays here.');

    await ok(fran.socket, 'format:step', { move: 'next', expectIndex: 0 });
    await seen(ana, (v) => v.format?.current?.index === 1);
    const floor = ana.view()!.floor;
    expect(floor.round?.limitMs).toBe(180_000);
    expect(floor.holder).toMatchObject({ pid: fran.pid, limitMs: 180_000 });
    expect(current(ana)?.clock).toBeNull();

    // Open sharing ends the round: the word goes to raised hands.
    await ok(fran.socket, 'format:step', { move: 'next', expectIndex: 1 });
    await seen(ana, (v) => v.format?.current?.index === 2);
    expect(ana.view()!.floor.round).toBeNull();

    await ok(fran.socket, 'format:step', { move: 'previous', expectIndex: 2 });
    await seen(ana, (v) => v.format?.current?.index === 1 && v.floor.round !== null);
    await ok(fran.socket, 'format:step', { move: 'stop', expectIndex: 1 });
    await seen(ana, (v) => v.format?.current === null && v.floor.round === null);
  });

  it('refuses steps aimed at another part, past the end, and formats beyond their bounds, with typed errors', async () => {
    const { fran } = await group();
    expect(await call(fran.socket, 'format:step', { move: 'next', expectIndex: 0 })).toEqual({
      ok: false,
      error: 'STALE',
    });
    expect(await call(fran.socket, 'format:step', { move: 'previous', expectIndex: null })).toEqual({
      ok: false,
      error: 'CONFLICT',
    });
    for (const i of [0, 1, 2])
      await ok(fran.socket, 'format:step', { move: 'next', expectIndex: i === 0 ? null : i - 1 });
    expect(await call(fran.socket, 'format:step', { move: 'next', expectIndex: 2 })).toEqual({
      ok: false,
      error: 'CONFLICT',
    });

    const bad = { ok: false, error: 'BAD_REQUEST' };
    const many = Array.from({ length: 31 }, (_, i) => part('reading', `Part ${i}`));
    expect(await call(fran.socket, 'format:save', { parts: many })).toEqual(bad);
    expect(await call(fran.socket, 'format:save', { parts: [part('reading', 'x'.repeat(81))] })).toEqual(bad);
    expect(
      await call(fran.socket, 'format:save', {
        parts: [part('reading', 'Long', { text: 'x'.repeat(4_001) })],
      }),
    ).toEqual(bad);
    expect(
      await call(fran.socket, 'format:save', { parts: [{ ...part('reading', 'A'), kind: 'sermon' }] }),
    ).toEqual(bad);
    expect(
      await call(fran.socket, 'format:save', { parts: [part('go-around', 'Round', { turnLimitSec: 5 })] }),
    ).toEqual(bad);
    // The last good save stands.
    expect(await ok(fran.socket, 'format:get', {})).toEqual({ parts: FORMAT });
  });

  it('a member cannot read, write or step the format, nor hand out roles; nothing changes', async () => {
    const { fran, ana, ben } = await group();
    const before = fran.view()!.seq;
    const forbidden = { ok: false, error: 'FORBIDDEN' };
    expect(await call(ana.socket, 'format:get', {})).toEqual(forbidden);
    expect(await call(ana.socket, 'format:save', { parts: [] })).toEqual(forbidden);
    expect(await call(ana.socket, 'format:step', { move: 'next', expectIndex: null })).toEqual(forbidden);
    expect(await call(ana.socket, 'format:role', { role: 'timekeeper', pid: ana.pid })).toEqual(forbidden);
    expect(await call(ana.socket, 'format:role', { role: 'reader', pid: ben.pid })).toEqual(forbidden);
    await barrier(fran.socket);
    expect(fran.view()!.seq).toBe(before);
    expect(await ok(fran.socket, 'format:get', {})).toEqual({ parts: FORMAT });
  });

  it('a saved format is announced to the facilitators only, who read it again', async () => {
    await session.start();
    const { fran, flo, ana } = await session.seated({ facilitators: ['Fran', 'Flo'], members: ['Ana'] });
    const heard = { flo: 0, ana: 0 };
    flo.socket.on('format:saved', () => heard.flo++);
    ana.socket.on('format:saved', () => heard.ana++);
    await ok(fran.socket, 'format:save', { parts: FORMAT });
    await waitUntil(() => heard.flo === 1);
    expect(await ok(flo.socket, 'format:get', {})).toEqual({ parts: FORMAT });
    await barrier(ana.socket);
    expect(heard.ana).toBe(0);
  });

  it('roles go to seated people only', async () => {
    const { fran, obi } = await group();
    expect(await call(fran.socket, 'format:role', { role: 'reader', pid: obi.pid })).toEqual({
      ok: false,
      error: 'CONFLICT',
    });
    expect(await call(fran.socket, 'format:role', { role: 'reader', pid: 'nobody' })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
  });

  it('a reading gives the word to the Reader; the word comes back when the reading ends', async () => {
    const { fran, ana, ben } = await group();
    await ok(fran.socket, 'format:role', { role: 'reader', pid: ben.pid });
    await seen(ana, (v) => v.format?.reader === ben.pid);
    await ok(fran.socket, 'format:step', { move: 'next', expectIndex: null });
    await seen(ana, (v) => v.floor.holder?.pid === ben.pid);
    await ok(fran.socket, 'format:step', { move: 'next', expectIndex: 0 });
    // The go-around starts from the first seat.
    await seen(ana, (v) => v.floor.holder?.pid === fran.pid && v.floor.round !== null);
  });

  it('a Timekeeper may only signal time, once per turn, to the holder alone', async () => {
    const { fran, ana, ben, cy, obi } = await group();
    const signals = { ana: 0, cy: 0 };
    ana.socket.on('format:timeSignal', () => signals.ana++);
    cy.socket.on('format:timeSignal', () => signals.cy++);

    await ok(fran.socket, 'format:role', { role: 'timekeeper', pid: ben.pid });
    await ok(fran.socket, 'floor:give', { pid: ana.pid });
    await seen(ben, (v) => v.floor.holder?.pid === ana.pid && v.format?.timekeeper === ben.pid);

    // Not a timekeeper: members and observers are refused.
    expect(await call(cy.socket, 'format:signal', { expectHolder: ana.pid })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await call(obi.socket, 'format:signal', { expectHolder: ana.pid })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    // The role allows the signal and nothing else.
    const before = fran.view()!.seq;
    const forbidden = { ok: false, error: 'FORBIDDEN' };
    expect(await call(ben.socket, 'format:step', { move: 'next', expectIndex: null })).toEqual(forbidden);
    expect(await call(ben.socket, 'format:role', { role: 'timekeeper', pid: cy.pid })).toEqual(forbidden);
    expect(await call(ben.socket, 'floor:take', {})).toEqual(forbidden);
    expect(await call(ben.socket, 'moderation:nudge', { pid: ana.pid, preset: 'close' })).toEqual(forbidden);
    expect(await call(ben.socket, 'format:signal', { expectHolder: cy.pid })).toEqual({
      ok: false,
      error: 'STALE',
    });

    expect(await call(ben.socket, 'format:signal', { expectHolder: ana.pid })).toEqual({
      ok: true,
      data: null,
    });
    await waitUntil(() => signals.ana === 1);
    expect(await call(ben.socket, 'format:signal', { expectHolder: ana.pid })).toEqual({
      ok: false,
      error: 'CONFLICT',
    });
    await barrier(ana.socket);
    await barrier(cy.socket);
    expect(signals).toEqual({ ana: 1, cy: 0 });
    await barrier(fran.socket);
    expect(fran.view()!.seq).toBe(before);

    // Taken back, the role allows nothing.
    await ok(fran.socket, 'format:role', { role: 'timekeeper', pid: null });
    await ok(fran.socket, 'floor:give', { pid: cy.pid });
    expect(await call(ben.socket, 'format:signal', { expectHolder: cy.pid })).toEqual(forbidden);
  });

  it('a role ends when its holder leaves, and with the meeting', async () => {
    const { g, fran, ana, ben } = await group();
    await ok(fran.socket, 'format:role', { role: 'timekeeper', pid: ben.pid });
    await ok(fran.socket, 'format:role', { role: 'reader', pid: ana.pid });
    await ok(fran.socket, 'format:step', { move: 'next', expectIndex: null });
    await ok(ben.socket, 'room:leave', {});
    await seen(fran, (v) => v.format?.timekeeper === null);
    expect(fran.view()!.format?.reader).toBe(ana.pid);

    await ok(fran.socket, 'meeting:close', {});
    // The next meeting starts with no part shown and nobody in a role.
    const back = await session.join(g.links.facilitator, 'Fran');
    await seen(back, (v) => v.meetingId !== fran.view()!.meetingId);
    expect(back.view()!.format).toBeUndefined();
  });

  it('the part’s clock stands still while the meeting is paused', async () => {
    const { fran, ana } = await group();
    await ok(fran.socket, 'format:step', { move: 'next', expectIndex: null });
    await ok(fran.socket, 'meeting:pause', { on: true });
    await seen(ana, (v) => v.format?.current?.clock?.pausedAt != null);
    await ok(fran.socket, 'meeting:pause', { on: false });
    await seen(ana, (v) => v.format?.current?.clock?.pausedAt === null);
  });
});
