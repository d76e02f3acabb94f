import type { AttendanceProof, FacilitatorView } from '@circle/shared';
import { PROOF_CODE_ALPHABET, spacedProofCode } from '@circle/shared';
import { afterEach, describe, expect, it } from 'vitest';
import { readPdf } from '../src/attendance/pdfRules.js';
import { VERIFY_GUESSES } from '../src/attendance/verify.js';
import type { RunningServer } from '../src/server.js';
import { barrier, call, createGroup, joinAs, ok, seatedGroup, type Joined } from './support/client.js';
import { waitUntil } from './support/ports.js';
import { inProcess } from './support/server.js';

/** Proof of attendance: asked from the room, approved by a facilitator, checked by anyone at /verify. */
describe('proof of attendance', () => {
  let srv: RunningServer;
  const open: Joined[] = [];
  const join = async (link: string, name: string) => {
    const j = await joinAs(srv.port, link, name);
    open.push(j);
    return j;
  };
  afterEach(async () => {
    for (const j of open.splice(0)) j.socket.close();
    await srv.close();
  });

  const verify = (code: string, json = false) =>
    fetch(`http://127.0.0.1:${srv.port}${json ? '/api' : ''}/verify?code=${encodeURIComponent(code)}`);

  /** A group where Ana Maria Lopez asks and Fran approves; Ben is another member. */
  async function approvedProof() {
    const g = await createGroup(srv.port, { name: 'Wednesday harbour' });
    const fran = await join(g.links.facilitator, 'Fran');
    const ana = await join(g.links.member, 'Ana Maria Lopez');
    const ben = await join(g.links.member, 'Ben Secretname');
    const views: FacilitatorView[] = [];
    fran.socket.on('moderation:state', (v) => views.push(v));
    const proof = new Promise<AttendanceProof>((r) => ana.socket.once('attendance:proof', r));
    await ok(ana.socket, 'attendance:ask', {});
    await waitUntil(() => views.at(-1)?.proofAsks.length === 1);
    expect(views.at(-1)!.proofAsks[0]).toMatchObject({ pid: ana.pid, shownName: 'A. M. L.' });
    await ok(fran.socket, 'attendance:decide', { pid: ana.pid, approve: true });
    return { g, fran, ana, ben, proof: await proof };
  }

  it('a member asks, a facilitator approves, the member gets a code that /verify shows with nothing else', async () => {
    srv = await inProcess();
    const { fran, ana, ben, proof } = await approvedProof();
    expect(proof.code).toMatch(new RegExp(`^[${PROOF_CODE_ALPHABET}]{10}$`));
    expect(proof).toMatchObject({ groupName: 'Wednesday harbour', name: 'A. M. L.' });
    expect(proof.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);

    const json = (await (await verify(proof.code, true)).json()) as Record<string, unknown>;
    expect(json).toEqual({
      valid: true,
      groupName: 'Wednesday harbour',
      date: proof.date,
      name: 'A. M. L.',
      code: proof.code,
    });

    // Without a code: a form to type one in, in the reader's language.
    const blank = await fetch(`http://127.0.0.1:${srv.port}/verify`, {
      headers: { 'accept-language': 'fr' },
    });
    expect(blank.status).toBe(200);
    expect(await blank.text()).toContain('Code de vérification');

    // Typed by hand from paper: lower case and a dash still verify.
    const res = await verify(`${proof.code.slice(0, 5).toLowerCase()}-${proof.code.slice(5)}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    for (const shown of ['Wednesday harbour', proof.date, 'A. M. L.']) expect(page).toContain(shown);
    for (const hidden of [
      'Ana',
      'Maria',
      'Lopez',
      'Ben',
      'Secretname',
      'Fran',
      ana.pid,
      ben.pid,
      fran.pid,
      ana.identity,
    ])
      expect(page).not.toContain(hidden);
  });

  it('the proof as a PDF file: a valid PDF with the group, the day, the initials and the code, nobody else', async () => {
    srv = await inProcess();
    const { fran, ana, ben, proof } = await approvedProof();
    const pdf = (code: string, lang = 'fr') =>
      fetch(`http://127.0.0.1:${srv.port}/verify/proof.pdf?code=${encodeURIComponent(code)}`, {
        headers: { 'accept-language': lang },
      });
    const res = await pdf(proof.code);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const file = Buffer.from(await res.arrayBuffer());
    const { problems, texts } = readPdf(file);
    expect(problems).toEqual([]);
    expect(texts).toEqual(
      expect.arrayContaining([
        'Attestation de présence',
        'Wednesday harbour',
        'A. M. L.',
        spacedProofCode(proof.code),
      ]),
    );
    const raw = file.toString('latin1');
    for (const hidden of [
      'Ana',
      'Maria',
      'Lopez',
      'Ben',
      'Secretname',
      'Fran',
      ana.pid,
      ben.pid,
      fran.pid,
      ana.identity,
    ])
      expect(raw).not.toContain(hidden);
    // The printable page links to it; a forged code gets no file, and counts as a wrong guess.
    expect(await (await verify(proof.code)).text()).toContain(`/verify/proof.pdf?code=${proof.code}`);
    const forged = await pdf(proof.code.slice(0, 9) + (proof.code.endsWith('2') ? '3' : '2'));
    expect(forged.status).toBe(404);
    expect((await forged.arrayBuffer()).byteLength).toBe(0);
    // A reader in Russian gets English words (the fonts draw no Cyrillic), still a valid file.
    expect(readPdf(Buffer.from(await (await pdf(proof.code, 'ru')).arrayBuffer())).texts).toContain(
      'Proof of attendance',
    );
  });

  it('a forged code does not verify; guesses are limited per address, right codes included', async () => {
    srv = await inProcess();
    const { proof } = await approvedProof();
    const forged = proof.code.slice(0, 9) + (proof.code.endsWith('2') ? '3' : '2');
    const bad = await verify(forged);
    expect(bad.status).toBe(404);
    expect(await bad.text()).not.toContain('Wednesday harbour');
    expect((await verify('not-a-code', true)).status).toBe(404);
    for (let i = 2; i < VERIFY_GUESSES; i++) expect((await verify(forged, true)).status).toBe(404);
    // The limit reached, even the real code gets "too many tries": guessing gains nothing.
    expect((await verify(forged, true)).status).toBe(429);
    expect((await verify(proof.code, true)).status).toBe(429);
  });

  it('another member can neither see a request nor approve it; the answer goes to the asker alone', async () => {
    srv = await inProcess();
    const { fran, ana, ben } = await seatedGroup(
      srv.port,
      { facilitators: ['Fran'], members: ['Ana', 'Ben'] },
      {},
      join,
    );
    const benSaw: unknown[] = [];
    for (const e of ['moderation:state', 'attendance:proof', 'attendance:declined'] as const)
      ben.socket.on(e, (v: unknown) => benSaw.push(v));
    const franViews: FacilitatorView[] = [];
    fran.socket.on('moderation:state', (v) => franViews.push(v));

    await ok(ana.socket, 'attendance:ask', { shownAs: 'firstName' });
    await waitUntil(() => franViews.at(-1)?.proofAsks[0]?.shownName === 'Ana');
    expect(await call(ben.socket, 'attendance:decide', { pid: ana.pid, approve: true })).toEqual({
      ok: false,
      error: 'FORBIDDEN',
    });
    expect(await call(ben.socket, 'moderation:view', {})).toEqual({ ok: false, error: 'FORBIDDEN' });
    // Bad input is a typed refusal, never a crash.
    expect(await call(ana.socket, 'attendance:ask', { shownAs: 'fullName' })).toEqual({
      ok: false,
      error: 'BAD_REQUEST',
    });

    const declined = new Promise<void>((r) => ana.socket.once('attendance:declined', () => r()));
    await ok(fran.socket, 'attendance:decide', { pid: ana.pid, approve: false });
    await declined;
    await waitUntil(() => franViews.at(-1)?.proofAsks.length === 0);
    // Answered once: a second answer finds nothing.
    expect(await call(fran.socket, 'attendance:decide', { pid: ana.pid, approve: true })).toEqual({
      ok: false,
      error: 'NOT_FOUND',
    });
    await barrier(ben.socket);
    expect(benSaw).toEqual([]);
  });

  it('an unanswered request goes with the meeting; the proofs given stay', async () => {
    srv = await inProcess();
    const { fran, ana, proof } = await approvedProof();
    await ok(ana.socket, 'attendance:ask', { shownAs: 'firstName' });
    const asks = async () => (await srv.store.keys('')).filter((k) => k.includes('proofAsks'));
    expect(await asks()).toHaveLength(1);
    await ok(fran.socket, 'meeting:close', {});
    await waitUntil(async () => (await asks()).length === 0);
    expect((await verify(proof.code, true)).status).toBe(200);
  });

  it('deleting the group removes its proofs: the code no longer verifies', async () => {
    srv = await inProcess();
    const { fran, proof } = await approvedProof();
    expect((await verify(proof.code, true)).status).toBe(200);
    // The proof and its code index are stored (so the check below can fail).
    expect((await srv.store.keys('')).filter((k) => k.includes(proof.code))).toHaveLength(2);
    await ok(fran.socket, 'meeting:deleteGroup', { confirm: true });
    expect((await verify(proof.code, true)).status).toBe(404);
    const left = await srv.store.keys('');
    expect(left.filter((k) => k.includes(proof.code))).toEqual([]);
  });
});
