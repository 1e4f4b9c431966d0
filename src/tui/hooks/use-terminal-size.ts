import { useStdout } from 'ink';
import { useEffect, useState } from 'react';

/** A terminal size in cells. */
export interface Size {
  readonly columns: number;
  readonly rows: number;
}

// What a classic terminal has, for streams that do not report a size.
const FALLBACK: Size = { columns: 80, rows: 24 };

function sizeOf(stdout: NodeJS.WriteStream): Size {
  return { columns: stdout.columns || FALLBACK.columns, rows: stdout.rows || FALLBACK.rows };
}

/** The size of Ink's stdout, updated when the terminal is resized. */
export function useTerminalSize(): Size {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => sizeOf(stdout));
  useEffect(() => {
    const onResize = () => setSize(sizeOf(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return size;
}
