import { readFileSync } from "fs";
import { parseTsv as parseTsvNode, UNIT_FILES, unitsDataPath } from "../../../catalog/units";
import { parseTsv } from "./tsv";

describe("parseTsv (browser copy)", () => {
  it.each(Object.values(UNIT_FILES))("reads %s exactly as the catalog's parseTsv does", (file) => {
    const text = readFileSync(unitsDataPath(file), "utf8");
    expect(parseTsv(text, file)).toEqual(parseTsvNode(text, file));
  });

  it("skips blank lines and a byte-order mark, and rejects a short line", () => {
    expect(parseTsv("\uFEFFa\tb\r\n1\t2\n\n")).toEqual([{ a: "1", b: "2" }]);
    expect(() => parseTsv("a\tb\n1", "x.tsv")).toThrow("x.tsv, line 2: 1 fields, header has 2");
    expect(() => parseTsv("")).toThrow("missing header row");
  });
});
