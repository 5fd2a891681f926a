/**
 * The development server's certificates (scripts/devCerts.ts, generated with office-addin-dev-certs,
 * never installed) and the webpack configuration that serves and builds the add-in.
 */
import { X509Certificate, generateKeyPairSync } from "crypto";
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import { join, sep } from "path";
import { certFiles, certProblem, ensureDevCerts } from "../../scripts/devCerts";
import { validateManifest } from "../../scripts/manifest/validate";

const ROOT = join(__dirname, "..", "..");
const DAY = 24 * 60 * 60 * 1000;

interface WebpackConfig {
  entry: Record<string, string>;
  output: { path: string; filename: string; chunkFilename: string };
  module: { rules: { use: { loader: string; options: Record<string, unknown> } }[] };
  plugins: {
    constructor: { name: string };
    patterns?: { from: string; transform?: (c: Buffer) => string }[];
    userOptions?: Record<string, unknown>;
  }[];
  devServer?: {
    port: number;
    server: { type: string; options: Record<string, Buffer> };
    headers: Record<string, string>;
  };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require("../../webpack.config.js") as (env: object, argv: object) => WebpackConfig;

function withEnv<T>(vars: Record<string, string | undefined>, f: () => T): T {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  for (const [k, v] of Object.entries(vars)) if (v === undefined) delete process.env[k];
  try {
    return f();
  } finally {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

// office-addin-dev-certs announces every generation on the console.
beforeAll(() => jest.spyOn(console, "log").mockImplementation(() => undefined));
afterAll(() => jest.restoreAllMocks());

describe("development certificates", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "ntm-certs-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("are generated for localhost and 127.0.0.1, signed by a new CA, key readable by its owner only", async () => {
    const result = await ensureDevCerts(dir);
    expect(result.generated).toBe(true);
    expect(result.reason).toMatch(/ca\.crt is missing/);
    const files = certFiles(dir);
    const cert = new X509Certificate(readFileSync(files.cert));
    const ca = new X509Certificate(readFileSync(files.ca));
    expect(cert.checkHost("localhost")).toBe("localhost");
    expect(cert.checkIP("127.0.0.1")).toBe("127.0.0.1");
    expect(cert.checkIssued(ca)).toBe(true);
    expect(ca.ca).toBe(true);
    if (sep === "/") expect(statSync(files.key).mode & 0o077).toBe(0);
    expect(certProblem(files, new Date())).toBeNull();
  });

  it("are reused while valid", async () => {
    const before = readFileSync(certFiles(dir).cert);
    const again = await ensureDevCerts(dir);
    expect(again.generated).toBe(false);
    expect(readFileSync(certFiles(dir).cert).equals(before)).toBe(true);
  });

  it("are replaced shortly before they expire", async () => {
    const files = certFiles(dir);
    const before = readFileSync(files.cert);
    const validTo = new Date(new X509Certificate(before).validTo).getTime();
    const later = new Date(validTo - DAY);
    expect(certProblem(files, later)).toMatch(/expires/);
    const renewed = await ensureDevCerts(dir, later);
    expect(renewed.generated).toBe(true);
    expect(readFileSync(files.cert).equals(before)).toBe(false);
  });

  it("are replaced when the key does not belong to the certificate", async () => {
    const files = certFiles(dir);
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    writeFileSync(files.key, privateKey.export({ type: "pkcs8", format: "pem" }));
    expect(certProblem(files, new Date())).toMatch(/does not match/);
    expect((await ensureDevCerts(dir)).generated).toBe(true);
    expect(certProblem(files, new Date())).toBeNull();
  });

  it("are replaced when the certificate comes from another CA", async () => {
    const other = mkdtempSync(join(tmpdir(), "ntm-certs-other-"));
    try {
      await ensureDevCerts(other);
      writeFileSync(certFiles(dir).ca, readFileSync(certFiles(other).ca));
      expect(certProblem(certFiles(dir), new Date())).toMatch(/was not issued by/);
    } finally {
      rmSync(other, { recursive: true, force: true });
    }
  });
});

describe("webpack.config.js", () => {
  it("serves https on port 3000 with the generated key, certificate and CA, and CORS headers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "ntm-certs-serve-"));
    try {
      await ensureDevCerts(dir);
      const config = withEnv({ NTM_DEV_CERTS_DIR: dir }, () =>
        webpackConfig({ WEBPACK_SERVE: true }, { mode: "development" }),
      );
      const server = config.devServer!;
      expect(server.port).toBe(3000);
      expect(server.server.type).toBe("https");
      for (const [k, f] of [
        ["key", "localhost.key"],
        ["cert", "localhost.crt"],
        ["ca", "ca.crt"],
      ]) {
        expect(server.server.options[k].equals(readFileSync(join(dir, f)))).toBe(true);
      }
      expect(server.headers["Access-Control-Allow-Origin"]).toBe("*");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("says how to make the certificates when they are missing", () => {
    const empty = mkdtempSync(join(tmpdir(), "ntm-certs-none-"));
    try {
      expect(() =>
        withEnv({ NTM_DEV_CERTS_DIR: empty }, () =>
          webpackConfig({ WEBPACK_SERVE: true }, { mode: "development" }),
        ),
      ).toThrow(
        /Missing development certificates .*localhost\.key, localhost\.crt, ca\.crt[\s\S]*npm run serve/,
      );
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it("builds the pane into dist-web with content hashes and ES modules (so import() is split)", () => {
    const config = webpackConfig({}, { mode: "production" });
    expect(config.entry).toEqual({ taskpane: "./src/taskpane/index.tsx" });
    expect(config.output.path).toBe(join(ROOT, "dist-web"));
    expect(config.output.filename).toContain("[contenthash");
    expect(config.output.chunkFilename).toContain("[contenthash");
    expect(config.devServer).toBeUndefined();
    const ts = config.module.rules[0].use;
    expect(ts.loader).toBe("ts-loader");
    expect(ts.options).toMatchObject({ transpileOnly: true, compilerOptions: { module: "esnext" } });
  });

  it("loads office.js before the bundle on taskpane.html", () => {
    const config = webpackConfig({}, { mode: "production" });
    const html = config.plugins.find((p) => p.userOptions?.filename === "taskpane.html")!.userOptions!;
    expect(html.inject).toBe("body");
    const template = String(html.templateContent);
    const office = template.indexOf(
      '<script src="https://appsforoffice.microsoft.com/lib/1/hosted/office.js"></script>',
    );
    expect(office).toBeGreaterThan(0);
    expect(office).toBeLessThan(template.indexOf("</head>"));
    expect(template).toContain('id="container"');
  });

  function builtManifest(base: string | undefined): string {
    const config = withEnv({ ADDIN_BASE_URL: base }, () => webpackConfig({}, { mode: "production" }));
    const copy = config.plugins.find((p) => p.patterns)!;
    const pattern = copy.patterns!.find((p) => p.from === "manifest.xml")!;
    return pattern.transform!(readFileSync(join(ROOT, "manifest.xml")));
  }

  it("copies the manifest unchanged for development", () => {
    expect(builtManifest(undefined)).toBe(readFileSync(join(ROOT, "manifest.xml"), "utf8"));
  });

  it("rewrites every manifest URL to ADDIN_BASE_URL, and the result still validates", () => {
    const xml = builtManifest("https://ntm.example.gov.vn/addin/");
    expect(xml).not.toContain("localhost");
    expect(xml).toContain('<SourceLocation DefaultValue="https://ntm.example.gov.vn/addin/taskpane.html"/>');
    expect(validateManifest(xml, { root: ROOT }).problems).toEqual([]);
  });

  it("refuses a base URL that is not https", () => {
    expect(() => builtManifest("http://ntm.example.gov.vn")).toThrow(/ADDIN_BASE_URL must be https/);
  });
});
