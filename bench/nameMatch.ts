/**
 * Name matching at national scale: matchNames on all 10,472 communes of the 2024-11 list, each typed
 * as its name without type word under its district's name as the section text, province unknown (so
 * the vote runs too). Median of 5 runs after 2 warm-ups; building the directory is not timed.
 */
import { readFileSync } from "fs";
import { performance } from "perf_hooks";
import { UNIT_FILES, unitsDataPath } from "../src/catalog/units";
import { matchNames, type NameRequest } from "../src/workbook/read/units/matchNames";
import { unitBaseName, unitDirectoryFromTsv } from "../src/workbook/read/units/unitDirectory";

const WARMUPS = 2;
const RUNS = 5;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

export function measureNameMatch(): { ms: number; names: number; matched: number } {
  const dir = unitDirectoryFromTsv("2024-11", readFileSync(unitsDataPath(UNIT_FILES.vietnam2024), "utf8"));
  const requests: NameRequest[] = dir
    .provinces()
    .flatMap((p) => dir.children(p.code))
    .flatMap((district) =>
      dir
        .children(district.code)
        .map((c) => ({ text: unitBaseName(c), level: "commune" as const, district: district.name })),
    );
  for (let i = 0; i < WARMUPS; i++) matchNames(dir, requests);
  const runsMs: number[] = [];
  let matched = 0;
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    const result = matchNames(dir, requests);
    runsMs.push(performance.now() - t0);
    matched = result.matches.filter((m) => m.match.kind === "matched").length;
  }
  return { ms: Math.round(median(runsMs) * 10) / 10, names: requests.length, matched };
}
