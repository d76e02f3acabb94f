import type { GroupLanguage } from '@circle/shared';
import type { ListedGroup } from './listed.js';
import { PAGE_WORDS, type PageWords } from './words.js';

/** Every text from a group or a request goes through this before it enters the page. */
export const html = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const STYLE =
  'body{font:1.05rem/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem}' +
  'article{border-top:1px solid #ccc;padding:.5rem 0}dl{display:grid;grid-template-columns:auto 1fr;gap:.2rem 1rem}' +
  'dd{margin:0}.expect{white-space:pre-wrap}a{color:#0645ad}';

function page(lang: GroupLanguage, title: string, body: string): string {
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${html(title)}</title>
<link rel="alternate" type="application/json" title="Meetings Feed" href="/meetings.json">
<style>${STYLE}</style>
<script src="/meetings/local-time.js" defer></script>
</head>
<body>
<main>
${body}
</main>
</body>
</html>
`;
}

/** The time in the group's zone, for readers without script; the script shows it in the reader's own. */
function when(at: number, group: ListedGroup, lang: GroupLanguage, style: 'time' | 'full'): string {
  const zone = group.schedule?.timeZone ?? 'UTC';
  const opts: Intl.DateTimeFormatOptions =
    style === 'time'
      ? { timeZone: zone, hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
      : { timeZone: zone, dateStyle: 'full', timeStyle: 'short' };
  const text = new Intl.DateTimeFormat(lang, opts).format(at);
  return `<time datetime="${new Date(at).toISOString()}" data-local="${style}">${html(text)}</time>`;
}

function facts(g: ListedGroup, w: PageWords, lang: GroupLanguage): string {
  const rows: [string, string][] = [[w.type, html(`${w.types[g.listing.type]} · ${w.kind[g.kind]}`)]];
  if (g.schedule && g.nextAt !== null) {
    const day = new Intl.DateTimeFormat(lang, { weekday: 'long', timeZone: g.schedule.timeZone }).format(
      g.nextAt,
    );
    rows.push([w.day, `<span data-local-day="${new Date(g.nextAt).toISOString()}">${html(day)}</span>`]);
    rows.push([w.time, when(g.nextAt, g, lang, 'time')]);
    rows.push([w.next, when(g.nextAt, g, lang, 'full')]);
  } else rows.push([w.day, html(w.noSchedule)]);
  const minutes = new Intl.NumberFormat(lang, { style: 'unit', unit: 'minute', unitDisplay: 'long' });
  rows.push([w.length, html(minutes.format(g.meetingMinutes))]);
  const languages = new Intl.DisplayNames([lang], { type: 'language' });
  rows.push([w.language, html(languages.of(g.language) ?? g.language)]);
  if (g.listing.location) rows.push([w.location, html(g.listing.location)]);
  const list = rows.map(([k, v]) => `<dt>${html(k)}</dt><dd>${v}</dd>`).join('');
  return `<dl>${list}</dl>${g.listing.camerasOptional ? `<p>${html(w.cameras)}</p>` : ''}`;
}

const links = (g: ListedGroup, w: PageWords) =>
  `<p><a href="${html(g.joinUrl)}">${html(w.join)}</a> · ` +
  (g.schedule ? `<a href="/meetings/${html(g.slug)}.ics">${html(w.calendar)}</a> · ` : '') +
  `<a href="/meetings/${html(g.slug)}">${html(w.expect)}</a>` +
  (g.listing.contribution
    ? ` · <a href="${html(g.listing.contribution)}" rel="noopener">${html(w.contribute)}</a>`
    : '') +
  '</p>';

/** `/meetings`: every listed group, with its Join link (into the lobby) and its calendar file. */
export function listPage(groups: ListedGroup[], lang: GroupLanguage): string {
  const w = PAGE_WORDS[lang];
  const items = groups.map(
    (g) => `<article aria-labelledby="m-${html(g.slug)}">
<h2 id="m-${html(g.slug)}" lang="${g.language}">${html(g.name)}</h2>
${facts(g, w, lang)}
${g.listing.expect ? `<p class="expect" lang="${g.language}">${html(g.listing.expect)}</p>` : ''}
${links(g, w)}
</article>`,
  );
  return page(
    lang,
    w.title,
    `<h1>${html(w.title)}</h1>
<p>${html(w.intro)}</p>
${items.length ? items.join('\n') : `<p>${html(w.none)}</p>`}
<footer><p><a href="/meetings.json" type="application/json">${html(w.feed)}</a></p></footer>`,
  );
}

/** `/meetings/<slug>`: how a meeting runs, in plain words, and the group's own "what to expect". */
export function expectPage(g: ListedGroup, lang: GroupLanguage): string {
  const w = PAGE_WORDS[lang];
  return page(
    lang,
    `${w.expect}: ${g.name}`,
    `<nav aria-label="${html(w.title)}"><a href="/meetings">${html(w.back)}</a></nav>
<h1>${html(w.expect)}: <span lang="${g.language}">${html(g.name)}</span></h1>
${facts(g, w, lang)}
<p>${html(w.howItRuns)}</p>
<p>${html(w.mayPass)}</p>
<p>${html(w.camerasText)}</p>
<p>${html(w.confidential)}</p>
<p>${html(w.leaving)}</p>
${g.listing.expect ? `<h2>${html(w.ownWords)}</h2><p class="expect" lang="${g.language}">${html(g.listing.expect)}</p>` : ''}
${links(g, w)}`,
  );
}

/**
 * Shows each `<time>` in the reader's own time zone (the page was written in the group's); served as a
 * file because the page's security policy allows no inline script.
 */
export const LOCAL_TIME_SCRIPT = `document.querySelectorAll('time[data-local]').forEach(function (t) {
  var at = new Date(t.getAttribute('datetime'));
  var lang = document.documentElement.lang;
  var opts = t.dataset.local === 'time'
    ? { hour: 'numeric', minute: '2-digit', timeZoneName: 'short' }
    : { dateStyle: 'full', timeStyle: 'short' };
  t.textContent = new Intl.DateTimeFormat(lang, opts).format(at);
});
document.querySelectorAll('[data-local-day]').forEach(function (d) {
  d.textContent = new Intl.DateTimeFormat(document.documentElement.lang, { weekday: 'long' })
    .format(new Date(d.getAttribute('data-local-day')));
});
`;
