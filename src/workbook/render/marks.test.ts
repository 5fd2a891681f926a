import type { EvaluationResult, IndicatorResult, LocalityResult } from "../../domain/types";
import { collectMarks, marksHighlight, markCode, renderMarksSheet } from "./marks";

const ir = (
  code: string,
  outcome: IndicatorResult["outcome"],
  sheet: string,
  cell: string,
): IndicatorResult => ({
  code,
  outcome,
  value: null,
  threshold: null,
  gap: null,
  thresholdConfirmed: true,
  ref: { sheet, cell },
});

function resultWith(indicators: IndicatorResult[]): EvaluationResult {
  const commune: LocalityResult = {
    code: "1",
    name: "Xã",
    level: "commune",
    criteriaMet: 0,
    criteriaTotal: 0,
    criteriaUnknown: 0,
    nationalMet: 0,
    nationalTotal: 0,
    status: "none",
    undecided: [],
    unmet: [],
    criteria: {},
    indicators: Object.fromEntries(indicators.map((i) => [i.code, i])),
  };
  return {
    options: { setId: "2026-2030", year: 2026, region: "BTB", nearMargin: 0.1, counterpartRatio: null },
    localities: [commune],
    rollups: [],
    bottlenecks: [],
    targets: [],
    funding: [],
    fundingFlags: [],
    issues: [],
  };
}

describe("marks", () => {
  it("codes outcomes: 1 not met, 2 near, 3 missing/invalid/no threshold, none for met", () => {
    expect(
      ["met", "notMet", "near", "missing", "invalid", "noThreshold"].map((o) =>
        markCode(o as IndicatorResult["outcome"]),
      ),
    ).toEqual([0, 1, 2, 3, 3, 3]);
  });

  it("writes each mark at its input address on a ragged grid from A1, reading $-anchored refs too", () => {
    const { sheets } = collectMarks(
      resultWith([ir("a", "near", "S", "C2"), ir("b", "notMet", "S", "$B$4"), ir("c", "missing", "S", "E4")]),
    );
    const spec = renderMarksSheet("KQ_DD_1", sheets[0]);
    expect(spec).toEqual({
      name: "KQ_DD_1",
      hidden: true,
      rows: [[], [null, null, 2], [], [null, 1, null, null, 3]],
    });
    const { highlight, name } = marksHighlight(sheets[0], "KQ_DD_1", "NTM_DD_1");
    expect(highlight.rules.map((r) => [r.range, r.kind === "formula" ? r.formula : ""])).toEqual([
      ["B2:E4", "=INDEX(NTM_DD_1,ROW(),COLUMN())=1"],
      ["B2:E4", "=INDEX(NTM_DD_1,ROW(),COLUMN())=2"],
      ["B2:E4", "=INDEX(NTM_DD_1,ROW(),COLUMN())=3"],
    ]);
    // The name covers the marks sheet from A1, so ROW() and COLUMN() index it directly.
    expect(name).toEqual({ name: "NTM_DD_1", sheet: "KQ_DD_1", range: "A1:E4" });
  });

  it("names the marks sheet as given, even with an apostrophe (the port quotes it)", () => {
    const { sheets } = collectMarks(resultWith([ir("a", "notMet", "S", "A1")]));
    expect(marksHighlight(sheets[0], "KQ's (2)", "NTM_DD_2").name).toEqual({
      name: "NTM_DD_2",
      sheet: "KQ's (2)",
      range: "A1:A1",
    });
  });

  it("reports a reference that is not a cell address once, and leaves it unmarked", () => {
    const { sheets, issues, referenced } = collectMarks(
      resultWith([ir("a", "notMet", "S", "ZZZZ1"), ir("b", "near", "S", "ZZZZ1"), ir("c", "met", "T", "A1")]),
    );
    expect(sheets).toEqual([]);
    expect(referenced).toEqual(["S", "T"]);
    expect(issues).toEqual([
      {
        severity: "warning",
        code: "HIGHLIGHT_REF_INVALID",
        sheet: "S",
        cell: "ZZZZ1",
        params: { sheet: "S", cell: "ZZZZ1" },
      },
    ]);
  });
});
