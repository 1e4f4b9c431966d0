import { useApp, useInput, type Key } from 'ink';
import { keyPresses } from '../keys.js';

/**
 * The key loop of the UI and of the exercise: each key press of a chunk of
 * input becomes its command (`commandOf`, null for a key that means nothing
 * here), in order, and `run` carries it out. When `run` says the app ends, it
 * unmounts at once and the rest of the chunk is dropped.
 */
export function useCommands<C>(commandOf: (input: string, key: Key) => C | null, run: (command: C) => 'go on' | 'end'): void {
  const { exit } = useApp();
  useInput((input, key) => {
    for (const press of keyPresses(input, key)) {
      const command = commandOf(press.input, press.key);
      if (command === null) continue;
      if (run(command) === 'end') {
        exit();
        return;
      }
    }
  });
}
