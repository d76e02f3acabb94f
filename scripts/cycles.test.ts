import madge from 'madge';
import { join } from 'node:path';
import { expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');

/**
 * No module imports itself through others (type imports count): a circle makes the load order decide what
 * is undefined at run time, and makes a layer impossible to read or test on its own.
 */
it('the server and shared have no import circle', async () => {
  const graph = await madge([join(root, 'server', 'src'), join(root, 'shared', 'src')], {
    fileExtensions: ['ts'],
    tsConfig: join(root, 'server', 'tsconfig.json'),
  });
  expect(graph.circular().map((circle) => circle.join(' → '))).toEqual([]);
}, 60_000);
