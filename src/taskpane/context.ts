/** The host and the user's language, for every component below <App>. */
import { createContext, useContext } from "react";
import { t, type Lang, type Params } from "../i18n";
import type { Host } from "./host";

export interface PaneContextValue {
  host: Host;
  lang: Lang;
}

export const PaneContext = createContext<PaneContextValue | null>(null);

export function usePane(): PaneContextValue & { tr: (key: string, params?: Params) => string } {
  const value = useContext(PaneContext);
  if (!value) throw new Error("usePane() outside <App>");
  return { ...value, tr: (key, params) => t(value.lang, key, params) };
}
