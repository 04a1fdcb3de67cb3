// go-yaml v2's emitter (a port of libyaml's) for the documents sigs.k8s.io/yaml writes: block maps and
// sequences, `{}`/`[]` when empty, and scalars in the style go-yaml picks. Output must match byte for
// byte, so this follows libyaml's state: column, indent stack, whether the last thing written was
// whitespace or indentation, and its line folding past 80 columns. (libyaml's `...` after an open-ended
// root scalar never appears: go-yaml clears that flag before ending the stream.)

export type YNode =
  | { kind: 'scalar'; value: string; style: 'plain' | 'double' | 'literal' }
  | { kind: 'map'; entries: [YNode, YNode][] }
  | { kind: 'seq'; items: YNode[] };

type Style = 'plain' | 'single' | 'double' | 'literal';

const BEST_INDENT = 2;
const BEST_WIDTH = 80;
const MAX_SIMPLE_KEY_BYTES = 128;

const isBreak = (c: string | undefined): boolean => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlank = (c: string | undefined): boolean => c === ' ' || c === '\t';

/** libyaml's is_printable (by UTF-8 bytes): astral characters and C1 controls are not printable. */
function isPrintable(c: string): boolean {
  const cp = c.codePointAt(0)!;
  return cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xd7ff) || (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff);
}

interface Analysis {
  multiline: boolean;
  flowPlain: boolean;
  blockPlain: boolean;
  single: boolean;
  block: boolean;
}

/** yaml_emitter_analyze_scalar: which styles can carry this text. */
function analyze(value: string): Analysis {
  if (value === '') return { multiline: false, flowPlain: false, blockPlain: true, single: true, block: false };
  const cs = [...value];
  let flowInd = value.startsWith('---') || value.startsWith('...');
  let blockInd = flowInd;
  let lineBreaks = false,
    special = false,
    leadingSpace = false,
    leadingBreak = false,
    trailingSpace = false,
    trailingBreak = false;
  let breakSpace = false,
    spaceBreak = false,
    prevSpace = false,
    prevBreak = false,
    precededByWs = true;
  cs.forEach((c, i) => {
    const followedByWs = i + 1 >= cs.length || isBlank(cs[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) flowInd = blockInd = true;
      else if (c === '?' || c === ':') {
        flowInd = true;
        if (followedByWs) blockInd = true;
      } else if (c === '-' && followedByWs) flowInd = blockInd = true;
    } else if (',?[]{}'.includes(c)) flowInd = true;
    else if (c === ':') {
      flowInd = true;
      if (followedByWs) blockInd = true;
    } else if (c === '#' && precededByWs) flowInd = blockInd = true;
    if (!isPrintable(c)) special = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === cs.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true;
      prevBreak = false;
    } else if (isBreak(c)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (i === cs.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevSpace = false;
      prevBreak = true;
    } else prevSpace = prevBreak = false;
    precededByWs = isBlank(c) || isBreak(c);
  });
  const a: Analysis = { multiline: lineBreaks, flowPlain: true, blockPlain: true, single: true, block: true };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak || lineBreaks) a.flowPlain = a.blockPlain = false;
  if (trailingSpace) a.block = false;
  if (breakSpace) a.flowPlain = a.blockPlain = a.single = false;
  if (spaceBreak || special) a.flowPlain = a.blockPlain = a.single = a.block = false;
  if (flowInd) a.flowPlain = false;
  if (blockInd) a.blockPlain = false;
  return a;
}

const ESCAPES: Record<string, string> = {
  '\0': '0',
  '\x07': 'a',
  '\b': 'b',
  '\t': 't',
  '\n': 'n',
  '\v': 'v',
  '\f': 'f',
  '\r': 'r',
  '\x1b': 'e',
  '"': '"',
  '\\': '\\',
  '\u0085': 'N',
  '\u00a0': '_',
  '\u2028': 'L',
  '\u2029': 'P',
};

function escape(c: string): string {
  if (ESCAPES[c] !== undefined) return '\\' + ESCAPES[c];
  const cp = c.codePointAt(0)!;
  const [letter, width] = cp <= 0xff ? ['x', 2] : cp <= 0xffff ? ['u', 4] : ['U', 8];
  return '\\' + letter + cp.toString(16).toUpperCase().padStart(width, '0');
}

interface Ctx {
  root?: boolean;
  mapping?: boolean;
  simpleKey?: boolean;
}

class Emitter {
  out = '';
  private column = 0;
  private whitespace = true;
  private indention = true;
  private indent = -1;
  private readonly indents: number[] = [];
  private ctx: Ctx = {};

  private put(s: string): void {
    this.out += s;
    this.column += s.length;
  }
  private putBreak(): void {
    this.out += '\n';
    this.column = 0;
  }
  private writeBreak(c: string): void {
    if (c === '\n') this.putBreak();
    else {
      this.out += c;
      this.column = 0;
    }
  }
  private write(c: string): void {
    this.out += c;
    this.column++;
  }
  writeIndent(): void {
    const indent = Math.max(this.indent, 0);
    if (!this.indention || this.column > indent || (this.column === indent && !this.whitespace)) this.putBreak();
    while (this.column < indent) this.put(' ');
    this.whitespace = this.indention = true;
  }
  private indicator(s: string, needWs: boolean, isWs: boolean, isIndention: boolean): void {
    if (needWs && !this.whitespace) this.put(' ');
    this.put(s);
    this.whitespace = isWs;
    this.indention = this.indention && isIndention;
  }
  private increaseIndent(flow: boolean, indentless: boolean): void {
    this.indents.push(this.indent);
    if (this.indent < 0) this.indent = flow ? BEST_INDENT : 0;
    else if (!indentless) this.indent += BEST_INDENT;
  }
  private popIndent(): void {
    this.indent = this.indents.pop()!;
  }

  node(n: YNode, ctx: Ctx): void {
    this.ctx = ctx;
    if (n.kind === 'scalar') return this.scalar(n.value, n.style);
    const [open, close] = n.kind === 'map' ? ['{', '}'] : ['[', ']'];
    if (n.kind === 'map' ? n.entries.length === 0 : n.items.length === 0) {
      this.indicator(open, true, true, false);
      this.indicator(close, false, false, false);
    } else if (n.kind === 'seq') this.blockSequence(n.items);
    else this.blockMapping(n.entries);
  }

  private blockSequence(items: YNode[]): void {
    this.increaseIndent(false, this.ctx.mapping === true && !this.indention);
    for (const item of items) {
      this.writeIndent();
      this.indicator('-', true, false, true);
      this.node(item, {});
    }
    this.popIndent();
  }

  private blockMapping(entries: [YNode, YNode][]): void {
    this.increaseIndent(false, false);
    for (const [k, v] of entries) {
      this.writeIndent();
      if (simpleKey(k)) {
        this.node(k, { mapping: true, simpleKey: true });
        this.indicator(':', false, false, false);
      } else {
        this.indicator('?', true, false, true);
        this.node(k, { mapping: true });
        this.writeIndent();
        this.indicator(':', true, false, true);
      }
      this.node(v, { mapping: true });
    }
    this.popIndent();
  }

  private scalar(value: string, wanted: 'plain' | 'double' | 'literal'): void {
    const a = analyze(value);
    const simple = this.ctx.simpleKey === true;
    let style: Style = wanted;
    if (simple && a.multiline) style = 'double';
    if (style === 'plain' && (!a.blockPlain || (value === '' && simple))) style = 'single';
    if (style === 'single' && !a.single) style = 'double';
    if (style === 'literal' && (!a.block || simple)) style = 'double';
    this.increaseIndent(true, false);
    if (style === 'plain') this.plain(value, !simple);
    else if (style === 'single') this.single(value, !simple);
    else if (style === 'double') this.double(value, !simple);
    else this.literal(value);
    this.popIndent();
  }

  private plain(value: string, allowBreaks: boolean): void {
    if (!this.whitespace) this.put(' ');
    const cs = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && cs[i + 1] !== ' ') this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = spaces = breaks = false;
      }
    }
    this.whitespace = this.indention = false;
  }

  private single(value: string, allowBreaks: boolean): void {
    this.indicator("'", true, false, false);
    const cs = [...value];
    let spaces = false;
    let breaks = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1 && cs[i + 1] !== ' ') this.writeIndent();
        else this.write(c);
        spaces = true;
      } else if (isBreak(c)) {
        if (!breaks && c === '\n') this.putBreak();
        this.writeBreak(c);
        this.indention = breaks = true;
      } else {
        if (breaks) this.writeIndent();
        if (c === "'") this.put("'");
        this.write(c);
        this.indention = spaces = breaks = false;
      }
    }
    this.indicator("'", false, false, false);
    this.whitespace = this.indention = false;
  }

  private double(value: string, allowBreaks: boolean): void {
    this.indicator('"', true, false, false);
    const cs = [...value];
    let spaces = false;
    for (let i = 0; i < cs.length; i++) {
      const c = cs[i];
      if (!isPrintable(c) || c === '\ufeff' || isBreak(c) || c === '"' || c === '\\') {
        this.put(escape(c));
        spaces = false;
      } else if (c === ' ') {
        if (allowBreaks && !spaces && this.column > BEST_WIDTH && i > 0 && i < cs.length - 1) {
          this.writeIndent();
          if (cs[i + 1] === ' ') this.put('\\');
        } else this.write(c);
        spaces = true;
      } else {
        this.write(c);
        spaces = false;
      }
    }
    this.indicator('"', false, false, false);
    this.whitespace = this.indention = false;
  }

  private literal(value: string): void {
    this.indicator('|', true, false, false);
    const cs = [...value];
    if (cs[0] === ' ' || isBreak(cs[0])) this.indicator(String(BEST_INDENT), false, false, false);
    const last = cs.length - 1;
    let chomp = '';
    if (cs.length === 0 || !isBreak(cs[last])) chomp = '-';
    else if (last === 0 || isBreak(cs[last - 1])) chomp = '+';
    if (chomp) this.indicator(chomp, false, false, false);
    this.putBreak();
    this.indention = this.whitespace = true;
    let breaks = true;
    for (const c of cs) {
      if (isBreak(c)) {
        this.writeBreak(c);
        this.indention = breaks = true;
      } else {
        if (breaks) this.writeIndent();
        this.write(c);
        this.indention = breaks = false;
      }
    }
  }
}

/** yaml_emitter_check_simple_key: a one-line scalar of at most 128 bytes may be written as `key:`. */
function simpleKey(k: YNode): boolean {
  if (k.kind !== 'scalar') return k.kind === 'map' ? k.entries.length === 0 : k.items.length === 0;
  return Buffer.byteLength(k.value, 'utf8') <= MAX_SIMPLE_KEY_BYTES && ![...k.value].some(isBreak);
}

/** One YAML document as go-yaml v2's Marshal writes it (ending in a line break). */
export function emitYaml(root: YNode): string {
  const e = new Emitter();
  e.node(root, { root: true });
  e.writeIndent();
  return e.out;
}
