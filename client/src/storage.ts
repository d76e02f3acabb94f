/** What the browser remembers per group: the personal identity token and the chosen name. */

const identityKey = (groupId: string) => `circle.identity.${groupId}`;
const nameKey = (groupId: string) => `circle.name.${groupId}`;

/** What this browser keeps under `key`, or null (also when storage is off). */
export function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key);
  } catch {
    return null;
  }
}

/** Keeps (or, with null, forgets) `value` under `key`; does nothing when storage is off. */
export function write(key: string, value: string | null): void {
  try {
    if (value === null) window.localStorage.removeItem(key);
    else window.localStorage.setItem(key, value);
  } catch {
    // Storage may be disabled (private mode); the app still works, it just won't remember.
  }
}

export const storage = {
  getIdentity: (groupId: string) => read(identityKey(groupId)),
  setIdentity: (groupId: string, identity: string | null) => write(identityKey(groupId), identity),
  getName: (groupId: string) => read(nameKey(groupId)),
  setName: (groupId: string, name: string | null) => write(nameKey(groupId), name),
  forget(groupId: string) {
    write(identityKey(groupId), null);
    write(nameKey(groupId), null);
  },
};
