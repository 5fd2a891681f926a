/**
 * parseTsv of src/catalog/units.ts, for the browser. That module imports node:fs and node:path, which
 * the task pane's bundle cannot resolve (webpack: UnhandledSchemeError for "node:fs"), so importing
 * its parseTsv from here would break the add-in's build. Same contract; tsv.test.ts checks that both
 * read the shipped files alike. Once parseTsv moves to a module without Node imports, re-export it here.
 */

/**
 * Parses tab-separated text with a header row into one record per line. Blank lines are skipped;
 * a line whose field count differs from the header's is an error (the files are shipped data).
 */
export function parseTsv(text: string, name = "TSV"): Record<string, string>[] {
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const header = (lines[0] ?? "").split("\t");
  if (header[0] === "") throw new Error(`${name}: missing header row`);
  const rows: Record<string, string>[] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") continue;
    const fields = line.split("\t");
    if (fields.length !== header.length) {
      throw new Error(`${name}, line ${i + 1}: ${fields.length} fields, header has ${header.length}`);
    }
    rows.push(Object.fromEntries(header.map((column, j) => [column, fields[j]])));
  }
  return rows;
}
