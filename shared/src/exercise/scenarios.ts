/**
 * The role-play scenarios Circle ships, by id. Their words (title, set-up, each role's instructions, the
 * observers' questions) are UI text: the client words them in the viewer's language from its catalogs
 * (client/src/exercise/builtInScenarios.ts), so the server only ever sends the id.
 */
export const BUILT_IN_SCENARIO_IDS = ['newcomer', 'here-and-now', 'mirror'] as const;
export type BuiltInScenarioId = (typeof BUILT_IN_SCENARIO_IDS)[number];

export function isBuiltInScenario(id: string): id is BuiltInScenarioId {
  return (BUILT_IN_SCENARIO_IDS as readonly string[]).includes(id);
}

/**
 * A role-play scenario a group's facilitators wrote: the group's content, kept and shown as written.
 * What the group, the leaders and the observers each read.
 */
export interface Scenario {
  id: string;
  title: string;
  setup: string;
  forGroup: string;
  forLeaders: string;
  forNewcomer?: string;
  forObservers: string;
  /** The observers' checklist. */
  focus: string[];
  builtIn: false;
}

/** One entry of the scenario list: a built-in scenario by id, or one of the group's own in full. */
export type ScenarioEntry = { id: BuiltInScenarioId; builtIn: true } | Scenario;

export const BUILT_IN_SCENARIOS: ScenarioEntry[] = BUILT_IN_SCENARIO_IDS.map((id) => ({ id, builtIn: true }));
