/** "Tuesday 10 March, 19:30" in this browser's language and time zone. */
export function formatDate(at: number): string {
  return new Date(at).toLocaleString([], {
    weekday: 'long',
    day: 'numeric',
    month: 'long',
    hour: '2-digit',
    minute: '2-digit',
  });
}

/** Minutes, rounded up, as people say it: "1 minute", "42 minutes". */
export function minutes(ms: number): string {
  const m = Math.max(0, Math.ceil(ms / 60_000));
  return `${m} minute${m === 1 ? '' : 's'}`;
}
