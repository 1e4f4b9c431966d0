import { useEffect } from 'react';

/** While `playing`, call `tick` every `interval` milliseconds. */
export function useAutoplay(playing: boolean, tick: () => void, interval: number): void {
  useEffect(() => {
    if (!playing) return undefined;
    const timer = setInterval(tick, interval);
    return () => clearInterval(timer);
  }, [playing, tick, interval]);
}
