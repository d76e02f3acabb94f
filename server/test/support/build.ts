import { buildServer } from '../../../scripts/build-server.js';

/** Vitest global set-up of the integration tests: the server build their real processes run, made fresh. */
export default async function setup() {
  await buildServer();
}
