/**
 * The add-in's web bundle, in dist-web/ (dist/ is the command line's build):
 *
 *   npm run build       production: content-hashed files, manifest.xml checked against the build
 *   npm run build:dev   development build on disk
 *   npm run serve       https dev server on https://localhost:3000 (certificates: scripts/devCerts.ts)
 *
 * One page, taskpane.html, is both the task pane and the ribbon's FunctionFile (shared runtime): it
 * loads office.js from Microsoft's CDN, then the bundle. Dynamic import() calls become separate
 * chunks, loaded on demand: the report builders ("report-build"), ExcelJS with the .xlsx writer
 * ("report-xlsx" and a vendor chunk) and JSZip ("report-zip") load only when the planner exports
 * reports (src/taskpane/reports.ts); the initial scripts never hold them.
 *
 * The .xlsx writer (src/xlsx/reportFile.ts) is shared with the command line and imports Node modules.
 * In the browser ExcelJS resolves to its own browser build (package.json "browser":
 * exceljs/dist/exceljs.min.js, its polyfills inside), and for the rest see BROWSER_SHIMS below.
 *
 * ADDIN_BASE_URL=https://example.gov.vn/ntm npm run build  rewrites the manifest's development origin
 * (https://localhost:3000) to that base in dist-web/manifest.xml.
 */
const fs = require("fs");
const os = require("os");
const path = require("path");
const webpack = require("webpack");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");

const PORT = 3000;
const DEV_ORIGIN = `https://localhost:${PORT}`;
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const OUT = path.resolve(__dirname, "dist-web");
const MANIFEST = path.resolve(__dirname, "manifest.xml");

/** The folder scripts/devCerts.ts writes to (keep the two in step). */
function certDir() {
  return process.env.NTM_DEV_CERTS_DIR || path.join(os.homedir(), ".office-addin-dev-certs");
}

/** key, cert and ca for the https dev server, read from the files devCerts.ts made (no install). */
function httpsOptions() {
  const dir = certDir();
  const files = { key: "localhost.key", cert: "localhost.crt", ca: "ca.crt" };
  const missing = Object.values(files).filter((f) => !fs.existsSync(path.join(dir, f)));
  if (missing.length > 0) {
    throw new Error(
      `Thiếu chứng chỉ phát triển / Missing development certificates in ${dir}: ${missing.join(", ")}.\n` +
        `Chạy / Run: npm run serve (or: npx tsc -p scripts && node .tmp/scripts/devCerts.js)`,
    );
  }
  return Object.fromEntries(Object.entries(files).map(([k, f]) => [k, fs.readFileSync(path.join(dir, f))]));
}

/** The origin (and optional path) the built manifest points at; https only. */
function publicBaseUrl() {
  const value = process.env.ADDIN_BASE_URL;
  if (!value) return DEV_ORIGIN;
  const url = new URL(value);
  if (url.protocol !== "https:") throw new Error(`ADDIN_BASE_URL must be https (got ${value})`);
  return url.href.replace(/\/+$/, "");
}

function sideloadHelp(base) {
  const text = fs.readFileSync(path.join(__dirname, "scripts", "sideload-help.txt"), "utf8");
  return text
    .replace(/\{base\}/g, base)
    .replace(/\{manifest\}/g, MANIFEST)
    .replace(/\{ca\}/g, path.join(certDir(), "ca.crt"));
}

const TASKPANE_HTML = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta http-equiv="X-UA-Compatible" content="IE=Edge" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>NTM Planner</title>
    <!-- office.js first: the bundle (injected at the end of <body>) uses Office at load time. -->
    <script src="${OFFICE_JS}"></script>
  </head>
  <body>
    <div id="container"><p>Đang tải NTM Planner… / Loading NTM Planner…</p></div>
  </body>
</html>
`;

const SUPPORT_HTML = `<!doctype html>
<html lang="vi">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>NTM Planner – Hỗ trợ / Support</title>
    <style>body{font-family:"Segoe UI",system-ui,sans-serif;max-width:42rem;margin:2rem auto;padding:0 1rem;line-height:1.5}</style>
  </head>
  <body>
    <h1>NTM Planner</h1>
    <p lang="vi">NTM Planner tính mức đạt các tiêu chí nông thôn mới của từng xã, huyện, tỉnh và cơ cấu nguồn vốn,
      ngay trong Excel. Trên thẻ <b>Trang đầu</b>, nhóm <b>NTM Planner</b>: <b>Mở bảng điều khiển</b> để thiết lập
      sổ tính, <b>Tính lại</b> để đánh giá, <b>Xuất báo cáo</b> để xuất báo cáo. Dữ liệu bạn nhập không bao giờ bị sửa.</p>
    <p lang="en">NTM Planner evaluates each commune, district and province against Vietnam's New Rural Development
      criteria and mixes its funding by source, inside Excel. On the <b>Home</b> tab, <b>NTM Planner</b> group:
      <b>Open pane</b> to set up the workbook, <b>Recalculate</b> to evaluate, <b>Export reports</b> for reports.
      Your input is never changed.</p>
    <p>Cần hỗ trợ? Liên hệ người quản trị NTM Planner của tỉnh. / Need help? Contact your province's NTM Planner administrator.</p>
  </body>
</html>
`;

/**
 * What the report chunk's modules import from Node, for the browser (resolve.fallback and the shims):
 *  - fs, stream, stream/promises, zlib, string_decoder: only the command line's file writing and the
 *    streaming zip reader use them, never reportToXlsx; empty modules.
 *  - path: reportToXlsx checks file names with path.basename; a small POSIX stand-in.
 *  - src/xlsx/exceljsPatches.ts patches the internal classes of ExcelJS's Node build (exceljs/lib),
 *    which the browser never runs (it gets exceljs/dist); bundled, it would pull a second copy of
 *    ExcelJS and Node's streams into the chunk. Its browser stand-in has the same exports and gives
 *    ExcelJS's default font, which is exactly what the real module returns for the unpatched dist.
 *  - Buffer: reportToXlsx and the chart writer use Node's Buffer; the "buffer" package (the one
 *    ExcelJS's own dependencies use) is provided to the modules that mention it — in the pane's
 *    initial scripts none do.
 */
const BROWSER_SHIMS = {
  "ntm-path": `
    export const sep = "/";
    function trim(p) {
      let t = String(p);
      while (t.length > 1 && t.endsWith("/")) t = t.slice(0, -1);
      return t;
    }
    export function basename(p, ext) {
      const b = trim(p).split("/").pop() || "";
      return ext && b.endsWith(ext) && b !== ext ? b.slice(0, -ext.length) : b;
    }
    export function dirname(p) {
      const t = trim(p);
      const i = t.lastIndexOf("/");
      return i < 0 ? "." : i === 0 ? "/" : t.slice(0, i);
    }
    export function extname(p) {
      const b = basename(p);
      const i = b.lastIndexOf(".");
      return i <= 0 ? "" : b.slice(i);
    }
    export function join(...parts) {
      return parts.filter((x) => x !== "").join("/").split("/").filter((x, i) => x !== "" || i === 0).join("/") || ".";
    }
    export default { sep, basename, dirname, extname, join };
  `,
  "ntm-exceljs-patches": `
    export const RAW_ATTRIBUTES = "ntmRawAttributes";
    export const EXT_ONLY = "ntmExtOnly";
    export const EXCELJS_DEFAULT_FONT = { size: 11, color: { theme: 1 }, name: "Calibri", family: 2, scheme: "minor" };
    export function defaultFont() { return EXCELJS_DEFAULT_FONT; }
    export function applyExcelJsPatches() {}
  `,
};

module.exports = (env = {}, argv = {}) => {
  const production = argv.mode === "production";
  const serving = Boolean(env.WEBPACK_SERVE);
  const base = publicBaseUrl();

  return {
    mode: production ? "production" : "development",
    devtool: production ? "source-map" : "eval-cheap-module-source-map",
    entry: { taskpane: "./src/taskpane/index.tsx" },
    output: {
      path: OUT,
      filename: production ? "[name].[contenthash:8].js" : "[name].js",
      chunkFilename: production ? "[name].[contenthash:8].chunk.js" : "[name].chunk.js",
      publicPath: "auto",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js", ".mjs", ".json"],
      // Node modules the report chunk imports but never uses in the browser (BROWSER_SHIMS).
      fallback: { fs: false, stream: false, "stream/promises": false, zlib: false, string_decoder: false },
      alias: {
        // The .xlsx patch port's streaming zip (command line only, src/xlsx/patch/zipPackage.ts) reaches
        // into JSZip's sources and copes without them; the browser never runs it. Left out, the report
        // chunk holds one JSZip (its browser build) rather than two.
        "jszip/lib/compressedObject": false,
        "jszip/lib/compressions": false,
        "jszip/lib/crc32": false,
      },
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: {
              transpileOnly: true,
              configFile: path.resolve(__dirname, "tsconfig.json"),
              // ES modules so webpack sees import() and splits it into its own chunk (CommonJS would
              // inline it); ES2020 for the Chromium (WebView2) and Safari webviews Office uses.
              compilerOptions: {
                module: "esnext",
                moduleResolution: "node",
                target: "ES2020",
                sourceMap: true,
              },
            },
          },
        },
      ],
    },
    optimization: {
      // Libraries (React, Fluent UI) in their own long-cached chunk; import() chunks stay separate.
      splitChunks: { chunks: "all" },
    },
    performance: production
      ? { hints: "warning", maxEntrypointSize: 2 * 1024 * 1024, maxAssetSize: 2 * 1024 * 1024 }
      : false,
    plugins: [
      new webpack.experiments.schemes.VirtualUrlPlugin(BROWSER_SHIMS),
      new webpack.NormalModuleReplacementPlugin(/^path$/, "virtual:ntm-path"),
      new webpack.NormalModuleReplacementPlugin(/^\.\/exceljsPatches$/, "virtual:ntm-exceljs-patches"),
      new webpack.ProvidePlugin({ Buffer: ["buffer", "Buffer"] }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        templateContent: TASKPANE_HTML,
        chunks: ["taskpane"],
        inject: "body",
        scriptLoading: "blocking",
      }),
      new HtmlWebpackPlugin({
        filename: "support.html",
        templateContent: SUPPORT_HTML,
        chunks: [],
        inject: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets", to: "assets" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => content.toString("utf8").split(DEV_ORIGIN).join(base),
          },
        ],
      }),
    ],
    devServer: serving
      ? {
          port: PORT,
          host: "localhost",
          server: { type: "https", options: httpsOptions() },
          headers: {
            "Access-Control-Allow-Origin": "*",
            "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
            "Access-Control-Allow-Headers": "*",
          },
          static: false,
          client: { overlay: { errors: true, warnings: false } },
          onListening: () => console.log(sideloadHelp(DEV_ORIGIN)),
        }
      : undefined,
  };
};
