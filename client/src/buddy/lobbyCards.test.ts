import { describe, expect, it } from 'vitest';
import { lobbyCards } from './lobbyCards';

const entry = (pid: string, since: number) => ({ pid, name: pid, since });

describe('the lobby as cards', () => {
  it('shows a pair waiting together as one card, where the first of them arrived', () => {
    const cards = lobbyCards(
      [entry('ana', 1), entry('cy', 2), entry('nia', 3)],
      [{ companion: 'ana', newcomer: 'nia' }],
    );
    expect(cards.map((c) => c.people.map((p) => p.pid))).toEqual([['ana', 'nia'], ['cy']]);
  });

  it('says a newcomer’s companion is already inside', () => {
    const cards = lobbyCards([entry('nia', 1)], [{ companion: 'ana', newcomer: 'nia' }]);
    expect(cards).toEqual([{ people: [entry('nia', 1)], companionInside: 'ana' }]);
  });

  it('shows people without a buddy one by one', () => {
    expect(lobbyCards([entry('cy', 1)], [])).toEqual([{ people: [entry('cy', 1)], companionInside: null }]);
  });
});
