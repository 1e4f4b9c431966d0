import { Box, Text } from 'ink';

export interface TooSmallProps {
  readonly columns: number;
  readonly rows: number;
  readonly need: { readonly columns: number; readonly rows: number };
}

/** Shown instead of the panels when the terminal cannot hold them; kept below the terminal's height. */
export function TooSmall({ columns, rows, need }: TooSmallProps) {
  return (
    <Box width={columns} height={Math.max(1, rows - 1)} overflow="hidden">
      <Text>
        Window too small ({columns}×{rows}): sandtable needs at least {need.columns}×{need.rows}. Enlarge the window, or press q to quit.
      </Text>
    </Box>
  );
}
