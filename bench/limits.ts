/**
 * The benches open thousands of sockets and create hundreds of groups from one address (127.0.0.1): they
 * lift the per-address limits that protect a server on the internet, and read /metrics with a token.
 */
export const BENCH_METRICS_TOKEN = 'bench-metrics-token';
export const BENCH_ENV = {
  CIRCLE_GROUP_CREATE_BURST: '1000000',
  CIRCLE_MAX_CONNECTIONS_PER_ADDRESS: '1000000',
  CIRCLE_JOINS_PER_MINUTE: '1000000',
  CIRCLE_METRICS_TOKEN: BENCH_METRICS_TOKEN,
};
