import { useState } from 'react';
import type { FormEvent } from 'react';
import { defineMessages, useIntl } from 'react-intl';
import {
  FORMAT_LIMITS,
  FORMAT_PART_KINDS,
  LIMITS,
  MeetingFormatSchema,
  TURN_LIMIT_PRESETS_SEC,
  utf8Bytes,
} from '@circle/shared';
import type { FormatPart } from '@circle/shared';
import { useRoomContext } from '../room/RoomContext';
import { useSavedFormat } from './useSavedFormat';
import { KIND_LABELS } from './labels';
import { TEMPLATE_IDS, templateName, templateParts, type TemplateId } from './templates';
import { turnLimitWords } from './CurrentPart';

const m = defineMessages({
  heading: { id: 'format.FormatEditor.heading', defaultMessage: 'Meeting format' },
  intro: {
    id: 'format.FormatEditor.intro',
    defaultMessage:
      'The parts of your meeting, in order. During the meeting, Next part shows each one to everyone.',
  },
  template: { id: 'format.FormatEditor.template', defaultMessage: 'Start from a template' },
  useTemplate: { id: 'format.FormatEditor.useTemplate', defaultMessage: 'Use this template' },
  templateHint: {
    id: 'format.FormatEditor.templateHint',
    defaultMessage: 'It replaces the parts below; nothing is kept until you save. Edit it to fit your group.',
  },
  part: { id: 'format.FormatEditor.part', defaultMessage: 'Part {number}' },
  title: { id: 'format.FormatEditor.title', defaultMessage: 'Title' },
  kind: { id: 'format.FormatEditor.kind', defaultMessage: 'What happens' },
  minutes: { id: 'format.FormatEditor.minutes', defaultMessage: 'Length in minutes (optional)' },
  turnLimit: { id: 'format.FormatEditor.turnLimit', defaultMessage: 'Per-turn limit' },
  otherLimit: { id: 'format.FormatEditor.otherLimit', defaultMessage: 'Other (seconds)' },
  seconds: { id: 'format.FormatEditor.seconds', defaultMessage: 'Per-turn limit in seconds' },
  text: { id: 'format.FormatEditor.text', defaultMessage: 'Text to read (optional)' },
  up: { id: 'format.FormatEditor.up', defaultMessage: 'Move part {number} up' },
  down: { id: 'format.FormatEditor.down', defaultMessage: 'Move part {number} down' },
  remove: { id: 'format.FormatEditor.remove', defaultMessage: 'Remove part {number}' },
  add: { id: 'format.FormatEditor.add', defaultMessage: 'Add a part' },
  save: { id: 'format.FormatEditor.save', defaultMessage: 'Save the format' },
  saved: { id: 'format.FormatEditor.saved', defaultMessage: 'The format is saved.' },
  size: {
    id: 'format.FormatEditor.size',
    defaultMessage: '{percent, number, ::percent} of the room for texts used',
    description: 'How much of the format’s maximum size its parts use',
  },
  tooLarge: {
    id: 'format.FormatEditor.tooLarge',
    defaultMessage: 'The texts are too long altogether. Please shorten some.',
  },
  invalid: {
    id: 'format.FormatEditor.invalid',
    defaultMessage:
      'Please check the parts: each needs a title (up to {title} characters), texts up to {text} characters, lengths in whole minutes, turn limits from {min} to {max} seconds.',
  },
  count: {
    id: 'format.FormatEditor.count',
    defaultMessage: '{count, number} of {max, number} parts',
  },
});

const blank = (): FormatPart => ({ title: '', text: '', kind: 'reading', minutes: null, turnLimitSec: null });

/** What the per-turn select shows: a preset, none, or another number of seconds. */
const limitChoice = (sec: number | null) =>
  sec === null ? 'none' : (TURN_LIMIT_PRESETS_SEC as readonly number[]).includes(sec) ? String(sec) : 'other';

/** Facilitators write the group's format: parts in order, from scratch or from a template. */
export function FormatEditor() {
  const intl = useIntl();
  const { act } = useRoomContext();
  const [draft, setDraft] = useState<FormatPart[] | null>(null);
  const saved = useSavedFormat();
  const [template, setTemplate] = useState<TemplateId>(TEMPLATE_IDS[0]!);
  const [status, setStatus] = useState<'saved' | 'invalid' | 'large' | null>(null);
  const parts = draft ?? saved?.parts ?? [];
  const bytes = utf8Bytes(JSON.stringify({ parts }));

  const edit = (next: FormatPart[]) => {
    setDraft(next);
    setStatus(null);
  };
  const change = (i: number, patch: Partial<FormatPart>) =>
    edit(parts.map((p, j) => (j === i ? { ...p, ...patch } : p)));
  const move = (i: number, by: -1 | 1) => {
    const next = [...parts];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    edit(next);
  };

  async function save(e: FormEvent) {
    e.preventDefault();
    const parsed = MeetingFormatSchema.safeParse({ parts });
    if (!parsed.success) {
      setStatus(bytes > FORMAT_LIMITS.bytesMax ? 'large' : 'invalid');
      return;
    }
    if (await act('format:save', parsed.data)) {
      setDraft(parsed.data.parts);
      setStatus('saved');
    }
  }

  return (
    <details className="format-editor">
      <summary>{intl.formatMessage(m.heading)}</summary>
      <p className="hint">{intl.formatMessage(m.intro)}</p>
      <div className="inline-form">
        <label htmlFor="format-template">{intl.formatMessage(m.template)}</label>
        <select
          id="format-template"
          aria-describedby="format-template-hint"
          value={template}
          onChange={(e) => setTemplate(e.target.value as TemplateId)}
        >
          {TEMPLATE_IDS.map((id) => (
            <option key={id} value={id}>
              {templateName(intl, id)}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => edit(templateParts(intl, template))}>
          {intl.formatMessage(m.useTemplate)}
        </button>
      </div>
      <p className="hint" id="format-template-hint">
        {intl.formatMessage(m.templateHint)}
      </p>

      <form onSubmit={(e) => void save(e)}>
        <ol className="format-parts">
          {parts.map((p, i) => (
            <PartFields
              key={i}
              part={p}
              index={i}
              last={i === parts.length - 1}
              change={(patch) => change(i, patch)}
              move={(by) => move(i, by)}
              remove={() => edit(parts.filter((_, j) => j !== i))}
            />
          ))}
        </ol>
        <p className="hint">
          {intl.formatMessage(m.count, { count: parts.length, max: FORMAT_LIMITS.partsMax })} ·{' '}
          {intl.formatMessage(m.size, { percent: Math.min(9.99, bytes / FORMAT_LIMITS.bytesMax) })}
        </p>
        <div className="button-row">
          <button
            type="button"
            disabled={parts.length >= FORMAT_LIMITS.partsMax}
            onClick={() => edit([...parts, blank()])}
          >
            {intl.formatMessage(m.add)}
          </button>
          <button type="submit" className="primary">
            {intl.formatMessage(m.save)}
          </button>
        </div>
        {status && (
          <p role={status === 'saved' ? 'status' : 'alert'} className={status === 'saved' ? 'hint' : 'error'}>
            {status === 'saved'
              ? intl.formatMessage(m.saved)
              : status === 'large'
                ? intl.formatMessage(m.tooLarge)
                : intl.formatMessage(m.invalid, {
                    title: FORMAT_LIMITS.titleMax,
                    text: FORMAT_LIMITS.textMax,
                    min: LIMITS.turnLimitSecMin,
                    max: LIMITS.turnLimitSecMax,
                  })}
          </p>
        )}
      </form>
    </details>
  );
}

interface PartProps {
  part: FormatPart;
  index: number;
  last: boolean;
  change: (patch: Partial<FormatPart>) => void;
  move: (by: -1 | 1) => void;
  remove: () => void;
}

function PartFields({ part, index, last, change, move, remove }: PartProps) {
  const intl = useIntl();
  const number = index + 1;
  const id = (field: string) => `format-part-${index}-${field}`;
  const choice = limitChoice(part.turnLimitSec);
  return (
    <li>
      <fieldset>
        <legend>{intl.formatMessage(m.part, { number })}</legend>
        <div className="field">
          <label htmlFor={id('title')}>{intl.formatMessage(m.title)}</label>
          <input
            id={id('title')}
            value={part.title}
            maxLength={FORMAT_LIMITS.titleMax}
            required
            onChange={(e) => change({ title: e.target.value })}
          />
        </div>
        <div className="field">
          <label htmlFor={id('kind')}>{intl.formatMessage(m.kind)}</label>
          <select
            id={id('kind')}
            value={part.kind}
            onChange={(e) => change({ kind: e.target.value as FormatPart['kind'] })}
          >
            {FORMAT_PART_KINDS.map((k) => (
              <option key={k} value={k}>
                {intl.formatMessage(KIND_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={id('minutes')}>{intl.formatMessage(m.minutes)}</label>
          <input
            id={id('minutes')}
            type="number"
            min={1}
            max={FORMAT_LIMITS.minutesMax}
            value={part.minutes ?? ''}
            onChange={(e) => change({ minutes: e.target.value === '' ? null : Number(e.target.value) })}
          />
        </div>
        {part.kind === 'go-around' && (
          <div className="field">
            <label htmlFor={id('limit')}>{intl.formatMessage(m.turnLimit)}</label>
            <select
              id={id('limit')}
              value={choice}
              onChange={(e) =>
                change({
                  turnLimitSec:
                    e.target.value === 'none'
                      ? null
                      : e.target.value === 'other'
                        ? 120
                        : Number(e.target.value),
                })
              }
            >
              <option value="none">{turnLimitWords(intl, null)}</option>
              {TURN_LIMIT_PRESETS_SEC.map((sec) => (
                <option key={sec} value={String(sec)}>
                  {turnLimitWords(intl, sec)}
                </option>
              ))}
              <option value="other">{intl.formatMessage(m.otherLimit)}</option>
            </select>
            {choice === 'other' && (
              <input
                type="number"
                aria-label={intl.formatMessage(m.seconds)}
                min={LIMITS.turnLimitSecMin}
                max={LIMITS.turnLimitSecMax}
                value={part.turnLimitSec ?? ''}
                onChange={(e) => change({ turnLimitSec: Number(e.target.value) })}
              />
            )}
          </div>
        )}
        <div className="field">
          <label htmlFor={id('text')}>{intl.formatMessage(m.text)}</label>
          <textarea
            id={id('text')}
            rows={3}
            maxLength={FORMAT_LIMITS.textMax}
            value={part.text}
            onChange={(e) => change({ text: e.target.value })}
          />
        </div>
        <div className="button-row">
          {index > 0 && (
            <button type="button" onClick={() => move(-1)}>
              {intl.formatMessage(m.up, { number })}
            </button>
          )}
          {!last && (
            <button type="button" onClick={() => move(1)}>
              {intl.formatMessage(m.down, { number })}
            </button>
          )}
          <button type="button" onClick={remove}>
            {intl.formatMessage(m.remove, { number })}
          </button>
        </div>
      </fieldset>
    </li>
  );
}
