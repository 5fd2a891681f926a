/**
 * The task pane: language switch, the five tabs, and the recalculation status shown above every
 * tab. Everything reaches Excel through the Host it is given, so tests render it with a test host.
 */
import { useCallback, useMemo, useState, type ReactElement } from "react";
import {
  CounterBadge,
  makeStyles,
  Tab,
  TabList,
  tokens,
  ToggleButton,
  useId,
} from "@fluentui/react-components";
import {
  Calculator20Regular,
  DocumentBulletList20Regular,
  Money20Regular,
  Settings20Regular,
  Warning20Regular,
} from "@fluentui/react-icons";
import { langFromLocale, t, type Lang } from "../i18n";
import { PaneContext, type PaneContextValue } from "./context";
import type { Host } from "./host";
import { ErrorBar } from "./ErrorBar";
import { RecalcStatus } from "./RecalcStatus";
import { openTab, PANE_TABS, runRecalculation, usePaneState, type PaneTab } from "./store";
import { FundingTab } from "./tabs/FundingTab";
import { IssuesTab } from "./tabs/IssuesTab";
import { RecalcTab } from "./tabs/RecalcTab";
import { ReportsTab } from "./tabs/ReportsTab";
import { SetupTab } from "./tabs/SetupTab";
import { useAutoRecalc } from "./useAutoRecalc";

export const PREF_LANG = "lang";
export const PREF_AUTO_RECALC = "autoRecalc";

const useStyles = makeStyles({
  root: {
    display: "flex",
    flexDirection: "column",
    minHeight: "100vh",
    boxSizing: "border-box",
    minWidth: 0,
    overflowX: "hidden",
    backgroundColor: tokens.colorNeutralBackground1,
    color: tokens.colorNeutralForeground1,
  },
  header: {
    display: "flex",
    alignItems: "center",
    justifyContent: "space-between",
    padding: `${tokens.spacingVerticalXS} ${tokens.spacingHorizontalM} 0`,
  },
  product: {
    fontWeight: tokens.fontWeightSemibold,
    fontSize: tokens.fontSizeBase300,
  },
  langSwitch: { display: "flex", gap: tokens.spacingHorizontalXXS },
  langButton: {
    minWidth: "36px",
    paddingLeft: tokens.spacingHorizontalXS,
    paddingRight: tokens.spacingHorizontalXS,
  },
  tabList: {
    display: "flex",
    borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`,
    padding: `0 ${tokens.spacingHorizontalXS}`,
  },
  // Icon above the label: five tabs fit side by side at 320 px, each as wide as its label needs.
  tab: {
    flex: "1 1 auto",
    minWidth: 0,
    gridAutoFlow: "row",
    justifyItems: "center",
    rowGap: tokens.spacingVerticalXXS,
    paddingLeft: tokens.spacingHorizontalXXS,
    paddingRight: tokens.spacingHorizontalXXS,
  },
  tabIcon: { gridColumnStart: 1, gridRowStart: 1, position: "relative" },
  tabContent: {
    gridColumnStart: 1,
    gridRowStart: 2,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
    whiteSpace: "nowrap",
    maxWidth: "100%",
    textOverflow: "ellipsis",
  },
  count: { position: "absolute", top: "-6px", left: "12px" },
  panel: {
    flexGrow: 1,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    display: "flex",
    flexDirection: "column",
    rowGap: tokens.spacingVerticalM,
    minWidth: 0,
  },
});

function readPreference(host: Host, key: string): string | null {
  try {
    return host.getPreference(key);
  } catch {
    return null; // an unreadable preference is the same as none: the defaults apply
  }
}

/** The saved language, else Office's: Vietnamese for vi-*, English otherwise. */
export function initialLang(host: Host): Lang {
  const saved = readPreference(host, PREF_LANG);
  if (saved === "vi" || saved === "en") return saved;
  return langFromLocale(host.displayLanguage());
}

const TAB_ICONS: Record<PaneTab, ReactElement> = {
  setup: <Settings20Regular />,
  recalc: <Calculator20Regular />,
  issues: <Warning20Regular />,
  funding: <Money20Regular />,
  reports: <DocumentBulletList20Regular />,
};

export interface AppProps {
  host: Host;
}

export function App({ host }: AppProps) {
  const styles = useStyles();
  const state = usePaneState();
  const [lang, setLangState] = useState<Lang>(() => initialLang(host));
  const [autoRecalc, setAutoRecalcState] = useState(() => readPreference(host, PREF_AUTO_RECALC) === "on");
  const [prefError, setPrefError] = useState<unknown>(null);
  const auto = useAutoRecalc(host, autoRecalc, state.outcome);
  const idBase = useId("ntm-tab");

  const savePreference = useCallback(
    (key: string, value: string) => {
      try {
        host.setPreference(key, value);
        setPrefError(null);
      } catch (err) {
        setPrefError(err);
      }
    },
    [host],
  );
  const setLang = (next: Lang) => {
    setLangState(next);
    savePreference(PREF_LANG, next);
  };
  const setAutoRecalc = (on: boolean) => {
    setAutoRecalcState(on);
    savePreference(PREF_AUTO_RECALC, on ? "on" : "off");
  };

  const ctx = useMemo<PaneContextValue>(() => ({ host, lang }), [host, lang]);
  const tr = (key: string, params?: Record<string, string | number>) => t(lang, key, params);
  const issueCount = state.outcome?.issues.length ?? 0;
  const tabId = (tab: PaneTab) => `${idBase}-${tab}`;

  return (
    <PaneContext.Provider value={ctx}>
      <div className={styles.root} lang={lang}>
        <div className={styles.header}>
          <span className={styles.product}>NTM Planner</span>
          <div role="group" aria-label={tr("pane.lang.group")} className={styles.langSwitch}>
            {(["vi", "en"] as const).map((l) => (
              <ToggleButton
                key={l}
                size="small"
                appearance="subtle"
                className={styles.langButton}
                checked={lang === l}
                aria-label={`${l.toUpperCase()} – ${tr(`pane.lang.${l}`)}`}
                onClick={() => setLang(l)}
              >
                {l.toUpperCase()}
              </ToggleButton>
            ))}
          </div>
        </div>
        <TabList
          className={styles.tabList}
          selectedValue={state.tab}
          onTabSelect={(_, data) => openTab(data.value as PaneTab)}
          aria-label={tr("pane.tabs")}
          size="small"
        >
          {PANE_TABS.map((tab) => (
            <Tab
              key={tab}
              id={tabId(tab)}
              value={tab}
              className={styles.tab}
              aria-controls={`${idBase}-panel`}
              aria-label={
                tab === "issues" && issueCount > 0
                  ? tr("pane.tab.issuesCount", { count: issueCount })
                  : undefined
              }
              icon={{
                className: styles.tabIcon,
                children: (
                  <>
                    {TAB_ICONS[tab]}
                    {tab === "issues" && issueCount > 0 && (
                      <CounterBadge
                        className={styles.count}
                        size="small"
                        color={
                          state.outcome?.issues.some((i) => i.severity === "error") ? "danger" : "informative"
                        }
                        count={issueCount}
                        overflowCount={999}
                        aria-hidden
                      />
                    )}
                  </>
                ),
              }}
              content={{ className: styles.tabContent }}
            >
              {tr(`pane.tab.${tab}`)}
            </Tab>
          ))}
        </TabList>
        <RecalcStatus />
        {prefError !== null && <ErrorBar error={prefError} onDismiss={() => setPrefError(null)} />}
        <div
          className={styles.panel}
          role="tabpanel"
          id={`${idBase}-panel`}
          aria-labelledby={tabId(state.tab)}
        >
          {state.tab === "setup" && <SetupTab />}
          {state.tab === "recalc" && (
            <RecalcTab
              autoRecalc={autoRecalc}
              onAutoRecalcChange={setAutoRecalc}
              auto={auto}
              onRecalculate={() => void runRecalculation(host, "pane")}
            />
          )}
          {state.tab === "issues" && <IssuesTab />}
          {state.tab === "funding" && <FundingTab />}
          {state.tab === "reports" && <ReportsTab />}
        </div>
      </div>
    </PaneContext.Provider>
  );
}
