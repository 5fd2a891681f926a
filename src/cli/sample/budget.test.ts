import { toSourceNodes } from "../../catalog";
import { communeBudget, WORK_KINDS, WORKS, workFor } from "./budget";
import { Rng } from "./random";

const ROOTS = new Set(
  toSourceNodes()
    .filter((n) => n.parent === undefined)
    .map((n) => n.code),
);
const parentOf = new Map(toSourceNodes().map((n) => [n.code, n.parent]));
const rootOf = (code: string): string => {
  let c = code;
  while (parentOf.get(c)) c = parentOf.get(c)!;
  return c;
};

describe("communeBudget", () => {
  const spec = {
    locality: "18088",
    year: 2022,
    lang: "vi" as const,
    scale: 1,
    works: ["roads", "environment"] as const,
  };

  it("puts a credit line first, then one line per work naming its criterion, with actuals below their plan", () => {
    const lines = communeBudget(new Rng(1), { ...spec, works: [...spec.works], actualShare: 1 });
    const plans = lines.filter((l) => l.kind === "plan");
    expect(plans.map((l) => l.criterion)).toEqual([undefined, "2", "17"]);
    expect(Object.keys(plans[0].amounts).map(rootOf)).toEqual(["TIN_DUNG", "TIN_DUNG"]);
    for (const a of lines.filter((l) => l.kind === "actual")) {
      const plan = plans.find((p) => p.description === a.description)!;
      for (const [code, x] of Object.entries(a.amounts)) expect(x).toBeLessThanOrEqual(plan.amounts[code]);
    }
  });

  it("makes credit the largest source (55-65% of the commune's plan) and uses known sources only", () => {
    for (let seed = 0; seed < 20; seed++) {
      const lines = communeBudget(new Rng(seed), { ...spec, works: [...spec.works] });
      const plan = lines.filter((l) => l.kind === "plan").flatMap((l) => Object.entries(l.amounts));
      const total = plan.reduce((s, [, x]) => s + x, 0);
      const credit = plan.filter(([c]) => rootOf(c) === "TIN_DUNG").reduce((s, [, x]) => s + x, 0);
      expect(credit / total).toBeGreaterThan(0.53);
      expect(credit / total).toBeLessThan(0.65);
      for (const [code] of plan) expect(ROOTS.has(rootOf(code)) && parentOf.has(code)).toBe(true);
    }
  });

  it("can give the cultural-house line as state budget alone, and never records its actual", () => {
    const lines = communeBudget(new Rng(2), {
      ...spec,
      works: ["culture"],
      unsplitCulture: true,
      actualShare: 1,
    });
    const unsplit = lines.filter((l) => l.amounts.NSNN !== undefined);
    expect(unsplit).toHaveLength(1);
    expect(unsplit[0].kind).toBe("plan");
    expect(
      Object.keys(unsplit[0].amounts).some((c) => ["NSTW", "NSDP", "NS_XA", "NS_HUYEN"].includes(c)),
    ).toBe(false);
  });

  it("knows which work funds which criterion", () => {
    for (const k of WORK_KINDS) expect(workFor(WORKS[k].criterion)).toBe(k);
    expect(workFor("11")).toBeUndefined();
  });
});
