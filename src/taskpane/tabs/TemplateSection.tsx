/**
 * Creates the template's input sheets in the open workbook: criteria set, region, year and province.
 * Sheets that already exist are skipped (the planner's data is never replaced) and the pane says which.
 */
import { useState } from "react";
import {
  Button,
  Caption1,
  Field,
  Input,
  makeStyles,
  MessageBar,
  MessageBarBody,
  Select,
  SpinButton,
  Subtitle2,
  tokens,
} from "@fluentui/react-components";
import { TableAdd20Regular } from "@fluentui/react-icons";
import { HA_TINH } from "../../catalog/haTinh";
import { REGIONS, regionOfProvince } from "../../catalog/regions";
import type { CriteriaSetId, RegionCode } from "../../domain/types";
import { createTemplateSheets } from "../actions";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { useFormStyles } from "../formStyles";

const SETS: readonly { id: CriteriaSetId; from: number; to: number }[] = [
  { id: "2021-2025", from: 2021, to: 2025 },
  { id: "2026-2030", from: 2026, to: 2030 },
];

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  row: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
  },
  provinceRow: {
    display: "grid",
    gridTemplateColumns: "72px minmax(0, 1fr)",
    columnGap: tokens.spacingHorizontalS,
  },
  wrap: { overflowWrap: "anywhere" },
});

function clampYear(year: number, setId: CriteriaSetId): number {
  const set = SETS.find((s) => s.id === setId) ?? SETS[0];
  return Math.min(set.to, Math.max(set.from, year));
}

interface Created {
  created: string[];
  skipped: string[];
}

export function TemplateSection() {
  const { host, lang, tr } = usePane();
  const styles = useStyles();
  const form = useFormStyles();
  const [setId, setSetId] = useState<CriteriaSetId>("2021-2025");
  const [year, setYear] = useState(() => clampYear(new Date().getFullYear(), "2021-2025"));
  const [provinceCode, setProvinceCode] = useState(HA_TINH.code);
  const [provinceName, setProvinceName] = useState(HA_TINH.name);
  const [chosenRegion, setChosenRegion] = useState<RegionCode | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Created | null>(null);
  const [error, setError] = useState<unknown>(null);

  const region: RegionCode = chosenRegion ?? regionOfProvince(provinceCode) ?? HA_TINH.region;
  const range = SETS.find((s) => s.id === setId) ?? SETS[0];
  const yearValid = Number.isInteger(year) && year >= range.from && year <= range.to;

  const create = async () => {
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setResult(
        await createTemplateSheets(host, {
          setId,
          year,
          region,
          provinceCode: provinceCode.trim() || undefined,
          provinceName: provinceName.trim() || undefined,
          lang,
        }),
      );
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="ntm-template-heading">
      <Subtitle2 as="h2" id="ntm-template-heading">
        {tr("pane.template.heading")}
      </Subtitle2>
      <Caption1 className={styles.muted}>{tr("pane.template.hint")}</Caption1>
      <div className={styles.row}>
        <Field className={form.field} label={tr("pane.template.set")}>
          <Select
            className={form.control}
            value={setId}
            onChange={(_, d) => {
              const id = d.value as CriteriaSetId;
              setSetId(id);
              setYear((y) => clampYear(y, id));
            }}
          >
            {SETS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.id}
              </option>
            ))}
          </Select>
        </Field>
        <Field
          className={form.field}
          label={tr("pane.template.year")}
          validationState={yearValid ? "none" : "error"}
          validationMessage={
            yearValid
              ? undefined
              : tr("pane.template.yearRange", { from: String(range.from), to: String(range.to) })
          }
        >
          <SpinButton
            className={form.spin}
            input={{ className: form.spinInput }}
            value={year}
            min={range.from}
            max={range.to}
            onChange={(_, d) => {
              const next =
                d.value ?? (d.displayValue !== undefined ? Number.parseInt(d.displayValue, 10) : NaN);
              if (Number.isFinite(next)) setYear(next as number);
            }}
          />
        </Field>
      </div>
      <div className={styles.provinceRow}>
        <Field className={form.field} label={tr("pane.template.provinceCode")}>
          <Input
            className={form.control}
            value={provinceCode}
            onChange={(_, d) => setProvinceCode(d.value)}
            inputMode="numeric"
          />
        </Field>
        <Field className={form.field} label={tr("pane.template.provinceName")}>
          <Input
            className={form.control}
            value={provinceName}
            onChange={(_, d) => setProvinceName(d.value)}
          />
        </Field>
      </div>
      <Field className={form.field} label={tr("pane.template.region")}>
        <Select
          className={form.control}
          value={region}
          onChange={(_, d) => setChosenRegion(d.value as RegionCode)}
        >
          {REGIONS.map((r) => (
            <option key={r.code} value={r.code}>
              {`${r.code} – ${lang === "vi" ? r.nameVi : r.nameEn}`}
            </option>
          ))}
        </Select>
      </Field>
      <div>
        <Button
          appearance="secondary"
          icon={<TableAdd20Regular />}
          disabledFocusable={busy || !yearValid}
          onClick={() => void create()}
        >
          {busy ? tr("pane.template.creating") : tr("pane.template.create")}
        </Button>
      </div>
      {error !== null && <ErrorBar error={error} onDismiss={() => setError(null)} />}
      <div role="status" aria-live="polite">
        {result && (
          <MessageBar intent={result.created.length > 0 ? "success" : "info"} layout="multiline">
            <MessageBarBody className={styles.wrap}>
              {result.created.length > 0 && (
                <div>
                  {tr("pane.template.created", {
                    count: result.created.length,
                    names: result.created.join(", "),
                  })}
                </div>
              )}
              {result.skipped.length > 0 && (
                <div>
                  {tr("pane.template.skipped", {
                    count: result.skipped.length,
                    names: result.skipped.join(", "),
                  })}
                </div>
              )}
            </MessageBarBody>
          </MessageBar>
        )}
      </div>
    </section>
  );
}
