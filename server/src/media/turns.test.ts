import { describe, expect, it } from 'vitest';
import { MediaTurns } from './turns.js';

/** A step that finishes when told to, recording when it started and ended. */
function steps(log: string[]) {
  const open = new Map<string, () => void>();
  const step =
    (name: string, fail = false) =>
    () =>
      new Promise<string>((resolve, reject) => {
        log.push(`${name}+`);
        open.set(name, () => {
          log.push(`${name}-`);
          if (fail) reject(new Error(name));
          else resolve(name);
        });
      });
  const finish = async (name: string) => {
    for (let i = 0; i < 20 && !open.has(name); i++) await Promise.resolve();
    open.get(name)!();
    open.delete(name);
    for (let i = 0; i < 20; i++) await Promise.resolve();
  };
  return { step, finish };
}

describe('media turns', () => {
  it("connections' own requests run side by side, each connection's in order", async () => {
    const log: string[] = [];
    const { step, finish } = steps(log);
    const turns = new MediaTurns();
    const done = [turns.own('a', step('a1')), turns.own('b', step('b1')), turns.own('a', step('a2'))];
    await finish('b1');
    expect(log).toEqual(['a1+', 'b1+', 'b1-']);
    await finish('a1');
    await finish('a2');
    expect(log).toEqual(['a1+', 'b1+', 'b1-', 'a1-', 'a2+', 'a2-']);
    expect(await Promise.all(done)).toEqual(['a1', 'b1', 'a2']);
  });

  it('a change of the whole meeting waits for the requests before it, and those after it wait for it', async () => {
    const log: string[] = [];
    const { step, finish } = steps(log);
    const turns = new MediaTurns();
    const all = [
      turns.own('a', step('a1')),
      turns.alone(step('sync')),
      turns.own('b', step('b1')),
      turns.own('a', step('a2')),
    ];
    await finish('a1');
    expect(log).toEqual(['a1+', 'a1-', 'sync+']);
    await finish('sync');
    expect(log).toEqual(['a1+', 'a1-', 'sync+', 'sync-', 'b1+', 'a2+']);
    await finish('a2');
    await finish('b1');
    await Promise.all(all);
  });

  it('a refused request stops neither its connection nor the meeting', async () => {
    const log: string[] = [];
    const { step, finish } = steps(log);
    const turns = new MediaTurns();
    const failed = turns.own('a', step('a1', true));
    const next = turns.own('a', step('a2'));
    const sync = turns.alone(step('sync'));
    await finish('a1');
    await expect(failed).rejects.toThrow('a1');
    await finish('a2');
    await finish('sync');
    expect(await next).toBe('a2');
    expect(await sync).toBe('sync');
  });
});
