// Log templates mined from messages (evidence stage): Drain, a fixed-depth parse tree (He, Zhu,
// Zheng & Lyu, "Drain: An Online Log Parsing Approach with Fixed Depth Tree", ICWS 2017), after
// masking numbers, IPs, UUIDs, hex and ids. Counts lines per template in the window and baseline.

export interface LogTemplate {
  readonly id: number;
  /** Tokens joined by spaces; `<*>` for varying tokens, `<NUM>` `<IP>` `<UUID>` `<HEX>` `<ID>` for masked ones. */
  readonly template: string;
  readonly window: number;
  readonly baseline: number;
  /** Some line of this template matched a signal of the tree. */
  readonly explained: boolean;
  readonly firstSeen?: number;
  readonly sample?: string;
}

export interface TemplateMinerOptions {
  /** Similarity a message needs to join a cluster (Drain's st). */
  readonly similarity?: number;
  /** Token layers below the length layer (Drain's depth − 2). */
  readonly depth?: number;
  readonly maxChildren?: number;
  /** Clusters kept; lines of further shapes are only counted (memory stays bounded). */
  readonly maxClusters?: number;
  /** Remember token sequences already placed (default true; the result is the same without). */
  readonly memo?: boolean;
}

const WILDCARD = '<*>';
const MAX_TOKENS = 64;
const MAX_SAMPLE = 300;

interface Cluster {
  id: number;
  tokens: string[];
  window: number;
  baseline: number;
  explained: boolean;
  firstSeen?: number;
  sample?: string;
}

interface TreeNode {
  children: Map<string, TreeNode>;
  clusters: Cluster[];
  /** Bumped when a cluster of this leaf is added or changes its tokens. */
  version: number;
}

/** A token sequence seen before: where it went, and the leaf's version after it went there. */
interface Remembered {
  readonly cluster: Cluster;
  readonly leaf: TreeNode;
  readonly version: number;
}

/** Token sequences remembered (the memo is emptied when full), and the longest remembered. */
const MEMO_ENTRIES = 4096;
const MEMO_KEY_CHARS = 1024;

const LEADING = '("\'[{<';
const TRAILING = ')"\']},;:.>';
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/;
const IPV6 = /^\[?[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}\]?(:\d+)?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^(0x[0-9a-f]+|[0-9a-f]{8,})$/i;
// µ as \u00b5: the CLI bundle stays ASCII, which Node reads and V8 parses as one-byte text.
const NUMBER = /^[-+]?\d+([.,]\d+)*(e[-+]?\d+)?(%|[a-z\u00b5]{1,3})?$/i;

/** Replaces a variable token by its kind; tokens without a digit are kept as they are. */
export function maskToken(token: string): string {
  let hasDigit = false;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      hasDigit = true;
      break;
    }
  }
  return hasDigit ? maskDigitToken(token) : token;
}

/** maskToken of a token known to hold a digit. */
function maskDigitToken(token: string): string {
  const eq = token.indexOf('=');
  if (eq > 0 && eq < token.length - 1) return `${token.slice(0, eq + 1)}${maskToken(token.slice(eq + 1))}`;
  // Keep surrounding punctuation: "(id=42)," → "(id=<NUM>),"
  let a = 0;
  while (a < token.length && LEADING.includes(token[a]!)) a++;
  let b = token.length;
  while (b > a && TRAILING.includes(token[b - 1]!)) b--;
  if (a === b) return token;
  const kind = kindOf(token, a, b);
  return a === 0 && b === token.length ? kind : `${token.slice(0, a)}${kind}${token.slice(b)}`;
}

/**
 * The kind of token[a, b): the first of NUMBER, IPV4/IPV6, UUID, HEX that matches, else <ID>. The
 * common shapes are decided without a regular expression (a plain number, a number with a unit, a
 * word that no pattern can start with); the rest go through the patterns.
 */
function kindOf(token: string, a: number, b: number): string {
  const c0 = token.charCodeAt(a);
  // Every pattern starts with a sign, a digit, a hex letter, "[" or ":".
  if (!(isDigit(c0) || isHexLetter(c0) || c0 === 43 || c0 === 45 || c0 === 58 || c0 === 91)) return '<ID>';
  if (isPlainNumber(token, a, b)) return '<NUM>';
  const core = token.slice(a, b);
  if (NUMBER.test(core)) return '<NUM>';
  if (IPV4.test(core) || (core.includes(':') && IPV6.test(core))) return '<IP>';
  if (UUID.test(core)) return '<UUID>';
  if (HEX.test(core)) return '<HEX>';
  return '<ID>';
}

/** A subset of NUMBER: [-+]?\d+([.,]\d+)* then nothing, "%" or one to three ASCII letters. */
function isPlainNumber(token: string, a: number, b: number): boolean {
  let i = a;
  let c = token.charCodeAt(i);
  if (c === 43 || c === 45) c = token.charCodeAt(++i);
  if (!isDigit(c)) return false;
  for (;;) {
    while (i < b && isDigit(token.charCodeAt(i))) i++;
    if (i + 1 < b && (token.charCodeAt(i) === 46 || token.charCodeAt(i) === 44) && isDigit(token.charCodeAt(i + 1))) i++;
    else break;
  }
  if (i === b) return true;
  if (i + 1 === b && token.charCodeAt(i) === 37) return true;
  if (b - i > 3) return false;
  for (; i < b; i++) {
    const l = token.charCodeAt(i) | 32;
    if (l < 97 || l > 122) return false;
  }
  return true;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isHexLetter(c: number): boolean {
  const l = c | 32;
  return l >= 97 && l <= 102;
}

function isVariable(token: string): boolean {
  return token.charCodeAt(0) === 60 && token.charCodeAt(token.length - 1) === 62 && /^<(\*|NUM|IP|UUID|HEX|ID)>$/.test(token);
}

export class TemplateMiner {
  private readonly root: TreeNode = { children: new Map(), clusters: [], version: 0 };
  /**
   * Exact memo: a token sequence that joined (or founded) a cluster of a leaf whose clusters have not
   * changed since would join the same cluster again and change nothing (Drain is deterministic, and
   * a join only turns into <*> the positions where the sequence differs), so it skips the search.
   */
  private readonly memo = new Map<string, Remembered>();
  private readonly clusters: Cluster[] = [];
  private readonly similarity: number;
  private readonly depth: number;
  private readonly maxChildren: number;
  private readonly maxClusters: number;
  private readonly useMemo: boolean;
  /** Lines that fit no cluster once the cap was reached. */
  overflow = { window: 0, baseline: 0 };
  lines = { window: 0, baseline: 0 };

  constructor(options: TemplateMinerOptions = {}) {
    this.similarity = options.similarity ?? 0.4;
    this.depth = options.depth ?? 2;
    this.maxChildren = options.maxChildren ?? 100;
    this.maxClusters = options.maxClusters ?? 5000;
    this.useMemo = options.memo ?? true;
  }

  /** Adds one message seen at `time`, in the window or the baseline; returns the cluster id (or -1). */
  add(message: string, inWindow: boolean, time: number, explained: boolean): number {
    if (inWindow) this.lines.window++;
    else this.lines.baseline++;
    const tokens = tokenize(message);
    if (tokens.length === 0) return -1;
    const key = tokens.join(' ');
    const seen = this.memo.get(key);
    let cluster: Cluster;
    if (seen !== undefined && seen.leaf.version === seen.version) cluster = seen.cluster;
    else {
      const found = this.place(tokens, key);
      if (found === undefined) {
        if (inWindow) this.overflow.window++;
        else this.overflow.baseline++;
        return -1;
      }
      cluster = found;
    }
    if (inWindow) {
      cluster.window++;
      if (cluster.firstSeen === undefined || time < cluster.firstSeen) cluster.firstSeen = time;
      if (cluster.sample === undefined) cluster.sample = message.length > MAX_SAMPLE ? `${message.slice(0, MAX_SAMPLE)}…` : message;
    } else cluster.baseline++;
    if (explained) cluster.explained = true;
    return cluster.id;
  }

  /** Drain's step: the most similar cluster of the sequence's leaf, updated, or a new cluster (undefined at the cap). */
  private place(tokens: string[], key: string): Cluster | undefined {
    const leaf = this.leafFor(tokens);
    let best: Cluster | undefined;
    let bestSim = -1;
    for (const c of leaf.clusters) {
      const sim = similarityOf(c.tokens, tokens);
      if (sim > bestSim) {
        bestSim = sim;
        best = c;
      }
    }
    let cluster: Cluster;
    if (best && bestSim >= this.similarity) {
      cluster = best;
      for (let i = 0; i < tokens.length; i++) {
        if (cluster.tokens[i] !== tokens[i] && cluster.tokens[i] !== WILDCARD) {
          cluster.tokens[i] = WILDCARD;
          leaf.version++;
        }
      }
    } else if (this.clusters.length < this.maxClusters) {
      cluster = { id: this.clusters.length, tokens, window: 0, baseline: 0, explained: false };
      this.clusters.push(cluster);
      leaf.clusters.push(cluster);
      leaf.version++;
      // A sequence of literal <*> tokens may not reach the threshold even against itself: not remembered.
      if (similarityOf(tokens, tokens) < this.similarity) return cluster;
    } else return undefined;
    this.remember(key, { cluster, leaf, version: leaf.version });
    return cluster;
  }

  private remember(key: string, entry: Remembered): void {
    if (!this.useMemo || key.length > MEMO_KEY_CHARS) return;
    if (this.memo.size >= MEMO_ENTRIES) this.memo.clear();
    this.memo.set(key, entry);
  }

  templates(): LogTemplate[] {
    return this.clusters.map((c) => ({
      id: c.id,
      template: c.tokens.join(' '),
      window: c.window,
      baseline: c.baseline,
      explained: c.explained,
      ...(c.firstSeen !== undefined ? { firstSeen: c.firstSeen } : {}),
      ...(c.sample !== undefined ? { sample: c.sample } : {}),
    }));
  }

  /** Drain's descent: first by token count, then by the leading tokens (variables go to `<*>`). */
  private leafFor(tokens: readonly string[]): TreeNode {
    let node = this.child(this.root, String(tokens.length));
    const layers = Math.min(this.depth, tokens.length);
    for (let i = 0; i < layers; i++) {
      const t = tokens[i]!;
      const key = isVariable(t) ? WILDCARD : t;
      const existing = node.children.get(key);
      if (existing) node = existing;
      else if (node.children.size < this.maxChildren) node = this.child(node, key);
      else node = this.child(node, WILDCARD);
    }
    return node;
  }

  private child(node: TreeNode, key: string): TreeNode {
    let c = node.children.get(key);
    if (!c) {
      c = { children: new Map(), clusters: [], version: 0 };
      node.children.set(key, c);
    }
    return c;
  }
}

/** Splits at whitespace and masks tokens holding a digit, in one pass over the characters. */
function tokenize(message: string): string[] {
  const n = Math.min(message.length, 4096);
  const out: string[] = [];
  let i = 0;
  while (i < n && out.length < MAX_TOKENS) {
    while (i < n && isSpace(message.charCodeAt(i))) i++;
    if (i >= n) break;
    const start = i;
    let digits = 0;
    for (; i < n; i++) {
      const c = message.charCodeAt(i);
      if (isSpace(c)) break;
      if (c >= 48 && c <= 57) digits++;
    }
    // A token of digits only is a number, without slicing it.
    if (digits === i - start) out.push('<NUM>');
    else {
      const token = message.slice(start, i);
      out.push(digits > 0 ? maskDigitToken(token) : token);
    }
  }
  return out;
}

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Drain's simSeq: the share of positions where the template holds the same constant token. */
function similarityOf(template: readonly string[], tokens: readonly string[]): number {
  let same = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = template[i]!;
    if (t === tokens[i] && t !== WILDCARD) same++;
  }
  return same / tokens.length;
}
