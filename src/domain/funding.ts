/**
 * Funding mix per locality (funding.md §5.3, §7).
 *
 * 1. Each budget line is normalised over the source tree: a node is worth the sum of its children
 *    when any child has an amount, its own amount otherwise (a parent given alone, e.g. "state
 *    budget" without the central/local split). A parent that disagrees with its children is reported.
 * 2. Plan and actual money is summed per locality, then rolled up: a locality's mix covers its own
 *    lines and all its descendants' lines.
 * 3. Mixes are reported with and without credit (credit is an outstanding balance, a stock, §5.3.2),
 *    with the disbursement rate, the plan money per criterion, and two flags: unmet criteria without
 *    planned money, and local counterpart below the plan's minimum ratio.
 *
 * Output order: results and flags follow `localities` (per locality: its unmet criteria in the
 * order given, then the counterpart flag); issues follow the lines.
 *
 * Cost is linear and allocation-light: one pass over the lines into per-locality typed arrays, one
 * post-order pass rolling children into parents, one pass building the results (which, with three
 * records per mix, is most of the time). Sums of lines within a locality are compensated (Neumaier),
 * so reordering the lines does not change a single bit of the output; roll-ups follow the order of
 * `localities`, which is part of the input.
 */
import type {
  BudgetLine,
  CellRef,
  CriterionCode,
  FundingFlag,
  FundingMix,
  FundingResult,
  Issue,
  Level,
  Locality,
  LocalityCode,
  Severity,
  SourceCode,
  SourceNode,
} from "./types";

export interface FundingInput {
  lines: readonly BudgetLine[];
  /** The funding-category tree (funding.md §7), parents before or after children, any order. */
  sources: readonly SourceNode[];
  /** Provinces, districts (optional level), communes, villages. Results follow this order. */
  localities: readonly Pick<Locality, "code" | "level" | "parent">[];
  /** Lines of this year count, and lines with no year. */
  year: number;
  /** Minimum NSĐP/NSTW on the plan; null = not set (no counterpart flag). */
  counterpartRatio: number | null;
  /** Locality code → criterion codes not met (from attainment). */
  unmet: ReadonlyMap<LocalityCode, readonly CriterionCode[]>;
  /** Source codes compared by the counterpart rule; default {@link DEFAULT_COUNTERPART_CODES}. */
  counterpartCodes?: { central: SourceCode; local: SourceCode };
}

export interface FundingOutput {
  results: FundingResult[];
  flags: FundingFlag[];
  issues: Issue[];
}

export const DEFAULT_COUNTERPART_CODES: Readonly<{ central: SourceCode; local: SourceCode }> = Object.freeze({
  central: "NSTW",
  local: "NSDP",
});

/** A parent is reported when it differs from its children's sum by more than this share of itself… */
export const PARENT_MISMATCH_RELATIVE = 0.005;
/** …and by more than this absolute amount (rounding of small amounts). */
export const PARENT_MISMATCH_ABSOLUTE = 0.01;

/** Issue codes raised here (messages: `issue.<code>` in src/i18n/strings/funding.ts). */
export const FUNDING_ISSUE_CODES = [
  "FUNDING_PARENT_MISMATCH",
  "FUNDING_NEGATIVE",
  "FUNDING_NOT_A_NUMBER",
  "FUNDING_UNKNOWN_SOURCE",
  "FUNDING_UNKNOWN_LOCALITY",
  "FUNDING_AMBIGUOUS_LOCALITY",
] as const;

export function computeFunding(input: FundingInput): FundingOutput {
  const tree = compileSources(input.sources);
  const locs = compileLocalities(input.localities);
  const S = tree.codes.length;
  const L = locs.count;
  const issues: Issue[] = [];

  // ---- 1. One pass over the lines: normalise, then add into the line's locality (compensated). ----
  const planSum = new Float64Array(L * S);
  const planComp = new Float64Array(L * S);
  const actualSum = new Float64Array(L * S);
  const actualComp = new Float64Array(L * S);
  const lineCount = new Int32Array(L);
  const scratch = lineScratch(S);
  const critIndex = new Map<CriterionCode, number>();
  const critCodes: CriterionCode[] = [];
  // One record per planned line with a criterion: (locality, criterion, line total).
  const recLoc = new Int32Array(input.lines.length);
  const recCrit = new Int32Array(input.lines.length);
  const recAmount = new Float64Array(input.lines.length);
  let records = 0;
  const ambiguous = locs.ambiguous.slice(); // 1 = not yet reported

  let lastCode: LocalityCode | undefined;
  let lastLoc: number | undefined;
  for (const line of input.lines) {
    if (line.year != null && line.year !== input.year) continue;
    // Lines usually come grouped by locality: skip the lookup while the code repeats.
    const loc = line.locality === lastCode ? lastLoc : locs.byCode.get(line.locality);
    lastCode = line.locality;
    lastLoc = loc;
    if (loc === undefined) {
      issues.push(issueAt("warning", "FUNDING_UNKNOWN_LOCALITY", line.ref, { code: line.locality }));
      continue;
    }
    if (ambiguous[loc] === 1) {
      ambiguous[loc] = 2;
      issues.push(
        issueAt("warning", "FUNDING_AMBIGUOUS_LOCALITY", line.ref, {
          code: line.locality,
          level: locs.level[loc],
        }),
      );
    }

    const total = normaliseLine(line, tree, scratch, issues);
    lineCount[loc]++;
    const isActual = line.kind === "actual";
    const sums = isActual ? actualSum : planSum;
    const comps = isActual ? actualComp : planComp;
    const base = loc * S;
    const { nodes, values } = scratch;
    for (let t = 0; t < scratch.count; t++) neumaierAdd(sums, comps, base + nodes[t], values[t]);

    if (!isActual && total > 0 && line.criterion !== undefined && line.criterion !== "") {
      let k = critIndex.get(line.criterion);
      if (k === undefined) {
        k = critCodes.length;
        critIndex.set(line.criterion, k);
        critCodes.push(line.criterion);
      }
      recLoc[records] = loc;
      recCrit[records] = k;
      recAmount[records++] = total;
    }
  }

  // ---- 2. Roll up: reverse pre-order visits every locality after all its descendants. ----
  for (let j = 0; j < L * S; j++) {
    planSum[j] += planComp[j];
    actualSum[j] += actualComp[j];
  }
  const { preorder, parent } = locs.forest;
  for (let p = L - 1; p >= 0; p--) {
    const child = preorder[p];
    const up = parent[child];
    if (up < 0) continue;
    lineCount[up] += lineCount[child];
    const from = child * S;
    const to = up * S;
    for (let i = 0; i < S; i++) {
      planSum[to + i] += planSum[from + i];
      actualSum[to + i] += actualSum[from + i];
    }
  }
  const byCriterion = rollUpCriteria(locs, critCodes, recLoc, recCrit, recAmount, records);

  // ---- 3. Results and flags, in the order of `localities`. ----
  const results: FundingResult[] = [];
  const flags: FundingFlag[] = [];
  const counterpart = input.counterpartCodes ?? DEFAULT_COUNTERPART_CODES;
  const central = tree.slot[counterpart.central];
  const local = tree.slot[counterpart.local];
  const required = input.counterpartRatio;
  const unmetAt = new Array<readonly CriterionCode[] | undefined>(L);
  for (const [code, criteria] of input.unmet) {
    const loc = locs.byCode.get(code);
    if (loc !== undefined) unmetAt[loc] = criteria;
  }

  for (let loc = 0; loc < L; loc++) {
    const base = loc * S;
    if (lineCount[loc] > 0 || locs.level[loc] === "province") {
      results.push(
        new StoredFundingResult(locs.code[loc], locs.level[loc], tree, planSum, actualSum, base, () =>
          byCriterion.recordAt(loc),
        ),
      );
    }

    const code = locs.code[loc];
    const unmet = unmetAt[loc];
    if (unmet !== undefined) {
      for (let j = 0; j < unmet.length; j++) {
        const criterion = unmet[j];
        if (unmet.indexOf(criterion) === j && byCriterion.amountAt(loc, criterion) === 0) {
          flags.push({ kind: "unmetWithoutMoney", locality: code, criterion });
        }
      }
    }
    if (required !== null && central !== undefined) {
      const centralAmount = planSum[base + central];
      if (centralAmount > 0) {
        const ratio = (local === undefined ? 0 : planSum[base + local]) / centralAmount;
        if (ratio < required) flags.push({ kind: "lowCounterpart", locality: code, ratio, required });
      }
    }
  }

  return { results, flags, issues };
}

// ---------- Lines ----------

/**
 * Scratch space for normalising one line at a time. Only the nodes given and their ancestors are
 * visited, and `given`, `childSum` and `pending` are all-zero between lines since each visit clears
 * what it read. After `normaliseLine`, nodes[0 … count-1] and values[0 … count-1] hold every node
 * with a value, children before parents.
 */
interface LineScratch {
  given: Float64Array;
  childSum: Float64Array;
  pending: Uint8Array;
  nodes: Int32Array;
  values: Float64Array;
  count: number;
}

function lineScratch(size: number): LineScratch {
  return {
    given: new Float64Array(size),
    childSum: new Float64Array(size),
    pending: new Uint8Array(size),
    nodes: new Int32Array(size),
    values: new Float64Array(size),
    count: 0,
  };
}

/** Normalises `line` into `scratch` and returns its total (the sum of the roots). */
function normaliseLine(line: BudgetLine, tree: SourceTree, scratch: LineScratch, issues: Issue[]): number {
  const { given, childSum, pending, nodes, values } = scratch;
  let highest = -1;
  const amounts = line.amounts;
  for (const code in amounts) {
    const amount = amounts[code];
    const s = tree.slot[code];
    if (s !== undefined && typeof amount === "number" && amount >= 0 && amount < Infinity) {
      if (amount > 0) {
        given[s] = amount;
        pending[s] = 1;
        if (s > highest) highest = s;
      }
    } else if (s === undefined) {
      if (amount !== 0)
        issues.push(issueAt("warning", "FUNDING_UNKNOWN_SOURCE", cellOf(line, code), { code }));
    } else if (amount < 0) {
      issues.push(issueAt("error", "FUNDING_NEGATIVE", cellOf(line, code), { code, value: amount }));
    } else {
      issues.push(issueAt("error", "FUNDING_NOT_A_NUMBER", cellOf(line, code), { code }));
    }
  }

  // Children have higher indices than their parents: walking down the indices is a post-order.
  let total = 0;
  let count = 0;
  for (let i = highest; i >= 0; i--) {
    if (pending[i] === 0) continue;
    pending[i] = 0;
    const own = given[i];
    const sum = childSum[i];
    given[i] = 0;
    childSum[i] = 0;
    let v = own;
    if (sum > 0) {
      if (
        own > 0 &&
        Math.abs(own - sum) > Math.max(PARENT_MISMATCH_RELATIVE * own, PARENT_MISMATCH_ABSOLUTE)
      ) {
        const code = tree.codes[i];
        issues.push(
          issueAt("warning", "FUNDING_PARENT_MISMATCH", cellOf(line, code), { code, given: own, sum }),
        );
      }
      v = sum;
    }
    nodes[count] = i;
    values[count++] = v;
    const up = tree.parent[i];
    if (up < 0) total += v;
    else {
      childSum[up] += v;
      pending[up] = 1;
    }
  }
  scratch.count = count;
  return total;
}

// ---------- Mixes ----------

/**
 * The mix of one locality over the summed amounts `sums[base … base+S-1]`. Its three records are
 * built on first read (then kept): at national scale that is six records × 11,000 localities that
 * most callers never look at. Prototype getters, so `toJSON` lists them for JSON.
 */
export class StoredFundingMix implements FundingMix {
  readonly total: number;
  readonly #tree: SourceTree;
  readonly #sums: Float64Array;
  readonly #base: number;
  #bySource: Record<SourceCode, number> | undefined;
  #shares: Record<SourceCode, number> | undefined;
  #sharesExcludingCredit: Record<SourceCode, number> | undefined;

  constructor(tree: SourceTree, sums: Float64Array, base: number) {
    let total = 0;
    for (let r = 0; r < tree.roots.length; r++) total += sums[base + tree.roots[r]];
    this.total = total > 0 ? total : 0;
    this.#tree = tree;
    this.#sums = sums;
    this.#base = base;
  }

  /** Amount per source, non-zero sources only, parents before children. */
  get bySource(): Record<SourceCode, number> {
    return (this.#bySource ??= this.#record((v) => v));
  }

  get shares(): Record<SourceCode, number> {
    const total = this.total;
    return (this.#shares ??= this.#record((v) => v / total));
  }

  get sharesExcludingCredit(): Record<SourceCode, number> {
    return (this.#sharesExcludingCredit ??= this.#withoutCredit());
  }

  toJSON(): FundingMix {
    return {
      total: this.total,
      bySource: this.bySource,
      shares: this.shares,
      sharesExcludingCredit: this.sharesExcludingCredit,
    };
  }

  #record(map: (v: number) => number): Record<SourceCode, number> {
    const out: Record<SourceCode, number> = {};
    if (!(this.total > 0)) return out;
    const { codes } = this.#tree;
    for (let i = 0; i < codes.length; i++) {
      const v = this.#sums[this.#base + i];
      if (v !== 0) out[codes[i]] = map(v);
    }
    return out;
  }

  /**
   * Shares of the flow roots only. A stock node under a flow node (not in the §7 tree) is taken out
   * of every flow node above it.
   */
  #withoutCredit(): Record<SourceCode, number> {
    const out: Record<SourceCode, number> = {};
    if (!(this.total > 0)) return out;
    const tree = this.#tree;
    const { codes, roots, credit } = tree;
    const sums = this.#sums;
    const base = this.#base;
    const creditInside = new Float64Array(codes.length);
    if (tree.nestedCredit) creditHeldIn(tree, sums, base, creditInside);
    let totalWithoutCredit = 0;
    for (let r = 0; r < roots.length; r++) {
      const root = roots[r];
      if (!credit[root]) totalWithoutCredit += flowValue(tree, sums[base + root], creditInside, root);
    }
    if (totalWithoutCredit > 0) {
      for (let i = 0; i < codes.length; i++) {
        if (credit[i]) continue;
        const v = flowValue(tree, sums[base + i], creditInside, i);
        if (v !== 0) out[codes[i]] = v / totalWithoutCredit;
      }
    }
    return out;
  }
}

/** A locality's plan mix (its own fields) with its actual mix, disbursement and money per criterion. */
export class StoredFundingResult extends StoredFundingMix implements FundingResult {
  readonly code: LocalityCode;
  readonly level: Level;
  readonly actual: StoredFundingMix;
  readonly disbursementRate: number | null;
  readonly #criteria: () => Record<CriterionCode, number>;
  #byCriterion: Record<CriterionCode, number> | undefined;

  constructor(
    code: LocalityCode,
    level: Level,
    tree: SourceTree,
    plan: Float64Array,
    actual: Float64Array,
    base: number,
    criteria: () => Record<CriterionCode, number>,
  ) {
    super(tree, plan, base);
    this.code = code;
    this.level = level;
    this.actual = new StoredFundingMix(tree, actual, base);
    this.disbursementRate = this.total > 0 ? this.actual.total / this.total : null;
    this.#criteria = criteria;
  }

  get byCriterion(): Record<CriterionCode, number> {
    return (this.#byCriterion ??= this.#criteria());
  }

  override toJSON(): FundingResult {
    return {
      code: this.code,
      level: this.level,
      ...super.toJSON(),
      actual: this.actual.toJSON(),
      disbursementRate: this.disbursementRate,
      byCriterion: this.byCriterion,
    };
  }
}

/** Fills `out[i]` with the credit held inside flow node i. */
function creditHeldIn(tree: SourceTree, sums: Float64Array, base: number, out: Float64Array): void {
  const { credit, childStart, children } = tree;
  for (let i = tree.codes.length - 1; i >= 0; i--) {
    let inside = 0;
    if (!credit[i]) {
      for (let k = childStart[i], end = childStart[i + 1]; k < end; k++) {
        const c = children[k];
        inside += credit[c] ? sums[base + c] : out[c];
      }
    }
    out[i] = inside;
  }
}

/** A flow node's value less the credit inside it; the rounding noise of a node holding only credit → 0. */
function flowValue(tree: SourceTree, value: number, creditInside: Float64Array, i: number): number {
  if (!tree.nestedCredit || creditInside[i] === 0) return value;
  const rest = value - creditInside[i];
  return rest > value * 1e-12 ? rest : 0;
}

function neumaierAdd(sums: Float64Array, comps: Float64Array, j: number, x: number): void {
  const s = sums[j];
  const t = s + x;
  comps[j] += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
  sums[j] = t;
}

// ---------- Plan money per criterion ----------

interface CriterionSums {
  /** Criterion codes in natural order ("2" < "10" < "20.HT" < "KM"). */
  codes: CriterionCode[];
  /** The same as property keys: array-index codes as numbers, which V8 stores faster. */
  keys: (CriterionCode | number)[];
  /** Entries of locality `l` are start[l] … start[l+1]-1, in code order. */
  start: Int32Array;
  crit: Int32Array;
  amount: Float64Array;
  amountAt(loc: number, criterion: CriterionCode): number;
  /** Money per criterion of locality `loc`, in code order. */
  recordAt(loc: number): Record<CriterionCode, number>;
}

/**
 * Sparse roll-up of (locality, criterion, amount) records: memory and time grow with the records and
 * the depth of the tree, never with localities × criterion codes (free text in the criterion column
 * must not blow up). Records are grouped by criterion, then by the locality's pre-order position
 * (two stable counting sorts); each locality's own sum is compensated, then added to its ancestors.
 */
function rollUpCriteria(
  locs: CompiledLocalities,
  firstSeen: CriterionCode[],
  recLoc: Int32Array,
  recCrit: Int32Array,
  recAmount: Float64Array,
  R: number,
): CriterionSums {
  const L = locs.count;
  const K = firstSeen.length;
  const order = firstSeen.map((_, i) => i).sort((a, b) => compareCodes(firstSeen[a], firstSeen[b]));
  const rank = new Int32Array(K);
  order.forEach((original, r) => (rank[original] = r));
  const codes = order.map((i) => firstSeen[i]);
  const position = new Int32Array(L);
  const { preorder, parent } = locs.forest;
  for (let p = 0; p < L; p++) position[preorder[p]] = p;

  // Stable counting sorts: by pre-order position, then by criterion rank.
  const byPosition = new Int32Array(R);
  const bucket = new Int32Array(Math.max(L, K) + 1);
  for (let r = 0; r < R; r++) bucket[position[recLoc[r]] + 1]++;
  for (let b = 0; b < L; b++) bucket[b + 1] += bucket[b];
  for (let r = 0; r < R; r++) byPosition[bucket[position[recLoc[r]]]++] = r;
  const sorted = new Int32Array(R);
  bucket.fill(0);
  for (let r = 0; r < R; r++) bucket[rank[recCrit[r]] + 1]++;
  for (let b = 0; b < K; b++) bucket[b + 1] += bucket[b];
  for (let j = 0; j < R; j++) {
    const r = byPosition[j];
    sorted[bucket[rank[recCrit[r]]]++] = r;
  }

  const scratch = new Float64Array(L);
  const touched = new Int32Array(L);
  const marked = new Uint8Array(L);
  const outLoc: number[] = [];
  const outCrit: number[] = [];
  const outAmount: number[] = [];
  let p = 0;
  while (p < R) {
    const k = rank[recCrit[sorted[p]]];
    let nTouched = 0;
    while (p < R && rank[recCrit[sorted[p]]] === k) {
      const loc = recLoc[sorted[p]];
      let s = 0;
      let c = 0;
      while (p < R && recLoc[sorted[p]] === loc && rank[recCrit[sorted[p]]] === k) {
        const x = recAmount[sorted[p]];
        const t = s + x;
        c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
        s = t;
        p++;
      }
      const own = s + c;
      for (let a = loc; a >= 0; a = parent[a]) {
        if (!marked[a]) {
          marked[a] = 1;
          touched[nTouched++] = a;
        }
        scratch[a] += own;
      }
    }
    for (let j = 0; j < nTouched; j++) {
      const a = touched[j];
      outLoc.push(a);
      outCrit.push(k);
      outAmount.push(scratch[a]);
      scratch[a] = 0;
      marked[a] = 0;
    }
  }

  // Entries by locality (stable, so each locality's entries stay in criterion order).
  const n = outLoc.length;
  const start = new Int32Array(L + 1);
  for (let e = 0; e < n; e++) start[outLoc[e] + 1]++;
  for (let l = 0; l < L; l++) start[l + 1] += start[l];
  const next = start.slice(0, L);
  const crit = new Int32Array(n);
  const amount = new Float64Array(n);
  for (let e = 0; e < n; e++) {
    const j = next[outLoc[e]]++;
    crit[j] = outCrit[e];
    amount[j] = outAmount[e];
  }
  const rankOf = new Map<CriterionCode, number>(codes.map((code, r) => [code, r]));
  // Array-index codes as numbers as property keys, which V8 stores faster.
  const keys = codes.map((code) => (/^(0|[1-9]\d{0,8})$/.test(code) ? Number(code) : code));
  return {
    codes,
    keys,
    start,
    crit,
    amount,
    recordAt(loc) {
      const out: Record<CriterionCode, number> = {};
      for (let e = start[loc]; e < start[loc + 1]; e++) out[keys[crit[e]]] = amount[e];
      return out;
    },
    amountAt(loc, criterion) {
      const r = rankOf.get(criterion);
      if (r === undefined) return 0;
      for (let e = start[loc]; e < start[loc + 1]; e++) if (crit[e] === r) return amount[e];
      return 0;
    },
  };
}

/** Natural order of codes: digit runs compare as numbers ("2" < "10"), the rest by code unit. */
export function compareCodes(a: string, b: string): number {
  const ta = a.match(/\d+|\D+/g) ?? [];
  const tb = b.match(/\d+|\D+/g) ?? [];
  for (let i = 0; i < Math.min(ta.length, tb.length); i++) {
    const x = ta[i];
    const y = tb[i];
    if (x === y) continue;
    const xDigits = x.charCodeAt(0) >= 48 && x.charCodeAt(0) <= 57;
    const yDigits = y.charCodeAt(0) >= 48 && y.charCodeAt(0) <= 57;
    if (xDigits && yDigits) {
      const xs = x.replace(/^0+/, "");
      const ys = y.replace(/^0+/, "");
      if (xs.length !== ys.length) return xs.length - ys.length;
      if (xs !== ys) return xs < ys ? -1 : 1;
      continue; // same number, different leading zeros: settled by the final comparison
    }
    if (xDigits !== yDigits) return xDigits ? -1 : 1;
    return x < y ? -1 : 1;
  }
  if (ta.length !== tb.length) return ta.length - tb.length;
  return a === b ? 0 : a < b ? -1 : 1;
}

// ---------- Trees ----------

interface Forest {
  /** Node indices in pre-order: every node before its descendants, siblings in index order. */
  preorder: Int32Array;
  /** Parent in the forest, -1 for a root. Cycles in the declared parents are broken. */
  parent: Int32Array;
}

/** Builds a forest from declared parents (-1 = root). A cycle is cut at its first node in index order. */
function buildForest(declared: Int32Array): Forest {
  const n = declared.length;
  const childStart = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) if (declared[i] >= 0) childStart[declared[i] + 1]++;
  for (let i = 0; i < n; i++) childStart[i + 1] += childStart[i];
  const fill = childStart.slice(0, n);
  const children = new Int32Array(childStart[n]);
  for (let i = 0; i < n; i++) if (declared[i] >= 0) children[fill[declared[i]]++] = i;

  const preorder = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const visited = new Uint8Array(n);
  const stack = new Int32Array(n);
  let out = 0;
  const visitFrom = (root: number): void => {
    let top = 0;
    stack[top++] = root;
    visited[root] = 1;
    while (top > 0) {
      const node = stack[--top];
      preorder[out++] = node;
      for (let k = childStart[node + 1] - 1; k >= childStart[node]; k--) {
        const c = children[k];
        if (!visited[c]) {
          visited[c] = 1;
          parent[c] = node;
          stack[top++] = c;
        }
      }
    }
  };
  for (let i = 0; i < n; i++) if (declared[i] < 0) visitFrom(i);
  for (let i = 0; i < n; i++) if (!visited[i]) visitFrom(i);
  return { preorder, parent };
}

interface SourceTree {
  /** Codes in pre-order: a child's index is always greater than its parent's. */
  codes: SourceCode[];
  /** Code → index; a prototype-less object, faster than a Map for the per-amount lookup. */
  slot: Record<SourceCode, number | undefined>;
  /** Parent index, -1 for a root. */
  parent: Int32Array;
  /** Children of node i: children[childStart[i]] … children[childStart[i+1]-1]. */
  childStart: Int32Array;
  children: Int32Array;
  roots: Int32Array;
  /** 1 for a stock node (credit) and everything under it. */
  credit: Uint8Array;
  /** Some stock node sits under a flow node. */
  nestedCredit: boolean;
}

function compileSources(nodes: readonly SourceNode[]): SourceTree {
  const unique: SourceNode[] = [];
  const first = new Map<SourceCode, number>();
  for (const node of nodes) {
    if (!first.has(node.code)) {
      first.set(node.code, unique.length);
      unique.push(node);
    }
  }
  const n = unique.length;
  const declared = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const p = unique[i].parent === undefined ? undefined : first.get(unique[i].parent!);
    declared[i] = p === undefined || p === i ? -1 : p;
  }
  const forest = buildForest(declared);
  const position = new Int32Array(n);
  for (let k = 0; k < n; k++) position[forest.preorder[k]] = k;

  const codes: SourceCode[] = new Array<SourceCode>(n);
  const slot: Record<SourceCode, number | undefined> = Object.create(null);
  const parentOf = new Int32Array(n);
  const credit = new Uint8Array(n);
  const rootList: number[] = [];
  for (let k = 0; k < n; k++) {
    const original = forest.preorder[k];
    codes[k] = unique[original].code;
    slot[codes[k]] = k;
    const p = forest.parent[original];
    parentOf[k] = p < 0 ? -1 : position[p];
    if (p < 0) rootList.push(k);
    credit[k] = unique[original].stock || (parentOf[k] >= 0 && credit[parentOf[k]]) ? 1 : 0;
  }
  const childStart = new Int32Array(n + 1);
  for (let k = 0; k < n; k++) if (parentOf[k] >= 0) childStart[parentOf[k] + 1]++;
  for (let k = 0; k < n; k++) childStart[k + 1] += childStart[k];
  const fill = childStart.slice(0, n);
  const children = new Int32Array(childStart[n]);
  for (let k = 0; k < n; k++) if (parentOf[k] >= 0) children[fill[parentOf[k]]++] = k;
  let nestedCredit = false;
  for (let k = 0; k < n; k++) if (credit[k] && parentOf[k] >= 0 && !credit[parentOf[k]]) nestedCredit = true;
  return {
    codes,
    slot,
    parent: parentOf,
    childStart,
    children,
    roots: Int32Array.from(rootList),
    credit,
    nestedCredit,
  };
}

const DEPTH: Record<Level, number> = { province: 0, district: 1, commune: 2, village: 3 };
const LEVELS_BY_DEPTH: readonly Level[] = ["province", "district", "commune", "village"];

interface CompiledLocalities {
  count: number;
  code: LocalityCode[];
  level: Level[];
  /** Code → the first locality with that code in input order (the one lines and `unmet` refer to). */
  byCode: Map<LocalityCode, number>;
  /** 1 for the locality `byCode` names when its code is also used at another level. */
  ambiguous: Uint8Array;
  forest: Forest;
}

/**
 * Indexes the localities, keeping the first of each level + code as src/domain/hierarchy.ts does. A
 * parent code resolves to the nearest higher level holding it, else to any other locality with it.
 */
function compileLocalities(localities: FundingInput["localities"]): CompiledLocalities {
  const code: LocalityCode[] = [];
  const level: Level[] = [];
  const parentCode: (LocalityCode | undefined)[] = [];
  const atDepth = LEVELS_BY_DEPTH.map(() => new Map<LocalityCode, number>());
  const byCode = new Map<LocalityCode, number>();
  const ambiguousCodes = new Set<LocalityCode>();
  for (const l of localities) {
    const sameLevel = atDepth[DEPTH[l.level]];
    if (sameLevel.has(l.code)) continue;
    const i = code.length;
    sameLevel.set(l.code, i);
    code.push(l.code);
    level.push(l.level);
    parentCode.push(l.parent);
    if (!byCode.has(l.code)) byCode.set(l.code, i);
    else ambiguousCodes.add(l.code);
  }
  const count = code.length;
  const ambiguous = new Uint8Array(count);
  for (const c of ambiguousCodes) ambiguous[byCode.get(c)!] = 1;

  const declared = new Int32Array(count).fill(-1);
  for (let i = 0; i < count; i++) {
    const p = parentCode[i];
    if (p === undefined || p === "") continue;
    let found: number | undefined;
    if (ambiguousCodes.has(p)) {
      for (let d = DEPTH[level[i]] - 1; d >= 0 && found === undefined; d--) found = atDepth[d].get(p);
    }
    if (found === undefined) found = byCode.get(p);
    if (found !== undefined && found !== i) declared[i] = found;
  }
  return { count, code, level, byCode, ambiguous, forest: buildForest(declared) };
}

// ---------- Issues ----------

function cellOf(line: BudgetLine, code: SourceCode): CellRef | undefined {
  return line.cells?.[code] ?? line.ref;
}

function issueAt(severity: Severity, code: string, ref: CellRef | undefined, params: Issue["params"]): Issue {
  return ref ? { severity, code, sheet: ref.sheet, cell: ref.cell, params } : { severity, code, params };
}
