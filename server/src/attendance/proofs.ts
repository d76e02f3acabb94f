import type { AttendanceProof, ProofAsk } from '@circle/shared';
import { groupKey } from '../groups/service.js';
import type { Store } from '../store/index.js';

/**
 * Where proofs of attendance live. The proof itself is under the group's prefix, so deleting the group
 * deletes it; `/verify` finds it from the code alone through a small index (code → group id, nothing
 * else), which the group's deletion removes too.
 */
export const proofKeys = {
  asks: (g: string, meetingId: string) => `${groupKey(g)}proofAsks:${meetingId}`,
  proof: (g: string, code: string) => `${groupKey(g)}proof:${code}`,
  codes: (g: string) => `${groupKey(g)}proofCodes`,
  index: (code: string) => `proofIndex:${code}`,
};

export function readProofAsks(store: Store, groupId: string, meetingId: string): Promise<ProofAsk[]> {
  return store.read<ProofAsk>(proofKeys.asks(groupId, meetingId));
}

/** One request per person: asking again replaces the first (another choice of name). In one step. */
export function putProofAsk(store: Store, groupId: string, meetingId: string, ask: ProofAsk): Promise<void> {
  return store.rewriteLog<ProofAsk>(proofKeys.asks(groupId, meetingId), (asks) => [
    ...asks.filter((a) => a.pid !== ask.pid),
    ask,
  ]);
}

/** Takes a person's request out; returns it, or null when there was none. */
export async function takeProofAsk(
  store: Store,
  groupId: string,
  meetingId: string,
  pid: string,
): Promise<ProofAsk | null> {
  const key = proofKeys.asks(groupId, meetingId);
  const ask = (await store.read<ProofAsk>(key)).find((a) => a.pid === pid) ?? null;
  if (ask) await store.rewriteLog<ProofAsk>(key, (asks) => asks.filter((a) => a.pid !== pid));
  return ask;
}

export async function saveProof(store: Store, groupId: string, proof: AttendanceProof): Promise<void> {
  await store.put(proofKeys.proof(groupId, proof.code), proof);
  await store.append(proofKeys.codes(groupId), proof.code);
  await store.put(proofKeys.index(proof.code), { groupId });
}

/** The proof a code stands for, or null: unknown, or its group deleted. */
export async function findProof(store: Store, code: string): Promise<AttendanceProof | null> {
  const index = await store.get<{ groupId: string }>(proofKeys.index(code));
  if (!index) return null;
  const proof = await store.get<AttendanceProof>(proofKeys.proof(index.groupId, code));
  // A deletion cut short (a node killed between the two steps) left the index: it goes now.
  if (!proof) await store.del(proofKeys.index(code));
  return proof;
}

/** Called when the group is deleted, before its prefix goes: the index entries are outside it. */
export async function forgetProofIndex(store: Store, groupId: string): Promise<void> {
  for (const code of await store.read<string>(proofKeys.codes(groupId)))
    await store.del(proofKeys.index(code));
}
