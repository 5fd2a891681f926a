/**
 * What the readers need from the GSO unit lists: names in, units out, in batches (one per sheet, so
 * a province can be inferred from the names themselves). Implemented over the embedded lists in
 * ./units; tests may give their own.
 */
import type { Level } from "../../domain/types";

export interface NameRequest {
  text: string;
  level: Level;
  /** The district the name falls under: a GSO code, or a name from a section row or a column. */
  district?: string;
}

export interface UnitCandidate {
  code: string;
  name: string;
}

export type ResolvedName =
  | {
      kind: "matched";
      code: string;
      /** The unit's name as the list writes it ("Xã Trung Lộc"). */
      name: string;
      unitType?: string;
      /** The unit's district (communes of the 2024 list) or province (districts). */
      parentCode?: string;
      candidates: UnitCandidate[];
    }
  | { kind: "ambiguous" | "unmatched"; candidates: UnitCandidate[] };

export interface NameResolver {
  resolve(requests: readonly NameRequest[]): ResolvedName[];
}
