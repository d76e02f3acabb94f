import { useState } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import { LIMITS, NUDGE_PRESETS } from '@circle/shared';
import type { NudgePreset } from '@circle/shared';
import { PrivateThread } from '../chat/PrivateThread';
import type { ShownWhisper } from '../chat/useChat';
import { describeError } from '../errors';
import { useRoomContext } from '../room/RoomContext';
import { nudgeText } from './nudgePresets';

const m = defineMessages({
  heading: { id: 'moderation.ModerationPanel.heading', defaultMessage: 'With one person' },
  participant: { id: 'moderation.ModerationPanel.participant', defaultMessage: 'Participant' },
  choose: { id: 'moderation.ModerationPanel.choose', defaultMessage: 'Choose someone…' },
  person: {
    id: 'moderation.ModerationPanel.person',
    defaultMessage:
      '{name}{observer, select, yes { (observer)} other {}}{wrote, select, yes { (wrote to you)} other {}}',
    description: 'A person in the list: their name, marked if they only observe or wrote to the facilitators',
  },
  privateWord: { id: 'moderation.ModerationPanel.privateWord', defaultMessage: 'Private word to {name}' },
  nudge: {
    id: 'moderation.ModerationPanel.nudge',
    defaultMessage: 'Nudge',
    description: 'A gentle note a facilitator sends one person, only they see it',
  },
  give: { id: 'moderation.ModerationPanel.give', defaultMessage: 'Give the word to {name}' },
  sendNudge: { id: 'moderation.ModerationPanel.sendNudge', defaultMessage: 'Send nudge' },
  giveBackMic: {
    id: 'moderation.ModerationPanel.giveBackMic',
    defaultMessage: 'Give back {name}’s microphone',
  },
  holdMic: { id: 'moderation.ModerationPanel.holdMic', defaultMessage: 'Hold {name}’s microphone' },
  lowerHand: { id: 'moderation.ModerationPanel.lowerHand', defaultMessage: 'Lower their hand' },
  sideRoom: { id: 'moderation.ModerationPanel.sideRoom', defaultMessage: 'Talk privately in a side room' },
  lobbyNote: {
    id: 'moderation.ModerationPanel.lobbyNote',
    defaultMessage: 'Note when sending back to the lobby (optional)',
  },
  toLobby: { id: 'moderation.ModerationPanel.toLobby', defaultMessage: 'Back to the lobby' },
  yesRemove: { id: 'moderation.ModerationPanel.yesRemove', defaultMessage: 'Yes, remove {name}' },
  cancel: { id: 'moderation.ModerationPanel.cancel', defaultMessage: 'Cancel' },
  removeMeeting: {
    id: 'moderation.ModerationPanel.removeMeeting',
    defaultMessage: 'Remove from this meeting',
  },
  removeHint: {
    id: 'moderation.ModerationPanel.removeHint',
    defaultMessage:
      '{name} will not be able to come back to this meeting, and from now on everyone new waits in the lobby.',
  },
  yesRemoveGroup: {
    id: 'moderation.ModerationPanel.yesRemoveGroup',
    defaultMessage: 'Yes, remove {name} from the group',
  },
  removeGroup: { id: 'moderation.ModerationPanel.removeGroup', defaultMessage: 'Remove from the group' },
  lastResort: {
    id: 'moderation.ModerationPanel.lastResort',
    defaultMessage:
      'The last resort, when every lighter step has failed: the group does not exclude people lightly.',
  },
  groupConfirmHint: {
    id: 'moderation.ModerationPanel.groupConfirmHint',
    defaultMessage:
      '{name} leaves this meeting and cannot join any later one until a facilitator lets them back in (Group settings).',
    description: '“Group settings” is the name of the panel where the facilitators let people back in',
  },
  groupHint: {
    id: 'moderation.ModerationPanel.groupHint',
    defaultMessage: 'It lasts beyond this meeting, until a facilitator lets them back in.',
  },
});

interface Props {
  whispers: ShownWhisper[];
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
  const [nudge, setNudge] = useState<NudgePreset>(NUDGE_PRESETS[0]);
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
      <h2 id="moderation-heading">{intl.formatMessage(m.heading)}</h2>
      <div className="field">
        <label htmlFor="moderation-person">{intl.formatMessage(m.participant)}</label>
        <select
          id="moderation-person"
          value={pid}
          onChange={(e) => {
            setPicked(e.target.value);
            setConfirmRemove(false);
          }}
        >
          <option value="">{intl.formatMessage(m.choose)}</option>
          {people.map((p) => (
            <option key={p.pid} value={p.pid}>
              {intl.formatMessage(m.person, {
                name: p.name,
                observer: p.role === 'observer' ? 'yes' : 'no',
                wrote: wrote.has(p.pid) ? 'yes' : 'no',
              })}
            </option>
          ))}
        </select>
      </div>
      {person && (
        <>
          {member && (
            <PrivateThread
              member={pid}
              whispers={whispers}
              label={intl.formatMessage(m.privateWord, { name: person.name })}
            />
          )}
          <div className="field">
            <label htmlFor="nudge-text">{intl.formatMessage(m.nudge)}</label>
            <select id="nudge-text" value={nudge} onChange={(e) => setNudge(e.target.value as NudgePreset)}>
              {NUDGE_PRESETS.map((n) => (
                <option key={n} value={n}>
                  {nudgeText(intl, n)}
                </option>
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
                {intl.formatMessage(m.give, { name: person.name })}
              </button>
            )}
            {/* Sent as its code: the member reads it in their own language. */}
            <button type="button" onClick={() => void act('moderation:nudge', { pid, preset: nudge })}>
              {intl.formatMessage(m.sendNudge)}
            </button>
            {member &&
              (microphone.held.has(pid) ? (
                <button type="button" onClick={() => mic(microphone.release(pid))}>
                  {intl.formatMessage(m.giveBackMic, { name: person.name })}
                </button>
              ) : (
                <button type="button" onClick={() => mic(microphone.hold(pid))}>
                  {intl.formatMessage(m.holdMic, { name: person.name })}
                </button>
              ))}
            {floor.queue.includes(pid) && (
              <button type="button" onClick={() => void act('floor:lower', { pid })}>
                {intl.formatMessage(m.lowerHand)}
              </button>
            )}
            {member && floor.seats.includes(pid) && (
              <button type="button" onClick={() => void act('moderation:sideOpen', { pid })}>
                {intl.formatMessage(m.sideRoom)}
              </button>
            )}
          </div>
          {micProblem && (
            <p className="error" role="alert">
              {micProblem}
            </p>
          )}
          <div className="field">
            <label htmlFor="lobby-note">{intl.formatMessage(m.lobbyNote)}</label>
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
              {intl.formatMessage(m.toLobby)}
            </button>
            {confirmRemove ? (
              <>
                <button
                  type="button"
                  className="danger"
                  onClick={() => void act('moderation:remove', { pid }).then((ok) => ok && setPicked(''))}
                >
                  {intl.formatMessage(m.yesRemove, { name: person.name })}
                </button>
                <button type="button" onClick={() => setConfirmRemove(false)}>
                  {intl.formatMessage(m.cancel)}
                </button>
              </>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirmRemove(true)}>
                {intl.formatMessage(m.removeMeeting)}
              </button>
            )}
          </div>
          {confirmRemove && (
            <p className="hint" role="status">
              {intl.formatMessage(m.removeHint, { name: person.name })}
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
                  {intl.formatMessage(m.yesRemoveGroup, { name: person.name })}
                </button>
                <button type="button" onClick={() => setConfirmGroup(false)}>
                  {intl.formatMessage(m.cancel)}
                </button>
              </>
            ) : (
              <button
                type="button"
                className="danger"
                aria-describedby="remove-group-hint"
                onClick={() => setConfirmGroup(true)}
              >
                {intl.formatMessage(m.removeGroup)}
              </button>
            )}
          </div>
          <p className="hint" id="remove-group-hint" role={confirmGroup ? 'status' : undefined}>
            {intl.formatMessage(m.lastResort)}{' '}
            {confirmGroup
              ? intl.formatMessage(m.groupConfirmHint, { name: person.name })
              : intl.formatMessage(m.groupHint)}
          </p>
        </>
      )}
    </section>
  );
}
