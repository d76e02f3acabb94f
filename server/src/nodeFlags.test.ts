import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SERVER_START_ARGS } from './nodeFlags.js';

describe('the server start script', () => {
  it('runs node with the flags the benches measure', () => {
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
      scripts: { start: string };
    };
    expect(pkg.scripts.start).toBe(`node ${SERVER_START_ARGS.join(' ')}`);
  });

  it('is what docker-compose runs too', () => {
    const compose = readFileSync(new URL('../../docker-compose.yml', import.meta.url), 'utf8');
    const command = /^\s*command: (\[.*\])$/m.exec(compose)?.[1];
    expect(command && (JSON.parse(command.replaceAll("'", '"')) as string[])).toEqual([
      'node',
      ...SERVER_START_ARGS,
    ]);
  });
});
