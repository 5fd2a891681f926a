import fc from "fast-check";
import { chooseOutputNames, ownedAfterWrite, sanitizeSheetName, sheetKey, withSuffix } from "./outputNames";

const meta = (ownedSheets: string[]) => ({ version: 1 as const, ownedSheets });

describe("chooseOutputNames", () => {
  it("uses a free name as it is", () => {
    expect(chooseOutputNames(["KQ Xã"], ["Dữ liệu xã"], null)).toEqual({ names: ["KQ Xã"], issues: [] });
  });

  it("reuses a name the tool owns, so the port replaces that sheet", () => {
    expect(chooseOutputNames(["KQ Xã"], ["KQ Xã"], meta(["KQ Xã"]))).toEqual({
      names: ["KQ Xã"],
      issues: [],
    });
  });

  it("never takes a user's sheet of the same name: writes to 'KQ Xã (2)' and warns", () => {
    expect(chooseOutputNames(["KQ Xã"], ["KQ Xã"], meta([]))).toEqual({
      names: ["KQ Xã (2)"],
      issues: [
        {
          severity: "warning",
          code: "OUTPUT_NAME_TAKEN",
          sheet: "KQ Xã",
          params: { name: "KQ Xã", used: "KQ Xã (2)" },
        },
      ],
    });
  });

  it("skips to '(3)' when '(2)' is a user's sheet too, and reuses a '(2)' the tool made last time", () => {
    expect(chooseOutputNames(["KQ Xã"], ["KQ Xã", "KQ Xã (2)"], null).names).toEqual(["KQ Xã (3)"]);
    expect(chooseOutputNames(["KQ Xã"], ["KQ Xã", "KQ Xã (2)"], meta(["KQ Xã (2)"])).names).toEqual([
      "KQ Xã (2)",
    ]);
  });

  it("compares names as Excel does, ignoring case and Unicode composition", () => {
    const decomposed = "KQ Xã".normalize("NFD");
    expect(chooseOutputNames(["KQ Xã"], ["kq xã"], null).names).toEqual(["KQ Xã (2)"]);
    expect(chooseOutputNames(["KQ Xã"], [decomposed], null).names).toEqual(["KQ Xã (2)"]);
    expect(chooseOutputNames(["KQ Xã"], ["kq xã"], meta(["KQ XÃ"])).names).toEqual(["KQ Xã"]);
  });

  it("gives two equal desired names distinct sheets", () => {
    expect(chooseOutputNames(["KQ", "kq"], [], null).names).toEqual(["KQ", "kq (2)"]);
  });

  it("keeps off the tool's meta sheet and Excel's reserved name", () => {
    expect(chooseOutputNames(["NTM_META", "History"], [], null).names).toEqual([
      "NTM_META (2)",
      "History (2)",
    ]);
  });

  it("property: names are valid, distinct, and never a user's existing sheet", () => {
    const name = fc.string({ minLength: 0, maxLength: 40 });
    fc.assert(
      fc.property(
        fc.array(name, { maxLength: 6 }),
        fc.array(name, { maxLength: 8 }),
        fc.array(name, { maxLength: 4 }),
        (desired, existing, owned) => {
          const { names, issues } = chooseOutputNames(desired, existing, meta(owned));
          expect(names).toHaveLength(desired.length);
          const keys = names.map(sheetKey);
          expect(new Set(keys).size).toBe(keys.length);
          const ownedKeys = new Set(owned.map(sheetKey));
          const users = new Set(existing.map(sheetKey).filter((k) => !ownedKeys.has(k)));
          for (const n of names) {
            expect([...n].length).toBeLessThanOrEqual(31);
            expect(n).not.toMatch(/[[\]:*?/\\]/);
            expect(n.length).toBeGreaterThan(0);
            expect(users.has(sheetKey(n))).toBe(false);
          }
          for (const i of issues) expect(i.code).toBe("OUTPUT_NAME_TAKEN");
        },
      ),
    );
  });
});

describe("sanitizeSheetName and withSuffix", () => {
  it("replaces the characters Excel forbids and trims to 31 characters", () => {
    expect(sanitizeSheetName("KQ: Xã/Phường [2025]?")).toBe("KQ- Xã-Phường -2025--");
    expect(sanitizeSheetName("'Tên'")).toBe("Tên");
    expect(sanitizeSheetName("")).toBe("Sheet");
    expect([...sanitizeSheetName("Kết quả đánh giá các xã nông thôn mới năm 2025")]).toHaveLength(31);
  });

  it("shortens the base so the suffixed name stays within 31 characters", () => {
    const long = "Kết quả đánh giá các xã nông th";
    expect(withSuffix(long, 12)).toBe("Kết quả đánh giá các xã nô (12)");
    expect([...withSuffix(long, 12)]).toHaveLength(31);
  });
});

describe("ownedAfterWrite", () => {
  it("owns what is written now, plus earlier sheets that still exist; forgets sheets the user deleted", () => {
    expect(
      ownedAfterWrite(
        ["KQ Xã", "KQ_DD_1"],
        ["KQ Xã", "Res Communes", "Dữ liệu xã"],
        meta(["Res Communes", "KQ Xã", "KQ Cũ"]),
      ),
    ).toEqual(["KQ Xã", "KQ_DD_1", "Res Communes"]);
    expect(ownedAfterWrite(["A", "a"], [], null)).toEqual(["A"]);
  });
});
