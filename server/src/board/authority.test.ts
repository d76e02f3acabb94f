import * as B from '@circle/shared';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { BalanceAuthority, type Actor } from './authority.js';

const owner: Actor = { pid: 'owner', access: 'edit' };
const ana: Actor = { pid: 'ana', access: 'suggest' };

/** A client copy in sync with the authority, whose next local change is returned as one update. */
function client(auth: BalanceAuthority) {
  const doc = B.createBoardDoc();
  Y.applyUpdate(doc, auth.encodeState());
  return {
    doc,
    change(fn: (d: Y.Doc) => void): Uint8Array {
      const sv = Y.encodeStateVector(doc);
      fn(doc);
      return Y.encodeStateAsUpdate(doc, sv);
    },
  };
}

function accept(auth: BalanceAuthority, u: Uint8Array, actor: Actor) {
  const v = auth.check(u, actor);
  expect(v).toEqual({ ok: true, changed: true });
  auth.commit(u, actor.pid);
}

describe('the authority decides on every update', () => {
  it('lets the owner change items and a member only add their own suggestions', () => {
    const auth = new BalanceAuthority();
    accept(
      auth,
      client(auth).change((d) => B.addItem(d, 'now-good', 'Relaxing', 3)),
      owner,
    );
    const c = client(auth);
    accept(
      auth,
      c.change((d) => B.suggest(d, { quadrant: 'now-bad', text: 'Sleep', importance: 4 }, 'ana', 1)),
      ana,
    );
    expect(B.readModel(auth.doc).suggestions.map((s) => s.text)).toEqual(['Sleep']);
    // And withdraw it again.
    const sid = B.readModel(c.doc).suggestions[0]!.id;
    accept(
      auth,
      c.change((d) => B.dismissSuggestion(d, sid)),
      ana,
    );
    expect(B.readModel(auth.doc).suggestions).toEqual([]);
  });

  it('refuses a member touching items, goals or the stage, and leaves the authoritative copy alone', () => {
    const auth = new BalanceAuthority();
    accept(
      auth,
      client(auth).change((d) => B.addItem(d, 'now-good', 'Relaxing', 3)),
      owner,
    );
    const before = Y.encodeStateAsUpdate(auth.doc);
    const id = B.readModel(auth.doc).items['now-good'][0]!.id;
    const forgeries: ((d: Y.Doc) => void)[] = [
      (d) => B.addItem(d, 'change-good', 'Forged', 5),
      (d) => B.updateItem(d, id, { importance: 1 }),
      (d) => B.removeItem(d, id),
      (d) => B.setStage(d, 'action'),
      (d) => B.addGoal(d, 'Forged goal'),
      (d) => d.getMap('elsewhere').set('x', 1),
      (d) => {
        B.suggest(d, { quadrant: 'now-bad', text: 'Cover', importance: 2 }, 'ana', 1);
        B.removeItem(d, id);
      },
    ];
    for (const forge of forgeries) {
      expect(auth.check(client(auth).change(forge), ana)).toEqual({ ok: false, error: 'FORBIDDEN' });
    }
    expect(Y.encodeStateAsUpdate(auth.doc)).toEqual(before);
    // The shadow was rebuilt: an honest suggestion still goes through afterwards.
    accept(
      auth,
      client(auth).change((d) => B.suggest(d, { quadrant: 'now-bad', text: 'Ok', importance: 2 }, 'ana', 2)),
      ana,
    );
  });

  it("refuses suggestions in someone else's name and changes to someone else's suggestion", () => {
    const auth = new BalanceAuthority();
    accept(
      auth,
      client(auth).change((d) =>
        B.suggest(d, { quadrant: 'now-bad', text: 'Ben says', importance: 2 }, 'ben', 1),
      ),
      { pid: 'ben', access: 'suggest' },
    );
    const sid = B.readModel(auth.doc).suggestions[0]!.id;
    const forge = (fn: (d: Y.Doc) => void) => auth.check(client(auth).change(fn), ana);
    expect(
      forge((d) => B.suggest(d, { quadrant: 'now-bad', text: 'As Ben', importance: 2 }, 'ben', 1)),
    ).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(forge((d) => B.dismissSuggestion(d, sid))).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(
      forge((d) =>
        B.roots(d).suggestions.set(sid, {
          quadrant: 'now-bad',
          text: 'Mine now',
          importance: 2,
          by: 'ana',
          at: 1,
        }),
      ),
    ).toEqual({ ok: false, error: 'FORBIDDEN' });
    expect(
      forge((d) =>
        B.roots(d).suggestions.set('x', {
          quadrant: 'nowhere',
          text: 'Bad',
          importance: 9,
          by: 'ana',
          at: 1,
        }),
      ),
    ).toEqual({ ok: false, error: 'FORBIDDEN' });
    // The owner may accept or dismiss anyone's.
    accept(
      auth,
      client(auth).change((d) => B.acceptSuggestion(d, sid)),
      owner,
    );
    expect(B.readModel(auth.doc).items['now-bad'].map((i) => i.text)).toEqual(['Ben says']);
  });

  it("refuses updates written with another person's Yjs client id", () => {
    const auth = new BalanceAuthority();
    const mine = client(auth);
    accept(
      auth,
      mine.change((d) => B.addItem(d, 'now-good', 'One', 3)),
      owner,
    );
    // A member forges a suggestion under the owner's client id, to squat the owner's next clock range.
    const squat = B.createBoardDoc();
    Y.applyUpdate(squat, auth.encodeState());
    squat.clientID = mine.doc.clientID;
    const sv = Y.encodeStateVector(squat);
    B.suggest(squat, { quadrant: 'now-bad', text: 'Squat', importance: 1 }, 'ana', 1);
    expect(auth.check(Y.encodeStateAsUpdate(squat, sv), ana)).toEqual({ ok: false, error: 'FORBIDDEN' });
    accept(
      auth,
      mine.change((d) => B.addItem(d, 'now-good', 'Two', 3)),
      owner,
    );
    expect(B.readModel(auth.doc).items['now-good'].map((i) => i.text)).toEqual(['One', 'Two']);
  });

  it('refuses corrupt bytes, updates that depend on something missing, and oversized ones', () => {
    const auth = new BalanceAuthority();
    expect(auth.check(new Uint8Array([1, 2, 3, 250, 250, 250]), owner)).toMatchObject({ ok: false });
    const c = client(auth);
    c.change((d) => B.addItem(d, 'now-good', 'First (never sent)', 3));
    const second = c.change((d) => B.addItem(d, 'now-good', 'Second', 3));
    expect(auth.check(second, owner)).toEqual({ ok: false, error: 'CONFLICT' });
    expect(auth.check(new Uint8Array(B.BOARD_LIMITS.messageMax + 1), owner)).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });
    expect(B.readModel(auth.doc).items['now-good']).toEqual([]);
  });

  it('caps how many open suggestions one person may have on a balance', () => {
    const auth = new BalanceAuthority();
    const c = client(auth);
    for (let i = 0; i < B.BOARD_LIMITS.openSuggestionsPerPerson; i++)
      accept(
        auth,
        c.change((d) => B.suggest(d, { quadrant: 'now-bad', text: `S${i}`, importance: 1 }, 'ana', i)),
        ana,
      );
    const more = c.change((d) =>
      B.suggest(d, { quadrant: 'now-bad', text: 'One too many', importance: 1 }, 'ana', 99),
    );
    expect(auth.check(more, ana)).toEqual({ ok: false, error: 'FORBIDDEN' });
    // Withdrawing one is still fine.
    const fresh = client(auth);
    const first = B.readModel(fresh.doc).suggestions[0]!.id;
    accept(
      auth,
      fresh.change((d) => B.dismissSuggestion(d, first)),
      ana,
    );
  });

  it('reports a repeated update as no change, so it is not stored twice', () => {
    const auth = new BalanceAuthority();
    const u = client(auth).change((d) => B.addItem(d, 'now-good', 'Once', 3));
    accept(auth, u, owner);
    expect(auth.check(u, owner)).toEqual({ ok: true, changed: false });
  });

  it('refuses growth past a cap but still lets a full balance shrink or change in place', () => {
    const auth = new BalanceAuthority();
    const c = client(auth);
    // In several updates, each under the message cap.
    for (let i = 0; i < B.BOARD_LIMITS.itemsPerBalance; i += 20)
      accept(
        auth,
        c.change((d) => {
          for (let k = i; k < i + 20; k++) B.addItem(d, 'now-good', `R${k}`, 2);
        }),
        owner,
      );
    const before = Y.encodeStateAsUpdate(auth.doc);
    expect(
      auth.check(
        client(auth).change((d) => B.addItem(d, 'now-bad', 'More', 1)),
        owner,
      ),
    ).toEqual({
      ok: false,
      error: 'LIMIT',
    });
    expect(Y.encodeStateAsUpdate(auth.doc)).toEqual(before);
    const [first, second] = B.readModel(auth.doc).items['now-good'];
    accept(
      auth,
      client(auth).change((d) => B.updateItem(d, first!.id, { importance: 5 })),
      owner,
    );
    accept(
      auth,
      client(auth).change((d) => B.removeItem(d, second!.id)),
      owner,
    );
    expect(B.itemCount(B.readModel(auth.doc))).toBe(B.BOARD_LIMITS.itemsPerBalance - 1);
  });
});
