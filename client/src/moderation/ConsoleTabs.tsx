import type { KeyboardEvent, ReactNode } from 'react';
import { defineMessages, useIntl } from 'react-intl';

const m = defineMessages({
  floor: {
    id: 'moderation.ConsoleTabs.floor',
    defaultMessage: 'Floor',
    description: 'Console tab: the word, raised hands, rounds (keep it short)',
  },
  people: {
    id: 'moderation.ConsoleTabs.people',
    defaultMessage: 'People',
    description: 'Console tab (keep it short)',
  },
  meeting: {
    id: 'moderation.ConsoleTabs.meeting',
    defaultMessage: 'Meeting',
    description: 'Console tab (keep it short)',
  },
  tools: {
    id: 'moderation.ConsoleTabs.tools',
    defaultMessage: 'Tools',
    description: 'Console tab: balances, role-play (keep it short)',
  },
  sections: { id: 'moderation.ConsoleTabs.sections', defaultMessage: 'Console sections' },
});

export const CONSOLE_TABS = [{ id: 'floor' }, { id: 'people' }, { id: 'meeting' }, { id: 'tools' }] as const;
export type ConsoleTab = (typeof CONSOLE_TABS)[number]['id'];

interface Props {
  selected: ConsoleTab;
  select: (tab: ConsoleTab) => void;
  panels: Record<ConsoleTab, ReactNode>;
}

/**
 * The console's sections as real tabs (WAI-ARIA tabs, selection follows focus): one tab stop, arrow keys,
 * Home and End move between them. Hidden panels stay mounted, so a half-typed note survives a tab switch.
 */
export function ConsoleTabs({ selected, select, panels }: Props) {
  const intl = useIntl();
  function onKeyDown(e: KeyboardEvent<HTMLDivElement>) {
    const at = CONSOLE_TABS.findIndex((t) => t.id === selected);
    const last = CONSOLE_TABS.length - 1;
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % CONSOLE_TABS.length
        : e.key === 'ArrowLeft'
          ? (at + last) % CONSOLE_TABS.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? last
              : null;
    if (to === null) return;
    e.preventDefault();
    const tab = CONSOLE_TABS[to];
    if (!tab) return;
    select(tab.id);
    document.getElementById(`console-tab-${tab.id}`)?.focus();
  }

  return (
    <>
      <div
        className="console-tabs"
        role="tablist"
        aria-label={intl.formatMessage(m.sections)}
        onKeyDown={onKeyDown}
      >
        {CONSOLE_TABS.map((t) => (
          <button
            key={t.id}
            type="button"
            role="tab"
            id={`console-tab-${t.id}`}
            aria-selected={t.id === selected}
            aria-controls={`console-${t.id}`}
            tabIndex={t.id === selected ? 0 : -1}
            onClick={() => select(t.id)}
          >
            {intl.formatMessage(m[t.id])}
          </button>
        ))}
      </div>
      {CONSOLE_TABS.map((t) => (
        <div
          key={t.id}
          id={`console-${t.id}`}
          className="console-section"
          role="tabpanel"
          aria-labelledby={`console-tab-${t.id}`}
          hidden={t.id !== selected}
        >
          {panels[t.id]}
        </div>
      ))}
    </>
  );
}
