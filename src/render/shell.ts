// Commands a report prints for the reader to paste into a POSIX shell.

/** Characters that mean nothing to a POSIX shell anywhere in a word. */
const PLAIN_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/**
 * One argument as a POSIX shell reads it back unchanged: as it is when it is
 * plain, otherwise between single quotes (inside which nothing is special),
 * each `'` written as `'\''`.
 */
export function shellWord(argument: string): string {
  return PLAIN_WORD.test(argument) ? argument : `'${argument.replace(/'/g, `'\\''`)}'`;
}

/** A file name as an argument: one starting with `-` gets `./` in front, so that it is not read as an option. */
export function pathArgument(path: string): string {
  return path.startsWith('-') ? `./${path}` : path;
}

/** A command line with every argument quoted as a POSIX shell needs it. */
export function shellCommand(words: readonly string[]): string {
  return words.map(shellWord).join(' ');
}
