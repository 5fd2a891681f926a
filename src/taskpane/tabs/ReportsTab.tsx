/**
 * Xuất báo cáo / Export reports (also opened by the ribbon's Export reports): the departments the
 * criteria sheet names, from the last recalculation (or, when there is none yet, a dry one that
 * writes nothing), all checked, plus the province summary; the date printed on the reports, today
 * by default; one button. While the reports are made the pane says which one ("3/12: Sở Giao thông
 * vận tải…"), then what was produced. Where Excel on the web can save files, a second button
 * downloads every report in one zip. The work itself is in ../reports.ts, through the store.
 */
import { useEffect, useMemo, useState } from "react";
import {
  Button,
  Caption1,
  Checkbox,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  ProgressBar,
  Spinner,
  Subtitle2,
  Text,
  tokens,
  useId,
} from "@fluentui/react-components";
import { ArrowDownload20Regular, DocumentArrowRight20Regular } from "@fluentui/react-icons";
import { foldText } from "../../domain/text";
import type { RecalcOutcome } from "../../workbook/recalc";
import type { ReportDate } from "../../workbook/reports/types";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import {
  canDownload,
  dryRecalculation,
  opensWorkbooks,
  reportDepartments,
  type ExportResult,
} from "../reports";
import { dismissReportError, runReportExport, usePaneState } from "../store";

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  fieldset: {
    border: "none",
    margin: 0,
    padding: 0,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalXXS,
    minWidth: 0,
  },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: 0, marginBottom: tokens.spacingVerticalXS },
  list: {
    listStyleType: "none",
    margin: 0,
    padding: `0 0 0 ${tokens.spacingHorizontalL}`,
    display: "flex",
    flexDirection: "column",
    minWidth: 0,
  },
  checkLabel: { display: "flex", flexDirection: "column", overflowWrap: "anywhere", minWidth: 0 },
  buttons: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
  produced: { margin: 0, paddingLeft: tokens.spacingHorizontalL },
});

/** Today as "yyyy-mm-dd" in the planner's time zone (the value of a date input). */
function todayText(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** "2026-11-27" → its ReportDate, or null when it is not a calendar date. */
export function parseDateInput(text: string): ReportDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text.trim());
  if (!m) return null;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const d = new Date(Date.UTC(year, month - 1, day));
  if (d.getUTCFullYear() !== year || d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null;
  return { day, month, year };
}

/** The outcome to report on: the last recalculation's, else a dry one made when the tab opens. */
function useReportOutcome(): { outcome: RecalcOutcome | null; loading: boolean; error: unknown } {
  const { host } = usePane();
  const state = usePaneState();
  const [dry, setDry] = useState<{ outcome: RecalcOutcome | null; error: unknown } | null>(null);
  const needDry = state.outcome === null && !state.running && dry === null;

  useEffect(() => {
    if (!needDry) return;
    let live = true;
    dryRecalculation(host).then(
      (outcome) => live && setDry({ outcome, error: null }),
      (error: unknown) => live && setDry({ outcome: null, error: error ?? new Error(String(error)) }),
    );
    return () => {
      live = false;
    };
  }, [host, needDry]);

  if (state.outcome) return { outcome: state.outcome, loading: false, error: null };
  return { outcome: dry?.outcome ?? null, loading: dry === null, error: dry?.error ?? null };
}

export function ReportsTab() {
  const { host, tr } = usePane();
  const styles = useStyles();
  const state = usePaneState();
  const exp = state.reports;
  const { outcome, loading, error: dryError } = useReportOutcome();
  const departments = useMemo(() => (outcome ? reportDepartments(outcome) : []), [outcome]);
  const [unchecked, setUnchecked] = useState<ReadonlySet<string>>(new Set());
  const [summary, setSummary] = useState(true);
  const [dateText, setDateText] = useState(() => todayText());
  const date = parseDateInput(dateText);
  const workbooks = opensWorkbooks(host);
  const download = canDownload(host);
  const idBase = useId("ntm-report");

  const chosen = departments.filter((d) => !unchecked.has(foldText(d.name)));
  const allState = chosen.length === departments.length ? true : chosen.length === 0 ? false : "mixed";
  const count = chosen.length + (summary ? 1 : 0);
  const busy = exp.running !== null;

  const toggle = (name: string, on: boolean) =>
    setUnchecked((prev) => {
      const next = new Set(prev);
      if (on) next.delete(foldText(name));
      else next.add(foldText(name));
      return next;
    });

  const start = (kind: "export" | "zip") => {
    if (!outcome || !date || count === 0) return;
    void runReportExport(host, kind, {
      outcome,
      lang: outcome.lang,
      date,
      departments: chosen.map((d) => d.name),
      summary,
    });
  };

  return (
    <section className={styles.section} aria-labelledby="ntm-reports-heading">
      <Subtitle2 as="h2" id="ntm-reports-heading">
        {tr("pane.reports.heading")}
      </Subtitle2>
      <Caption1 className={styles.muted}>
        {tr(workbooks ? "pane.reports.hintWorkbooks" : "pane.reports.hintSheets")}
      </Caption1>

      {dryError !== null && <ErrorBar error={dryError} title={tr("pane.reports.dryFailed")} />}
      {loading && <Spinner size="tiny" labelPosition="after" label={tr("pane.reports.loading")} />}
      {outcome && !outcome.usable && <Text className={styles.muted}>{tr("pane.reports.unusable")}</Text>}

      {outcome && outcome.usable && (
        <>
          <fieldset className={styles.fieldset} disabled={busy}>
            <legend className={styles.legend}>{tr("pane.reports.choose")}</legend>
            {departments.length === 0 ? (
              <Caption1 className={styles.muted}>{tr("pane.reports.noDepartments")}</Caption1>
            ) : (
              <>
                <Checkbox
                  checked={allState}
                  onChange={(_, d) =>
                    setUnchecked(d.checked ? new Set() : new Set(departments.map((x) => foldText(x.name))))
                  }
                  label={tr("pane.reports.all", { count: departments.length })}
                />
                <ul className={styles.list}>
                  {departments.map((d, i) => (
                    <li key={d.name}>
                      <Checkbox
                        checked={!unchecked.has(foldText(d.name))}
                        onChange={(_, data) => toggle(d.name, data.checked === true)}
                        label={{
                          className: styles.checkLabel,
                          children: (
                            <>
                              <span>{d.name}</span>
                              <Caption1 className={styles.muted} id={`${idBase}-count-${i}`}>
                                {tr("pane.reports.indicators", { count: d.indicators })}
                              </Caption1>
                            </>
                          ),
                        }}
                        aria-label={d.name}
                        aria-describedby={`${idBase}-count-${i}`}
                      />
                    </li>
                  ))}
                </ul>
              </>
            )}
            <Checkbox
              checked={summary}
              onChange={(_, d) => setSummary(d.checked === true)}
              label={tr("pane.reports.summary")}
            />
          </fieldset>

          <Field
            label={tr("pane.reports.date")}
            validationState={date ? "none" : "error"}
            validationMessage={date ? undefined : tr("pane.reports.dateInvalid")}
          >
            <Input type="date" value={dateText} disabled={busy} onChange={(_, d) => setDateText(d.value)} />
          </Field>

          <div className={styles.buttons}>
            <Button
              appearance="primary"
              icon={<DocumentArrowRight20Regular />}
              disabled={busy || !date || count === 0}
              onClick={() => start("export")}
            >
              {tr("pane.reports.export")}
            </Button>
            {download && (
              <Button
                icon={<ArrowDownload20Regular />}
                disabled={busy || !date || count === 0}
                onClick={() => start("zip")}
              >
                {tr("pane.reports.zip")}
              </Button>
            )}
          </div>
          {count === 0 && <Caption1 className={styles.muted}>{tr("pane.reports.nothing")}</Caption1>}
        </>
      )}

      <div role="status" aria-live="polite" className={styles.section}>
        {busy && <ExportProgressView />}
        {!busy && exp.result && exp.error === null && <ExportResultView result={exp.result} />}
      </div>
      {exp.error !== null && (
        <ErrorBar error={exp.error} title={tr("pane.reports.failed")} onDismiss={dismissReportError} />
      )}
    </section>
  );
}

function ExportProgressView() {
  const { tr } = usePane();
  const styles = useStyles();
  const p = usePaneState().reports.progress;
  const text =
    p && p.current > 0
      ? tr("pane.reports.progress", { current: p.current, total: p.total, name: p.name })
      : tr("pane.reports.preparing");
  return (
    <>
      <ProgressBar
        value={p && p.total > 0 ? (p.current - 1) / p.total : undefined}
        aria-label={tr("pane.reports.progressLabel")}
        aria-valuetext={text}
      />
      <Text className={styles.wrap}>{text}</Text>
    </>
  );
}

function ExportResultView({ result }: { result: ExportResult }) {
  const { tr } = usePane();
  const styles = useStyles();
  const count = result.reports.length;
  return (
    <MessageBar intent="success" layout="multiline">
      <MessageBarBody className={styles.wrap}>
        {result.mode === "workbooks" && tr("pane.reports.doneWorkbooks", { count })}
        {result.mode === "zip" && tr("pane.reports.doneZip", { count, name: result.zipName ?? "" })}
        {result.mode === "sheets" && (
          <>
            {tr("pane.reports.doneSheets", { count })}
            <ul className={styles.produced}>
              {result.reports
                .flatMap((r) => r.sheets)
                .map((s) => (
                  <li key={s}>{s}</li>
                ))}
            </ul>
            {result.charts > 0 && <div>{tr("pane.reports.charts", { count: result.charts })}</div>}
            {result.chartsSkipped > 0 && (
              <div>{tr("pane.reports.chartsSkipped", { count: result.chartsSkipped })}</div>
            )}
            {result.renamed.map((r) => (
              <div key={r.used}>{tr("pane.reports.renamed", r)}</div>
            ))}
          </>
        )}
      </MessageBarBody>
    </MessageBar>
  );
}
