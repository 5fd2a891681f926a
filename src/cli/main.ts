/** The `ntm-planner` command line. Exit codes: 0 ok, 1 input problems found but results written, 2 unusable input. */
import { Command, CommanderError, Option } from "commander";
import { t, type Lang } from "../i18n";
import { runDemo } from "./demoCommand";
import { langFromEnv, processConsole, type Console } from "./io";
import { runRecalc } from "./recalcCommand";
import { runReports } from "./reportsCommand";
import { runTemplate } from "./templateCommand";

export function buildProgram(con: Console, setExitCode: (code: number) => void): Command {
  const envLang = langFromEnv();
  const langOption = () => new Option("--lang <lang>", "vi | en").choices(["vi", "en"]).default(envLang);
  const program = new Command("ntm-planner").description(t(envLang, "cli.description")).showHelpAfterError();

  program
    .command("template")
    .argument("<out>", "output .xlsx")
    .description("Create an empty input workbook (Vietnamese template) / Tạo sổ mẫu nhập liệu")
    .addOption(
      new Option("--set <set>", "criteria set").choices(["2021-2025", "2026-2030"]).default("2021-2025"),
    )
    .option("--region <region>", "region code: TDMNPB, DBSH, BTB, DHNTB, TN, DNB, DBSCL")
    .option("--year <year>", "evaluation year")
    .option("--province <code>", "GSO province code, e.g. 42 (Hà Tĩnh)")
    .option("--province-name <name>", "province name")
    .option("--force", "overwrite an existing file")
    .addOption(langOption())
    .action(async (out: string, o) => {
      setExitCode(await runTemplate({ output: out, ...o, lang: o.lang as Lang }, con));
    });

  program
    .command("recalc")
    .argument("<in>", "input .xlsx")
    .description("Recalculate attainment and funding mix / Tính lại mức đạt tiêu chí và cơ cấu nguồn vốn")
    .option(
      "-o, --output <file>",
      "result workbook (default: <in>-ketqua.xlsx; the input is never overwritten unless named here)",
    )
    .option("--json <file>", "also write the results as JSON (docs/RESULTS.md)")
    .option("--mapping <file>", "column mapping JSON for a workbook in your own layout (docs/TEMPLATE.md)")
    .addOption(langOption())
    .action(async (input: string, o) => {
      const { code } = await runRecalc(
        { input, output: o.output, json: o.json, mapping: o.mapping, lang: o.lang as Lang },
        con,
      );
      setExitCode(code);
    });

  program
    .command("reports")
    .argument("<in>", "input .xlsx (only read, never changed)")
    .description(
      "Write department reports and the province summary (.xlsx, optional PDF) / Lập báo cáo gửi sở, ngành và báo cáo tổng hợp",
    )
    .requiredOption("--out <dir>", "output folder")
    .option(
      "--dept <name>",
      "only this department, as named in the criteria sheet (case and diacritics ignored; repeatable)",
      (value: string, previous: string[] | undefined) => [...(previous ?? []), value],
    )
    .option("--no-summary", "leave out the province summary")
    .option("--zip", "also write BaoCao_<year>.zip of all the reports")
    .option("--pdf", "also convert each report to PDF with LibreOffice (soffice), when installed")
    .option("--date <YYYY-MM-DD>", "date printed on the reports (default: today)")
    .option("--mapping <file>", "column mapping JSON for a workbook in your own layout (docs/TEMPLATE.md)")
    .addOption(langOption())
    // Usage errors (missing --out, a bad --lang) exit 2 like other bad options, not commander's 1.
    .exitOverride((err) => {
      setExitCode(err.exitCode === 0 ? 0 : 2);
      throw err;
    })
    .action(async (input: string, o) => {
      const { code } = await runReports(
        {
          input,
          outDir: o.out,
          departments: o.dept,
          summary: o.summary,
          zip: Boolean(o.zip),
          pdf: Boolean(o.pdf),
          date: o.date,
          mapping: o.mapping,
          lang: o.lang as Lang,
        },
        con,
      );
      setExitCode(code);
    });

  program
    .command("demo")
    .description("Build and recalculate the embedded Hà Tĩnh sample / Chạy dữ liệu mẫu Hà Tĩnh")
    .option("--out <dir>", "output folder", "out")
    .option("--year <year>", "evaluation year of the sample", "2022")
    .addOption(langOption())
    .action(async (o) => {
      setExitCode(await runDemo({ outDir: o.out, year: Number(o.year), lang: o.lang as Lang }, con));
    });
  return program;
}

if (require.main === module || process.argv[1]?.endsWith("ntm-planner.js")) {
  buildProgram(processConsole, (code) => (process.exitCode = code))
    .parseAsync(process.argv)
    .catch((e: unknown) => {
      // Usage errors of commands with exitOverride() were reported and their exit code set.
      if (e instanceof CommanderError) return;
      // A bug, not bad input: bad input becomes issues and exit codes 1/2.
      console.error(e);
      process.exitCode = 70;
    });
}
