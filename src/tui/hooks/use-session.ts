import { useCallback, useRef, useState } from 'react';
import { reduce, type Session, type SessionAction } from '../session.js';

/**
 * The session and a dispatch that applies actions at once. Several keys can
 * arrive in one chunk of input before React renders again; keeping the latest
 * session in a ref lets each key see the result of the one before it.
 */
export function useSession(initial: () => Session): [Session, (action: SessionAction) => void, () => Session] {
  const latest = useRef<Session | null>(null);
  const [session, setSession] = useState<Session>(() => {
    latest.current = initial();
    return latest.current;
  });
  const dispatch = useCallback((action: SessionAction) => {
    const next = reduce(latest.current ?? session, action);
    latest.current = next;
    setSession(next);
  }, [session]);
  const current = useCallback(() => latest.current ?? session, [session]);
  return [session, dispatch, current];
}
