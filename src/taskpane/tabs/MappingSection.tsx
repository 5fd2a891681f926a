/**
 * Maps the planner's own sheets: per input role the sheet and header row, and for every field and
 * indicator the column the reader found, with how sure it is. The planner corrects what is wrong,
 * saves the mapping with the document and the workbook is recalculated with it.
 */
import { useCallback, useEffect, useRef, useState } from "react";
import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Button,
  Caption1,
  Field,
  makeStyles,
  mergeClasses,
  MessageBar,
  MessageBarBody,
  Select,
  SpinButton,
  Spinner,
  Subtitle2,
  Text,
  tokens,
} from "@fluentui/react-components";
import { ArrowSync20Regular, Delete20Regular, Save20Regular } from "@fluentui/react-icons";
import {
  detectColumns,
  type ColumnMapping,
  type DetectedColumn,
  type DetectedKind,
  type ReadRole,
  type SheetDetection,
} from "../../workbook/read/columnDetection";
import { withColumn, withSheet } from "../../workbook/read/mapping";
import { SHEET_NAMES } from "../../workbook/layout";
import { usePane } from "../context";
import { ErrorBar } from "../ErrorBar";
import { useFormStyles } from "../formStyles";
import { runRecalculation, usePaneState } from "../store";
import { confidenceLevel, type ConfidenceLevel } from "../viewModel";

const KINDS: readonly DetectedKind[] = ["field", "indicator", "source", "threshold"];

const BADGE_COLOUR: Record<
  ConfidenceLevel,
  "brand" | "success" | "warning" | "severe" | "danger" | "informative"
> = {
  mapped: "brand",
  high: "success",
  medium: "warning",
  low: "severe",
  missing: "informative",
};

const useStyles = makeStyles({
  section: { display: "flex", flexDirection: "column", rowGap: tokens.spacingVerticalS, minWidth: 0 },
  muted: { color: tokens.colorNeutralForeground3 },
  wrap: { overflowWrap: "anywhere", minWidth: 0 },
  headerText: { display: "flex", flexDirection: "column", alignItems: "flex-start", minWidth: 0 },
  headerLine: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalXS },
  panel: {
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalS,
    paddingBottom: tokens.spacingVerticalM,
  },
  sheetRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) 96px",
    columnGap: tokens.spacingHorizontalS,
  },
  kind: { fontWeight: tokens.fontWeightSemibold, marginTop: tokens.spacingVerticalXS },
  columnRow: {
    display: "grid",
    gridTemplateColumns: "minmax(0, 1fr) auto",
    columnGap: tokens.spacingHorizontalS,
    alignItems: "center",
  },
  actions: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS },
});

function isEmptyMapping(m: ColumnMapping): boolean {
  return !m.sheets && !m.headerRows && !m.columns;
}

/** `detections` with `key` of `role` read from `column`, as the planner set it. */
function withPickedColumn(
  detections: SheetDetection[],
  role: ReadRole,
  key: string,
  column: string,
): SheetDetection[] {
  return detections.map((d) =>
    d.role !== role
      ? d
      : {
          ...d,
          columns: d.columns.map((c) =>
            c.key !== key
              ? c
              : {
                  ...c,
                  column,
                  header: d.headers.find((h) => h.column === column)?.header ?? null,
                  confidence: 1,
                  mapped: true,
                },
          ),
        },
  );
}

/** Another sheet for `role`: its header row and columns are found again (the old ones were the old sheet's). */
function withOtherSheet(mapping: ColumnMapping, role: ReadRole, sheet: string | null): ColumnMapping {
  let next = withSheet(mapping, role, sheet, null);
  for (const key of Object.keys(mapping.columns?.[role] ?? {})) next = withColumn(next, role, key, null);
  return next;
}

export function MappingSection() {
  const { host, lang, tr } = usePane();
  const { runs, running } = usePaneState();
  const styles = useStyles();
  const [mapping, setMappingState] = useState<ColumnMapping | null>(null);
  const [savedJson, setSavedJson] = useState("{}");
  const [sheetNames, setSheetNames] = useState<string[]>([]);
  const [detections, setDetections] = useState<SheetDetection[] | null>(null);
  const [detecting, setDetecting] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [status, setStatus] = useState<"saved" | "cleared" | null>(null);
  const [busy, setBusy] = useState(false);
  const request = useRef(0);
  // The mapping as last set, for the effect that detects again after a recalculation.
  const mappingRef = useRef<ColumnMapping | null>(null);
  const setMapping = (m: ColumnMapping) => {
    mappingRef.current = m;
    setMappingState(m);
  };

  useEffect(() => {
    let cancelled = false;
    const loaded = (m: ColumnMapping, saved: ColumnMapping) => {
      mappingRef.current = m;
      setMappingState(m);
      setSavedJson(JSON.stringify(saved));
    };
    host
      .loadMapping()
      .then((m) => {
        if (!cancelled) loaded(m ?? {}, m ?? {});
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        setError(err);
        loaded({}, {});
      });
    return () => {
      cancelled = true;
    };
  }, [host]);

  /** Reads the workbook again: every sheet's header row and columns, with the mapping `m`. */
  const detect = useCallback(
    async (m: ColumnMapping) => {
      const id = ++request.current;
      setDetecting(true);
      try {
        const [names, found] = await Promise.all([
          host.port.sheetNames(),
          detectColumns(host.port, { mapping: m, lang }),
        ]);
        if (id !== request.current) return;
        setSheetNames(names);
        setDetections(found);
      } catch (err) {
        if (id === request.current) setError(err);
      } finally {
        if (id === request.current) setDetecting(false);
      }
    },
    [host, lang],
  );

  // Detect once the saved mapping is loaded, and again when the language or the workbook (after a
  // recalculation) changes; never while a recalculation writes.
  const loaded = mapping !== null;
  useEffect(() => {
    if (!loaded || running || !mappingRef.current) return;
    void detect(mappingRef.current);
    return () => {
      request.current++;
    };
  }, [loaded, detect, runs, running]);

  const edit = (next: ColumnMapping) => {
    setStatus(null);
    setError(null);
    setMapping(next);
  };

  /** Another sheet or header row: everything on that sheet may move, so detect again. */
  const editSheet = (next: ColumnMapping) => {
    edit(next);
    void detect(next);
  };

  /**
   * A column picked by the planner is exactly what the reader will use: shown without reading the
   * workbook again (a national sheet is large). "(none)" hands the field back to the detection.
   */
  const editColumn = (role: ReadRole, key: string, column: string | null) => {
    if (!mapping) return;
    const next = withColumn(mapping, role, key, column);
    if (column === null) return editSheet(next);
    edit(next);
    setDetections((prev) => prev && withPickedColumn(prev, role, key, column));
  };

  const persist = async (next: ColumnMapping | null, done: "saved" | "cleared") => {
    setBusy(true);
    setError(null);
    setStatus(null);
    try {
      await host.saveMapping(next);
    } catch (err) {
      setError(err);
      return;
    } finally {
      setBusy(false);
    }
    const current = next ?? {};
    setSavedJson(JSON.stringify(current));
    setMapping(current);
    setStatus(done);
    // The recalculation reads with the saved mapping (its errors show above the tabs); the columns
    // are detected again once it has finished.
    await runRecalculation(host, "pane");
  };

  const dirty = mapping !== null && JSON.stringify(mapping) !== savedJson;
  const missingRequired = (detections ?? []).flatMap((d) =>
    d.sheet ? d.columns.filter((c) => c.required && !c.column).map((c) => ({ role: d.role, column: c })) : [],
  );

  return (
    <section className={styles.section} aria-labelledby="ntm-mapping-heading">
      <Subtitle2 as="h2" id="ntm-mapping-heading">
        {tr("pane.mapping.heading")}
      </Subtitle2>
      <Caption1 className={styles.muted}>{tr("pane.mapping.hint")}</Caption1>
      {error !== null && <ErrorBar error={error} onDismiss={() => setError(null)} />}
      {detecting && !detections && <Spinner size="tiny" label={tr("pane.mapping.detecting")} />}
      {detections && mapping && (
        <Accordion multiple collapsible>
          {detections.map((d) => (
            <RoleMapping
              key={d.role}
              detection={d}
              sheetNames={sheetNames}
              onSheet={(sheet) => editSheet(withOtherSheet(mapping, d.role, sheet))}
              onHeaderRow={(row) => editSheet(withSheet(mapping, d.role, d.sheet, row))}
              onColumn={(key, column) => editColumn(d.role, key, column)}
            />
          ))}
        </Accordion>
      )}
      {missingRequired.length > 0 && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody className={styles.wrap}>
            {tr("pane.mapping.missingRequired", {
              list: missingRequired.map((m) => `${roleLabel(m.role, lang)}: ${m.column.label}`).join("; "),
            })}
          </MessageBarBody>
        </MessageBar>
      )}
      <div className={styles.actions}>
        <Button
          appearance="primary"
          icon={<Save20Regular />}
          disabledFocusable={!mapping || busy || running}
          onClick={() => mapping && void persist(isEmptyMapping(mapping) ? null : mapping, "saved")}
        >
          {tr("pane.mapping.save")}
        </Button>
        <Button
          icon={<Delete20Regular />}
          disabledFocusable={!mapping || busy || running}
          // An empty mapping, not none: it also empties the visible mapping sheet, which the reader would
          // otherwise read back.
          onClick={() => void persist({}, "cleared")}
        >
          {tr("pane.mapping.clear")}
        </Button>
        <Button
          appearance="subtle"
          icon={<ArrowSync20Regular />}
          disabledFocusable={!mapping || detecting}
          onClick={() => mapping && void detect(mapping)}
        >
          {tr("pane.mapping.refresh")}
        </Button>
      </div>
      <div role="status" aria-live="polite">
        {detecting && detections && (
          <Caption1 className={styles.muted}>{tr("pane.mapping.detecting")}</Caption1>
        )}
        {dirty && !detecting && <Caption1 className={styles.muted}>{tr("pane.mapping.unsaved")}</Caption1>}
        {status && <Text size={200}>{tr(`pane.mapping.${status}`)}</Text>}
      </div>
    </section>
  );
}

function roleLabel(role: ReadRole, lang: "vi" | "en"): string {
  return SHEET_NAMES[role][lang];
}

interface RoleMappingProps {
  detection: SheetDetection;
  sheetNames: string[];
  onSheet: (sheet: string | null) => void;
  onHeaderRow: (row: number | null) => void;
  onColumn: (key: string, column: string | null) => void;
}

function RoleMapping({ detection: d, sheetNames, onSheet, onHeaderRow, onColumn }: RoleMappingProps) {
  const { lang, tr } = usePane();
  const styles = useStyles();
  const form = useFormStyles();
  const found = d.columns.filter((c) => c.column).length;
  const missing = d.sheet ? d.columns.filter((c) => c.required && !c.column).length : 0;
  const sheetOptions = d.sheet && !sheetNames.includes(d.sheet) ? [d.sheet, ...sheetNames] : sheetNames;

  return (
    <AccordionItem value={d.role}>
      <AccordionHeader size="small">
        <span className={styles.headerText}>
          <span className={styles.headerLine}>
            <Text weight="semibold" size={200}>
              {roleLabel(d.role, lang)}
            </Text>
            {missing > 0 && (
              <Badge appearance="tint" color="danger" size="small">
                {tr("pane.mapping.missingCount", { count: missing })}
              </Badge>
            )}
          </span>
          <Caption1 className={mergeClasses(styles.muted, styles.wrap)}>
            {!d.sheet
              ? tr("pane.mapping.noSheet")
              : d.columns.length === 0
                ? d.sheet
                : `${d.sheet} · ${tr("pane.mapping.roleSummary", { found, total: d.columns.length })}`}
          </Caption1>
        </span>
      </AccordionHeader>
      <AccordionPanel>
        <div className={styles.panel}>
          <div className={styles.sheetRow}>
            <Field className={form.field} label={tr("pane.mapping.sheet")}>
              <Select
                className={form.control}
                value={d.sheet ?? ""}
                onChange={(_, data) => onSheet(data.value || null)}
              >
                <option value="">{tr("pane.mapping.noSheetOption")}</option>
                {sheetOptions.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </Select>
            </Field>
            <Field className={form.field} label={tr("pane.mapping.headerRow")}>
              <SpinButton
                className={form.spin}
                input={{ className: form.spinInput }}
                value={d.headerRow}
                min={1}
                disabled={!d.sheet}
                onChange={(_, data) => {
                  const row =
                    data.value ??
                    (data.displayValue !== undefined ? Number.parseInt(data.displayValue, 10) : NaN);
                  if (row !== null && Number.isInteger(row) && row >= 1) onHeaderRow(row);
                }}
              />
            </Field>
          </div>
          {KINDS.map((kind) => {
            const columns = d.columns.filter((c) => c.kind === kind);
            if (columns.length === 0) return null;
            return (
              <div
                key={kind}
                className={styles.panel}
                role="group"
                aria-label={tr(`pane.mapping.kind.${kind}`)}
              >
                <Caption1 className={styles.kind}>{tr(`pane.mapping.kind.${kind}`)}</Caption1>
                {columns.map((c) => (
                  <ColumnRow key={c.key} role={d.role} column={c} headers={d.headers} onColumn={onColumn} />
                ))}
              </div>
            );
          })}
        </div>
      </AccordionPanel>
    </AccordionItem>
  );
}

interface ColumnRowProps {
  role: ReadRole;
  column: DetectedColumn;
  headers: SheetDetection["headers"];
  onColumn: (key: string, column: string | null) => void;
}

function ColumnRow({ role, column: c, headers, onColumn }: ColumnRowProps) {
  const { tr } = usePane();
  const styles = useStyles();
  const form = useFormStyles();
  const level = confidenceLevel(c);
  const badgeId = `ntm-conf-${role}-${c.key.replace(/[^\w-]/g, "_")}`;
  const options =
    c.column && !headers.some((h) => h.column === c.column)
      ? [{ column: c.column, header: c.header ?? "" }, ...headers]
      : headers;
  const label = c.required ? `${c.label} (${tr("pane.mapping.required")})` : c.label;
  const missingRequired = c.required && !c.column;
  return (
    <Field
      className={form.field}
      label={label}
      validationState={missingRequired ? "error" : "none"}
      validationMessage={missingRequired ? tr("pane.mapping.requiredMissing") : undefined}
    >
      {(fieldProps) => (
        <div className={styles.columnRow}>
          <Select
            className={form.control}
            {...fieldProps}
            aria-describedby={[fieldProps["aria-describedby"], badgeId].filter(Boolean).join(" ")}
            value={c.column ?? ""}
            onChange={(_, data) => onColumn(c.key, data.value || null)}
          >
            <option value="">{tr("pane.mapping.noColumnOption")}</option>
            {options.map((h) => (
              <option key={h.column} value={h.column}>
                {tr("pane.mapping.columnOption", { column: h.column, header: h.header })}
              </option>
            ))}
          </Select>
          <Badge
            id={badgeId}
            appearance="tint"
            size="medium"
            color={missingRequired ? "danger" : BADGE_COLOUR[level]}
          >
            {tr(`pane.confidence.${level}`)}
          </Badge>
        </div>
      )}
    </Field>
  );
}
