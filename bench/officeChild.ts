/**
 * `npm run bench` runs the office.js port's measurement in its own process (it builds the national
 * workbook a second time in the fake Excel): prints one JSON line with measureOffice()'s result.
 */
import { measureOffice } from "./office";

measureOffice()
  .then((m) => process.stdout.write(JSON.stringify(m) + "\n"))
  .catch((e: unknown) => {
    process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
    process.exit(1);
  });
