import type { BalanceSummary, BoardAccess, Role } from '@circle/shared';

/**
 * Who may do what with one balance. The owner edits; while the owner is in the meeting, facilitators edit
 * too and, once the owner shares it, members may suggest and observers read. A balance whose owner is not
 * in the room is nobody else's business. An owner who came in as an observer still only reads.
 */
export function accessFor(
  balance: BalanceSummary,
  viewer: { pid: string; role: Role },
  ownerPresent: boolean,
): BoardAccess | null {
  const own = balance.owner === viewer.pid;
  if (viewer.role === 'observer') return own || (balance.shared && ownerPresent) ? 'read' : null;
  if (own) return 'edit';
  if (!ownerPresent) return null;
  if (viewer.role === 'facilitator') return 'edit';
  return balance.shared ? 'suggest' : null;
}
