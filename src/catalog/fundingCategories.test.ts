import { CREDIT_ROOT, FUNDING_CATEGORIES, ROOT_SOURCES, toSourceNodes } from "./fundingCategories";

// prettier-ignore
const CODES = [
  "NSNN", "NSTW", "NSTW_DTPT", "NSTW_SN", "NSTW_NN", "NSDP", "NS_TINH", "NS_HUYEN", "NS_XA",
  "LONG_GHEP", "LG_GNBV", "LG_DTTS", "LG_KHAC", "TIN_DUNG", "TD_CS", "TD_TM",
  "DOANH_NGHIEP", "NHAN_DAN", "ND_TIEN", "ND_HIENVAT", "KHAC",
];
const byCode = new Map(FUNDING_CATEGORIES.map((c) => [c.code, c]));

function ancestors(code: string): string[] {
  const chain: string[] = [];
  let parent = byCode.get(code)?.parent;
  while (parent !== undefined) {
    if (chain.includes(parent) || chain.length > FUNDING_CATEGORIES.length)
      throw new Error(`cycle at ${code}`);
    chain.push(parent);
    parent = byCode.get(parent)?.parent;
  }
  return chain;
}

describe("FUNDING_CATEGORIES", () => {
  it("has exactly the 21 codes of funding.md §7, in order", () => {
    expect(FUNDING_CATEGORIES.map((c) => c.code)).toEqual(CODES);
  });

  it("forms an acyclic tree whose parents exist and come first", () => {
    FUNDING_CATEGORIES.forEach((c, i) => {
      if (c.parent === undefined) return;
      expect(byCode.has(c.parent)).toBe(true);
      expect(CODES.indexOf(c.parent)).toBeLessThan(i);
      expect(() => ancestors(c.code)).not.toThrow();
    });
    expect(ancestors("NS_TINH")).toEqual(["NSDP", "NSNN"]);
  });

  it("marks credit and only credit as a stock", () => {
    const stocks = FUNDING_CATEGORIES.filter((c) => c.stock).map((c) => c.code);
    expect(stocks).toEqual(["TIN_DUNG", "TD_CS", "TD_TM"]);
    for (const code of stocks) expect([code, ...ancestors(code)]).toContain(CREDIT_ROOT);
  });

  it("keeps aliases lower-case, non-empty and unique across categories", () => {
    const all = FUNDING_CATEGORIES.flatMap((c) => c.aliases);
    for (const alias of all) {
      expect(alias).toBe(alias.toLowerCase());
      expect(alias.trim()).toBe(alias);
      expect(alias).not.toBe("");
    }
    expect(new Set(all).size).toBe(all.length);
    expect(FUNDING_CATEGORIES.every((c) => c.aliases.length > 0)).toBe(true);
  });

  it("confirms official report headings with a URL and leaves design-only splits unconfirmed", () => {
    for (const c of FUNDING_CATEGORIES) {
      expect(c.source.trim()).not.toBe("");
      if (c.confirmed) expect(c.source).toMatch(/https?:\/\//);
    }
    const unconfirmed = FUNDING_CATEGORIES.filter((c) => !c.confirmed).map((c) => c.code);
    expect(unconfirmed).toEqual(["NS_HUYEN", "NS_XA", "TD_CS", "TD_TM", "ND_TIEN", "ND_HIENVAT"]);
    for (const code of [
      "NSNN",
      "NSTW",
      "NSDP",
      "LONG_GHEP",
      "TIN_DUNG",
      "DOANH_NGHIEP",
      "NHAN_DAN",
      "KHAC",
    ]) {
      expect(byCode.get(code)?.confirmed).toBe(true);
    }
  });
});

describe("ROOT_SOURCES and toSourceNodes", () => {
  it("lists the six roots whose sum is the grand total", () => {
    expect(ROOT_SOURCES).toEqual(["NSNN", "LONG_GHEP", "TIN_DUNG", "DOANH_NGHIEP", "NHAN_DAN", "KHAC"]);
    expect(CREDIT_ROOT).toBe("TIN_DUNG");
  });

  it("gives the domain the same tree with only code, parent and stock", () => {
    const nodes = toSourceNodes();
    expect(nodes).toHaveLength(21);
    expect(nodes[0]).toEqual({ code: "NSNN" });
    expect(nodes.find((n) => n.code === "NSTW_SN")).toEqual({ code: "NSTW_SN", parent: "NSTW" });
    expect(nodes.find((n) => n.code === "TD_CS")).toEqual({ code: "TD_CS", parent: "TIN_DUNG", stock: true });
  });
});
