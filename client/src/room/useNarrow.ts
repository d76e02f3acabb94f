import { useEffect, useState } from 'react';

/** Whether the screen is narrower than a laptop's (where the facilitators' console becomes a drawer). */
export function useNarrow(query = '(max-width: 64rem)'): boolean {
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const list = window.matchMedia(query);
    const update = () => setNarrow(list.matches);
    update();
    list.addEventListener('change', update);
    return () => list.removeEventListener('change', update);
  }, [query]);
  return narrow;
}
