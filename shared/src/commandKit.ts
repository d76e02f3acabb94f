import type { z } from 'zod';
import type { ServerToClientEvents } from './serverEvents.js';
import type { Role } from './protocol.js';

/**
 * Capabilities a role holds (as LiveKit's grants): a command names the one it needs, and this table is the
 * only place that says which role holds what. `listen`: be in the room, read it, receive media.
 * `speak`: take part — a seat, the floor, the chat, publishing, writing one's own balances.
 * `moderate`: the facilitators' tools.
 */
export const GRANTS = ['listen', 'speak', 'moderate'] as const;
export type Grant = (typeof GRANTS)[number];

export const ROLE_GRANTS: Readonly<Record<Role, readonly Grant[]>> = {
  facilitator: ['listen', 'speak', 'moderate'],
  member: ['listen', 'speak'],
  observer: ['listen'],
};

/** A sentence for the facilitators' log: `{actor}` is who did it, `{target}` whom it was about. */
export type Wording = `{actor} ${string}`;

/** Payload fields that can name a person (a pid). */
type PersonField<P> = {
  [K in keyof P]-?: NonNullable<P[K]> extends string ? K : never;
}[keyof P] &
  string;

/**
 * How a facilitator's successful command reads in the facilitators' shared log. `quiet`: never logged
 * (reads, and what is not a facilitator's move). Only the event, its target and a switch's direction are
 * kept: never the text of a nudge, a note or a message.
 */
export type LogSpec<P> =
  | 'quiet'
  | {
      says: Wording;
      /** For switches (`on: boolean` in the payload): the wording when it was turned off. */
      off?: Wording;
      /** The payload field naming whom it was about. */
      target?: PersonField<P>;
      /**
       * It reaches people without changing the room record (a nudge, a microphone hold), so it is logged even
       * when the record did not move on. Otherwise a command that changed nothing is not logged.
       */
      outsideRecord?: true;
      /** Logged only when aimed at someone else (lowering another person's hand, not one's own). */
      onlyOnOthers?: true;
    };

/**
 * During a role-play, exercise observers sit outside the circle. `floor`: they may not send it while the
 * play runs. `publish`: only when the exercise lets them publish (their own feedback turn).
 */
export type RolePlayGate = 'floor' | 'publish';

export interface CommandSpec<S extends z.ZodType> {
  /** One line: what it does, for the protocol document. */
  summary: string;
  /** The grant needed to send it once joined; `link` for the one event sent before joining. */
  grant: Grant | 'link';
  log: LogSpec<z.input<S>>;
  /** Absent: anyone holding the grant may send it during a role-play. */
  rolePlay?: RolePlayGate;
  /**
   * A `speak` command that listeners (members admitted beyond the seats) may send too: asking for the word
   * and speaking while they hold it. Every other `speak` command is refused to them, as to observers.
   */
  listeners?: true;
  /** A payload the schema accepts and that changes as little as possible; tests and docs use it. */
  example: z.input<S>;
  /** What it sends to others when it succeeds, where it can be said in one list. */
  broadcasts?: readonly (keyof ServerToClientEvents)[];
}

export interface Command<S extends z.ZodType, R> extends CommandSpec<S> {
  schema: S;
  /** Type only: what the ack carries on success. */
  readonly result?: R;
}

export type ResultOf<C> = C extends Command<z.ZodType, infer R> ? R : never;

/**
 * One domain's commands: its payload schemas, its result types and, for each event, everything else.
 * A schema without a result, a result without a schema or either without a definition does not compile.
 * Usage: `defineCommands<FloorEventResults>()(floorEventSchemas, { 'floor:raise': {...}, ... })`.
 */
export function defineCommands<Results>() {
  return <S extends { [E in keyof Results]: z.ZodType }>(
    schemas: S & Record<Exclude<keyof S, keyof Results>, never>,
    specs: { [E in keyof S]: CommandSpec<S[E]> },
  ): { [E in keyof S]: Command<S[E], E extends keyof Results ? Results[E] : never> } => {
    const out: Record<string, unknown> = {};
    for (const event of Object.keys(schemas)) {
      out[event] = { ...specs[event as keyof S], schema: schemas[event as keyof S] };
    }
    return out as { [E in keyof S]: Command<S[E], E extends keyof Results ? Results[E] : never> };
  };
}
