import { parse } from 'csv-parse/sync';

/** A CSV file as a real parser reads it (RFC 4180, every record as long as the header): its header and rows by column name. */
export function readCsv(text: string): { header: string[]; rows: Record<string, string>[] } {
  const records: string[][] = parse(text, { bom: false, skip_empty_lines: false });
  const [header = [], ...body] = records;
  return { header, rows: body.map((record) => Object.fromEntries(header.map((name, i) => [name, record[i] ?? '']))) };
}
