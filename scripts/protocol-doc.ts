/**
 * Writes docs/protocol.md from the command definitions (shared/src/<domain>/commands.ts): every client
 * event with its payload, result, who may send it, what it broadcasts and how it reads in the facilitators'
 * log. Run `npm run docs:protocol` after changing a command; a unit test fails while the file is stale.
 * Payloads are rendered from the zod schemas (via JSON Schema); results and server events from the types,
 * with the TypeScript compiler.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as prettier from 'prettier';
import ts from 'typescript';
import { z } from 'zod';
import type { ClientEventName } from '../shared/src/index.js';
import { COMMANDS, ERROR_CODES, GRANTS, ROLE_GRANTS, ROLES } from '../shared/src/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
export const PROTOCOL_DOC = join(root, 'docs', 'protocol.md');

type Json = {
  type?: string | string[];
  properties?: Record<string, Json>;
  required?: string[];
  additionalProperties?: Json | boolean;
  items?: Json;
  anyOf?: Json[];
  enum?: unknown[];
  const?: unknown;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  minItems?: number;
  maxItems?: number;
  pattern?: string;
  description?: string;
};

const SAFE = Number.MAX_SAFE_INTEGER;

/** "1–64", "≤ 128", "≥ 1" or nothing, for lengths and bounds. */
function range(min: number | undefined, max: number | undefined, unit = ''): string {
  const lo = min === undefined || min === -SAFE ? undefined : min;
  const hi = max === undefined || max === SAFE ? undefined : max;
  if (lo !== undefined && hi !== undefined) return lo === hi ? ` (${lo}${unit})` : ` (${lo}–${hi}${unit})`;
  if (hi !== undefined) return ` (≤ ${hi}${unit})`;
  if (lo !== undefined) return ` (≥ ${lo}${unit})`;
  return '';
}

/** A JSON Schema as a TypeScript-like type, with its bounds in brackets. */
function render(s: Json, indent = ''): string {
  if (s.description === 'bytes') return 'bytes';
  if (s.anyOf) return s.anyOf.map((a) => render(a, indent)).join(' | ');
  if (s.const !== undefined) return JSON.stringify(s.const);
  if (s.enum) return s.enum.map((v) => JSON.stringify(v)).join(' | ');
  switch (s.type) {
    case 'string':
      return `string${range(s.minLength, s.maxLength, ' chars')}${s.pattern ? ` matching /${s.pattern}/` : ''}`;
    case 'integer':
    case 'number': {
      const min = s.exclusiveMinimum !== undefined ? s.exclusiveMinimum + 1 : s.minimum;
      return `${s.type === 'integer' ? 'integer' : 'number'}${range(min, s.maximum)}`;
    }
    case 'boolean':
      return 'boolean';
    case 'null':
      return 'null';
    case 'array':
      return `Array<${render(s.items ?? {}, indent)}>${range(s.minItems, s.maxItems, ' items')}`;
    case 'object': {
      const props = Object.entries(s.properties ?? {});
      if (props.length === 0 && typeof s.additionalProperties === 'object')
        return `Record<string, ${render(s.additionalProperties, indent)}>`;
      if (props.length === 0) return '{}';
      const inner = indent + '  ';
      const lines = props.map(
        ([k, v]) => `${inner}${k}${s.required?.includes(k) ? '' : '?'}: ${render(v, inner)};`,
      );
      return `{\n${lines.join('\n')}\n${indent}}`;
    }
    default:
      return 'unknown';
  }
}

function payloadOf(event: ClientEventName): string {
  const json = z.toJSONSchema(COMMANDS[event].schema, {
    io: 'input',
    unrepresentable: 'any',
    // Binary y-protocols messages are custom schemas: name them instead of "anything".
    override: (ctx) => {
      if (ctx.zodSchema._zod.def.type === 'custom') ctx.jsonSchema.description = 'bytes';
    },
  }) as Json;
  return render(json);
}

/** Examples as JSON, binary parts shown as their bytes. */
const exampleOf = (event: ClientEventName) =>
  JSON.stringify(COMMANDS[event].example, (_k, v: unknown) =>
    v instanceof Uint8Array ? `<bytes ${[...v].join(' ')}>` : v,
  );

/** The result of each client event and the arguments of each server event, as the compiler prints them. */
function typesFromCompiler(): { results: Map<string, string>; serverEvents: Map<string, string> } {
  const file = (name: string) => join(root, 'shared', 'src', name);
  const program = ts.createProgram([file('events.ts'), file('serverEvents.ts')], {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    skipLibCheck: true,
    types: [],
  });
  const checker = program.getTypeChecker();
  const table = (fileName: string, name: string) => {
    const source = program.getSourceFile(file(fileName))!;
    const declaration = source.statements.find(
      (st) => (ts.isTypeAliasDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name.text === name,
    ) as ts.TypeAliasDeclaration | ts.InterfaceDeclaration;
    const type = checker.getTypeAtLocation(declaration.name);
    const print = (p: ts.Symbol) =>
      checker
        .typeToString(
          checker.getTypeOfSymbolAtLocation(p, declaration),
          declaration,
          ts.TypeFormatFlags.NoTruncation,
        )
        // Named types from other files print as import("…").Name: their name is enough.
        .replace(/import\("[^"]*"\)\./g, '');
    return new Map(checker.getPropertiesOfType(type).map((p) => [p.name, print(p)]));
  };
  return {
    results: table('events.ts', 'ClientEventResults'),
    serverEvents: table('serverEvents.ts', 'ServerToClientEvents'),
  };
}

const holders = (grant: string) => ROLES.filter((r) => (ROLE_GRANTS[r] as readonly string[]).includes(grant));
const code = (s: string) => `\`${s}\``;

function commandSection(event: ClientEventName, result: string): string {
  const c = COMMANDS[event];
  const who =
    c.grant === 'link'
      ? 'anyone with an invitation link, before joining'
      : `${code(c.grant)}: ${holders(c.grant).join(', ')}`;
  const lines = [`#### ${code(event)}`, '', c.summary, '', `- **Who may send:** ${who}`];
  if (c.grant === 'speak')
    lines.push(`- **Listeners:** ${c.listeners ? 'may send it too' : 'refused (FORBIDDEN)'}`);
  if (c.rolePlay)
    lines.push(
      c.rolePlay === 'floor'
        ? '- **During a role-play:** refused (FORBIDDEN) to exercise observers'
        : '- **During a role-play:** refused (FORBIDDEN) to exercise observers except on their feedback turn',
    );
  lines.push(`- **Result:** ${code(result)}`);
  if (c.broadcasts?.length) lines.push(`- **Broadcasts:** ${c.broadcasts.map(code).join(', ')}`);
  if (c.log === 'quiet') lines.push('- **Facilitators’ log:** not logged');
  else {
    const when = [
      c.log.outsideRecord ? 'even when the room record did not change' : 'when it changed the room',
      c.log.onlyOnOthers ? 'and only when aimed at someone else' : '',
    ].filter(Boolean);
    const off = c.log.off ? ` / “${c.log.off}”` : '';
    lines.push(`- **Facilitators’ log:** “${c.log.says}”${off} (${when.join(' ')})`);
  }
  lines.push('', '```text', payloadOf(event), '```', '', `Example: ${code(exampleOf(event))}`, '');
  return lines.join('\n');
}

/** The whole document, formatted as Prettier would (the repository checks every Markdown file with it). */
export async function renderProtocolDoc(): Promise<string> {
  const { results, serverEvents } = typesFromCompiler();
  const events = Object.keys(COMMANDS) as ClientEventName[];
  const domains = [...new Set(events.map((e) => e.split(':')[0]!))];
  const out = [
    '# Circle protocol',
    '',
    '<!-- Generated by `npm run docs:protocol` from shared/src/*/commands.ts: do not edit by hand. -->',
    '',
    'Clients talk to the server over Socket.IO. Every client event is sent with one payload and an ack',
    'callback; the ack is `{ ok: true, data }` with the result below, or `{ ok: false, error }` with one of',
    'the error codes. Each command is defined once, in its domain’s `commands.ts` under `shared/src/`.',
    '',
    '## Checks, in order',
    '',
    '1. The payload must pass the event’s schema (the shapes below; unknown keys are refused): else `BAD_REQUEST`.',
    '2. Every event but `room:join` needs a joined connection (`NOT_JOINED`), admitted from the lobby (`NOT_ADMITTED`).',
    '3. The sender’s role must hold the command’s grant (listeners, members admitted beyond the seats, hold `speak` only for the commands marked so): else `FORBIDDEN`.',
    '4. During a role-play, commands gated for it are refused to exercise observers: `FORBIDDEN`.',
    '5. The handler may still refuse: `NOT_FOUND`, `CONFLICT`, `LIMIT`, `UNAVAILABLE` (no media), `FORBIDDEN` (acting on a facilitator)…',
    '',
    '## Error codes',
    '',
    ERROR_CODES.map(code).join(', '),
    '',
    '## Grants',
    '',
    'A command names the grant it needs; this table is the only place that says which role holds which.',
    '',
    '| Grant | Held by |',
    '| --- | --- |',
    ...GRANTS.map((g) => `| ${code(g)} | ${holders(g).join(', ')} |`),
    '',
    '## Client events',
    '',
  ];
  for (const domain of domains) {
    out.push(`### ${code(domain + ':')}`, '');
    for (const event of events.filter((e) => e.startsWith(domain + ':')))
      out.push(commandSection(event, results.get(event) ?? 'unknown'));
  }
  out.push(
    '## Server events',
    '',
    'What the server sends; each is listed with the arguments it carries.',
    '',
  );
  for (const [name, signature] of serverEvents) out.push(`- ${code(name)}: ${code(signature)}`);
  const config = (await prettier.resolveConfig(PROTOCOL_DOC)) ?? {};
  return prettier.format(out.join('\n') + '\n', { ...config, parser: 'markdown' });
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  writeFileSync(PROTOCOL_DOC, await renderProtocolDoc());
  console.log(`wrote ${PROTOCOL_DOC}`);
}
