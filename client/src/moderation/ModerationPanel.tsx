import { useState } from 'react';
import { LIMITS } from '@circle/shared';
import type { Whisper } from '@circle/shared';
import { PrivateThread } from '../chat/PrivateThread';
import { describeError } from '../errors';
import { useIntl } from 'react-intl';
import { useRoomContext } from '../room/RoomContext';

export const NUDGES = [
  "Let's give others a chance to share.",
  "Let's keep to our own experience.",
  'Could you bring it gently to a close?',
  'Please take a breath; we are here with you.',
];

interface Props {
  whispers: Whisper[];
  /** The person chosen, shared with the console (Needs attention picks whoever wrote). */
  picked: string;
  setPicked: (pid: string) => void;
  /** Holding one person's microphone (the media domain's command; the server enforces the hold). */
  microphone: {
    held: Set<string>;
    hold: (pid: string) => Promise<unknown> | null;
    release: (pid: string) => Promise<unknown> | null;
  };
}

/** Facilitators: the lightest tools first, for one person at a time. */
export function ModerationPanel({ whispers, picked, setPicked, microphone }: Props) {
  const intl = useIntl();
  const { view, act } = useRoomContext();
  const { participants, floor } = view;
  const people = participants.filter((p) => p.role !== 'facilitator');
  const [nudge, setNudge] = useState(NUDGES[0]!);
  const [note, setNote] = useState('');
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [confirmGroup, setConfirmGroup] = useState(false);
  const [micProblem, setMicProblem] = useState<string | null>(null);
  const mic = (p: Promise<unknown> | null) =>
    void p?.then(
      () => setMicProblem(null),
      (err: unknown) => setMicProblem(describeError(intl, err)),
    );
  const person = people.find((p) => p.pid === picked) ?? null;
  const pid = person?.pid ?? '';
  const member = person?.role === 'member';
  // Threads with people who wrote first are easy to find: they are marked in the list.
  const wrote = new Set(whispers.filter((w) => w.from === w.member).map((w) => w.member));

  return (
    <section className="panel moderation" aria-labelledby="moderation-heading">
      <h2 id="moderation-heading">With one person</h2>
      <div className="field">
        <label htmlFor="moderation-person">Participant</label>
        <select
          id="moderation-person"
          value={pid}
          onChange={(e) => {
            setPicked(e.target.value);
            setConfirmRemove(false);
          }}
        >
          <option value="">Choose someone…</option>
          {people.map((p) => (
            <option key={p.pid} value={p.pid}>
              {p.name}
              {p.role === 'observer' ? ' (observer)' : ''}
              {wrote.has(p.pid) ? ' (wrote to you)' : ''}
            </option>
          ))}
        </select>
      </div>
      {person && (
        <>
          {member && (
            <PrivateThread member={pid} whispers={whispers} label={`Private word to ${person.name}`} />
          )}
          <div className="field">
            <label htmlFor="nudge-text">Nudge</label>
            <select id="nudge-text" value={nudge} onChange={(e) => setNudge(e.target.value)}>
              {NUDGES.map((n) => (
                <option key={n}>{n}</option>
              ))}
            </select>
          </div>
          <div className="button-row">
            {floor.seats.includes(pid) && floor.holder?.pid !== pid && (
              // Aimed at the floor this screen shows, like every floor move: a moved floor refuses it.
              <button
                type="button"
                onClick={() => void act('floor:give', { pid, expectHolder: floor.holder?.pid ?? null })}
              >
                Give the word to {person.name}
              </button>
            )}
            <button type="button" onClick={() => void act('moderation:nudge', { pid, text: nudge })}>
              Send nudge
            </button>
            {member &&
              (microphone.held.has(pid) ? (
                <button type="button" onClick={() => mic(microphone.release(pid))}>
                  Give back {person.name}’s microphone
                </button>
              ) : (
                <button type="button" onClick={() => mic(microphone.hold(pid))}>
                  Hold {person.name}’s microphone
                </button>
              ))}
            {floor.queue.includes(pid) && (
              <button type="button" onClick={() => void act('floor:lower', { pid })}>
                Lower their hand
              </button>
            )}
            {member && floor.seats.includes(pid) && (
              <button type="button" onClick={() => void act('moderation:sideOpen', { pid })}>
                Talk privately in a side room
              </button>
            )}
          </div>
          {micProblem && (
            <p className="error" role="alert">
              {micProblem}
            </p>
          )}
          <div className="field">
            <label htmlFor="lobby-note">Note when sending back to the lobby (optional)</label>
            <input
              id="lobby-note"
              value={note}
              maxLength={LIMITS.noteMax}
              onChange={(e) => setNote(e.target.value)}
            />
          </div>
          <div className="button-row">
            <button
              type="button"
              onClick={() =>
                void act('moderation:toLobby', { pid, message: note.trim() }).then(
                  (ok) => ok && setPicked(''),
                )
              }
            >
              Back to the lobby
            </button>
            {confirmRemove ? (
              <>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void act('moderation:remove', { pid }).then((ok) => ok && setPicked(''))}
                >
                  Yes, remove {person.name}
                </button>
                <button type="button" onClick={() => setConfirmRemove(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
                Remove from this meeting
              </button>
            )}
          </div>
          {confirmRemove && (
            <p className="hint" role="status">
              {person.name} will not be able to come back to this meeting, and from now on everyone new waits
              in the lobby.
            </p>
          )}
          <div className="button-row">
            {confirmGroup ? (
              <>
                <button
                  type="button"
                  className="danger"
                  onClick={() =>
                    void act('moderation:removeFromGroup', { pid }).then((ok) => {
                      if (!ok) return;
                      setPicked('');
                      setConfirmGroup(false);
                    })
                  }
                >
                  Yes, remove {person.name} from the group
                </button>
                <button type="button" onClick={() => setConfirmGroup(false)}>
                  Cancel
                </button>
              </>
            ) : (
              <button
                type="button"
                className="danger"
                aria-describedby="remove-group-hint"
                onClick={() => setConfirmGroup(true)}
              >
                Remove from the group
              </button>
            )}
          </div>
          <p className="hint" id="remove-group-hint" role={confirmGroup ? 'status' : undefined}>
            The last resort, when every lighter step has failed: the group does not exclude people lightly.{' '}
            {confirmGroup
              ? `${person.name} leaves this meeting and cannot join any later one until a facilitator lets them back in (Group settings).`
              : 'It lasts beyond this meeting, until a facilitator lets them back in.'}
          </p>
        </>
      )}
    </section>
  );
}
