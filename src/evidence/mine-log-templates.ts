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
}

const LEADING = '("\'[{<';
const TRAILING = ')"\']},;:.>';
const IPV4 = /^\d{1,3}(\.\d{1,3}){3}(:\d+)?$/;
const IPV6 = /^\[?[0-9a-f]{0,4}(:[0-9a-f]{0,4}){2,7}\]?(:\d+)?$/i;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HEX = /^(0x[0-9a-f]+|[0-9a-f]{8,})$/i;
const NUMBER = /^[-+]?\d+([.,]\d+)*(e[-+]?\d+)?(%|[a-zµ]{1,3})?$/i;

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
  if (!hasDigit) return token;
  const eq = token.indexOf('=');
  if (eq > 0 && eq < token.length - 1) return `${token.slice(0, eq + 1)}${maskToken(token.slice(eq + 1))}`;
  // Keep surrounding punctuation: "(id=42)," → "(id=<NUM>),"
  let a = 0;
  while (a < token.length && LEADING.includes(token[a]!)) a++;
  let b = token.length;
  while (b > a && TRAILING.includes(token[b - 1]!)) b--;
  const core = token.slice(a, b);
  if (core === '') return token;
  let kind: string;
  if (NUMBER.test(core)) kind = '<NUM>';
  else if (IPV4.test(core) || (core.includes(':') && IPV6.test(core))) kind = '<IP>';
  else if (UUID.test(core)) kind = '<UUID>';
  else if (HEX.test(core)) kind = '<HEX>';
  else kind = '<ID>';
  return `${token.slice(0, a)}${kind}${token.slice(b)}`;
}

function isVariable(token: string): boolean {
  return token.charCodeAt(0) === 60 && token.charCodeAt(token.length - 1) === 62 && /^<(\*|NUM|IP|UUID|HEX|ID)>$/.test(token);
}

export class TemplateMiner {
  private readonly root: TreeNode = { children: new Map(), clusters: [] };
  private readonly clusters: Cluster[] = [];
  private readonly similarity: number;
  private readonly depth: number;
  private readonly maxChildren: number;
  private readonly maxClusters: number;
  /** Lines that fit no cluster once the cap was reached. */
  overflow = { window: 0, baseline: 0 };
  lines = { window: 0, baseline: 0 };

  constructor(options: TemplateMinerOptions = {}) {
    this.similarity = options.similarity ?? 0.4;
    this.depth = options.depth ?? 2;
    this.maxChildren = options.maxChildren ?? 100;
    this.maxClusters = options.maxClusters ?? 5000;
  }

  /** Adds one message seen at `time`, in the window or the baseline; returns the cluster id (or -1). */
  add(message: string, inWindow: boolean, time: number, explained: boolean): number {
    if (inWindow) this.lines.window++;
    else this.lines.baseline++;
    const tokens = tokenize(message);
    if (tokens.length === 0) return -1;
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
      for (let i = 0; i < tokens.length; i++) if (cluster.tokens[i] !== tokens[i] && cluster.tokens[i] !== WILDCARD) cluster.tokens[i] = WILDCARD;
    } else if (this.clusters.length < this.maxClusters) {
      cluster = { id: this.clusters.length, tokens, window: 0, baseline: 0, explained: false };
      this.clusters.push(cluster);
      leaf.clusters.push(cluster);
    } else {
      if (inWindow) this.overflow.window++;
      else this.overflow.baseline++;
      return -1;
    }
    if (inWindow) {
      cluster.window++;
      if (cluster.firstSeen === undefined || time < cluster.firstSeen) cluster.firstSeen = time;
      if (cluster.sample === undefined) cluster.sample = message.length > MAX_SAMPLE ? `${message.slice(0, MAX_SAMPLE)}…` : message;
    } else cluster.baseline++;
    if (explained) cluster.explained = true;
    return cluster.id;
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
      c = { children: new Map(), clusters: [] };
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
    let digit = false;
    for (; i < n; i++) {
      const c = message.charCodeAt(i);
      if (isSpace(c)) break;
      if (c >= 48 && c <= 57) digit = true;
    }
    const token = message.slice(start, i);
    out.push(digit ? maskToken(token) : token);
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
