import { describe as describePath, descendants, parseXml, path, XmlError } from "../../scripts/lib/xml";

describe("parseXml", () => {
  it("reads elements, attributes, text, namespaces, entities, CDATA and comments", () => {
    const root = parseXml(
      '\ufeff<?xml version="1.0" encoding="UTF-8"?>\n<!-- lead -->\n' +
        '<a xmlns="urn:a" xmlns:b="urn:b" x=\'1\' y="&lt;&amp;&#x1EA1;&#7841;&quot;">\n' +
        '  <b:c id="k">Tính &amp; <![CDATA[<raw>]]><!-- no --></b:c>\n' +
        "  <d/>\n" +
        "</a>\n<!-- trail -->\n",
    );
    expect(root).toMatchObject({
      name: "a",
      local: "a",
      ns: "urn:a",
      attrs: { x: "1", y: '<&ạạ"' },
      line: 3,
    });
    const c = path(root, "c")!;
    expect(c).toMatchObject({ name: "b:c", local: "c", ns: "urn:b", text: "Tính & <raw>", line: 4 });
    expect(path(root, "d")!.ns).toBe("urn:a");
    expect(descendants(root).map((e) => e.local)).toEqual(["c", "d"]);
    expect(describePath(c)).toBe("a/c");
  });

  it.each([
    ["<a><b></a>", /<\/a> does not close <b> \(opened on line 1\) \(line 1, column 9\)/],
    ["<a>", /<a> is never closed/],
    ['<a x="1" x="2"/>', /duplicate attribute x/],
    ["<a x=1/>", /the value of x must be quoted/],
    ['<a x="1"y="2"/>', /expected whitespace before an attribute/],
    ["<a>&nbsp;</a>", /unknown entity &nbsp;/],
    ["<a>fish & chips</a>", /'&' must start an entity/],
    ['<a x="<"/>', /'<' in the value of x/],
    ["<a/><b/>", /content after the root element/],
    ["<p:a/>", /undeclared namespace prefix "p"/],
    ["<!DOCTYPE a><a/>", /DOCTYPE is not supported/],
    ["\n\n  <a><!-- open </a>", /unterminated comment \(line 3, column 6\)/],
    ["", /expected the root element/],
  ])("rejects %j", (source, message) => {
    expect(() => parseXml(source)).toThrow(XmlError);
    expect(() => parseXml(source)).toThrow(message);
  });
});
