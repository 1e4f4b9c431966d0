import { createContext, useContext } from 'react';

/**
 * Whether colour may be used. Ink's chalk ignores NO_COLOR, so every colour
 * prop in the UI goes through `usePaint`, which drops it when colour is off.
 */
export const ColorContext = createContext<boolean>(true);

/** Colour is on unless NO_COLOR is set to a non-empty value (https://no-color.org). */
export function colorsEnabled(env: NodeJS.ProcessEnv): boolean {
  const value = env.NO_COLOR;
  return value === undefined || value === '';
}

/** A colour prop value, or undefined when colour is off. */
export type Paint = (color: string) => string | undefined;

/** The paint function of the current colour setting. */
export function usePaint(): Paint {
  const enabled = useContext(ColorContext);
  return enabled ? (color) => color : () => undefined;
}
