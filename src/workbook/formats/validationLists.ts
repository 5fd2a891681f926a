/**
 * List validations: an inline list ("Đạt,Chưa đạt") when Excel allows one, otherwise a range on the
 * very hidden meta sheet. Pure; each port turns the formula into its own validation.
 *
 * Excel limits the text of an inline list to 255 characters and has no way to escape a comma inside an
 * item, so a list whose joined text is longer, or whose items contain a comma or a double quote, is
 * written to a column of NTM_META (from C1 down, meta.ts) and the validation refers to that range:
 * `'NTM_META'!$C$1:$C$12`. Identical lists share one column. The meta sheet is rewritten on every write,
 * together with every sheet that refers to it.
 */
import { columnLetters, quoteSheetName } from "../a1";
import { META_SHEET } from "../port";
import { META_LIST_FIRST_COLUMN } from "./meta";

export const INLINE_LIST_LIMIT = 255;
/** Excel rejects (repairs) a validation whose error title or message is longer than these. */
export const ERROR_TITLE_LIMIT = 32;
export const ERROR_MESSAGE_LIMIT = 255;

/** The formula of an inline list, or null when the list must go to a helper range. */
export function inlineListFormula(list: readonly string[]): string | null {
  if (list.some((item) => item.includes(",") || item.includes('"'))) return null;
  const joined = list.join(",");
  return joined.length <= INLINE_LIST_LIMIT ? `"${joined}"` : null;
}

/** Collects the lists that need a helper range and hands out their references. */
export class HelperLists {
  private readonly columns: string[][] = [];
  private readonly byKey = new Map<string, number>();

  /** Absolute reference to the helper range holding `list`, allocating a column the first time. */
  reference(list: readonly string[]): string {
    const key = JSON.stringify(list);
    let index = this.byKey.get(key);
    if (index === undefined) {
      index = this.columns.length;
      this.columns.push([...list]);
      this.byKey.set(key, index);
    }
    const col = columnLetters(META_LIST_FIRST_COLUMN + index);
    return `${quoteSheetName(META_SHEET)}!$${col}$1:$${col}$${list.length}`;
  }

  get lists(): readonly (readonly string[])[] {
    return this.columns;
  }
}

/** A validation's error title (`max` = ERROR_TITLE_LIMIT) or message cut to what Excel accepts. */
export function validationText(s: string | undefined, max: number): string | undefined {
  return s === undefined ? undefined : s.length <= max ? s : s.slice(0, max);
}
