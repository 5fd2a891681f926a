/**
 * `node dist/bench/recalcChild.js <in.xlsx> [out.xlsx]`: one `recalc` end to end as the command line
 * does it (XlsxPatchPort: open the file → recalculate → save), alone in its process so that its peak
 * memory is its own. Prints one JSON line: wall seconds, peak RSS, and the seconds of each step.
 */
import { performance } from "perf_hooks";
import { recalculate, type RecalcStep } from "../src/workbook/recalc";
import { XlsxPatchPort } from "../src/xlsx/patch/xlsxPatchPort";

async function main(): Promise<void> {
  const [input, output = input.replace(/\.xlsx$/, "-ketqua.xlsx")] = process.argv.slice(2);
  const start = performance.now();
  const marks: [string, number][] = [["open", start]];
  const port = await XlsxPatchPort.fromFile(input);
  const outcome = await recalculate(port, {
    onProgress: (step: RecalcStep) => marks.push([step, performance.now()]),
  });
  marks.push(["save", performance.now()]);
  await port.saveAs(output);
  const end = performance.now();
  marks.push(["end", end]);

  const steps: Record<string, number> = {};
  for (let i = 0; i + 1 < marks.length; i++)
    steps[marks[i][0]] = round((marks[i + 1][1] - marks[i][1]) / 1000);
  const report = {
    seconds: round((end - start) / 1000),
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
    steps,
    localities: outcome.result.localities.length,
    issues: outcome.issues.length,
    usable: outcome.usable,
  };
  process.stdout.write(JSON.stringify(report) + "\n");
}

const round = (x: number): number => Math.round(x * 1000) / 1000;

main().catch((e: unknown) => {
  process.stderr.write(`${(e as Error).stack ?? String(e)}\n`);
  process.exit(1);
});
