/**
 * The declaration everyone accepts before entering, unless the group wrote its own. In a module without
 * schemas so that the home page can show it without loading zod.
 */
export const DEFAULT_DECLARATION =
  'I will keep absolutely confidential everything I see and hear at this meeting: who was here and ' +
  'what anyone said. I will not repeat it, record it or use it outside the group, in any form. ' +
  'This promise has no end date: it holds after the meeting and after I leave the group.';
