/**
 * A record as format version 1 wrote it: the same run, naming its scenario by
 * id and hash, with no embedded scenario (what older sandtable versions made).
 */
export function asVersion1(record: Record<string, unknown>): Record<string, unknown> {
  const { scenarioData: _data, ...rest } = record;
  const { dataHash: _hash, ...scenario } = record.scenario as Record<string, unknown>;
  return { ...rest, formatVersion: 1, scenario };
}
