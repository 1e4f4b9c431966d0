import { useCallback, useRef, useState } from 'react';

/**
 * A session held by a pure reducer, and a dispatch that applies actions at
 * once; the UI's and the exercise's. Several keys can arrive in one chunk of
 * input before React renders again; keeping the latest session in a ref lets
 * each key see the result of the one before it. `dispatch` returns the new
 * session, `current` reads the latest.
 */
export function useSession<S, A>(
  reduce: (session: S, action: A) => S,
  initial: () => S,
): [S, (action: A) => S, () => S] {
  const latest = useRef<S | null>(null);
  const [session, setSession] = useState<S>(() => {
    latest.current = initial();
    return latest.current;
  });
  const dispatch = useCallback((action: A) => {
    const next = reduce(latest.current ?? session, action);
    latest.current = next;
    setSession(next);
    return next;
  }, [reduce, session]);
  const current = useCallback(() => latest.current ?? session, [session]);
  return [session, dispatch, current];
}
