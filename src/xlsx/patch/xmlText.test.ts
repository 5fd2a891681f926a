import fc from "fast-check";
import {
  decodeOoxmlEscapes,
  decodeXml,
  elementText,
  encodeOoxmlEscapes,
  escapeAttr,
  escapeText,
  rawAttr,
  rootPrefix,
  stripIllegalXml,
} from "./xmlText";

describe("XML text", () => {
  it("decodes named, decimal and hex references and normalises line ends as a parser does", () => {
    expect(decodeXml("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos; &#7855;&#x1EA1; &unknown;")).toBe(
      "a & b <c> \"d\" 'e' ắạ &unknown;",
    );
    expect(decodeXml("x\r\ny\rz&#13;")).toBe("x\ny\nz\r");
  });

  it("round-trips any text through escapeText and decodeXml, minus the characters XML forbids", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect(decodeXml(escapeText(s))).toBe(stripIllegalXml(s));
        expect(decodeXml(escapeAttr(s))).toBe(stripIllegalXml(s));
      }),
      { numRuns: 500 },
    );
  });

  it("round-trips text that looks like an _xHHHH_ escape", () => {
    fc.assert(
      fc.property(
        fc
          .array(fc.constantFrom("_x", "0041", "_", "x", "00e9", "_x005F_", "a", "000D"))
          .map((p) => p.join("")),
        (s) => expect(decodeOoxmlEscapes(encodeOoxmlEscapes(s))).toBe(s),
      ),
    );
    expect(decodeOoxmlEscapes("_x000D__x0041_")).toBe("\rA");
  });

  it("drops C0 controls and lone surrogates, keeps tab, LF, CR and pairs", () => {
    expect(stripIllegalXml("a\u0000b\u0008c\td\ne\rf\uD83D\uDE00g\uD800h\uFFFE")).toBe(
      "abc\td\ne\rf\uD83D\uDE00gh",
    );
  });

  it("reads attributes one by one, either quote style, never inside another value", () => {
    const tag = `<sheet name="a state='x' b" sheetId = '3' state="hidden" r:id="rId1"/>`;
    expect(rawAttr(tag, "state")).toBe("hidden");
    expect(rawAttr(tag, "sheetId")).toBe("3");
    expect(rawAttr(tag, "r:id")).toBe("rId1");
    expect(rawAttr(tag, "id")).toBeUndefined();
  });

  it("finds the root element's prefix past the declaration and comments", () => {
    expect(rootPrefix('<?xml version="1.0"?><!-- c --><x:worksheet xmlns:x="m">')).toBe("x:");
    expect(rootPrefix('<?xml version="1.0"?>\n<worksheet xmlns="m">')).toBe("");
  });

  it("takes CDATA literally", () => {
    const s = "<t>a &amp; <![CDATA[<b>&amp;]]> c</t>";
    expect(elementText(s, 3, s.length - 4)).toBe("a & <b>&amp; c");
  });
});
