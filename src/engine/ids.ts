// The two forms of id a scenario uses, for every reader that takes ids from a
// file (scenario files, shard files): an id from a file is one of these or it
// is refused, so it can never carry markup, a formula or a control character
// into a table, a CSV cell or a report.

/** Scenarios, variants, rules (events), actions, outcome classes, injects: `us-withdrawal`. */
export const KEBAB_ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;
/** Indicators, issues, metrics, attributes, parameters: `usPresence`. */
export const NAME_ID = /^[a-zA-Z][a-zA-Z0-9_]*$/;
/** The longest id. */
export const MAX_ID_LENGTH = 64;
