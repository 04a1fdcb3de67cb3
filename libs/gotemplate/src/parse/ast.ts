// The parse tree (Go's parse/node.go), with String() forms used in error contexts.

export interface Source { text: string; parseName: string }

interface Base { pos: number; src: Source }

export interface TextNode extends Base { type: 'text'; text: string }
export interface CommentNode extends Base { type: 'comment'; text: string }
export interface ActionNode extends Base { type: 'action'; line: number; pipe: PipeNode }
export interface PipeNode extends Base { type: 'pipe'; line: number; isAssign: boolean; decl: VariableNode[]; cmds: CommandNode[] }
export interface CommandNode extends Base { type: 'command'; args: ArgNode[] }
export interface IdentifierNode extends Base { type: 'identifier'; ident: string }
export interface VariableNode extends Base { type: 'variable'; ident: string[] }
export interface DotNode extends Base { type: 'dot' }
export interface NilNode extends Base { type: 'nil' }
export interface FieldNode extends Base { type: 'field'; ident: string[] }
export interface ChainNode extends Base { type: 'chain'; node: ArgNode; field: string[] }
export interface BoolNode extends Base { type: 'bool'; value: boolean }
export interface StringNode extends Base { type: 'string'; quoted: string; text: string }
export interface NumberNode extends Base {
  type: 'number';
  isInt: boolean;
  isUint: boolean;
  isFloat: boolean;
  isComplex: boolean;
  int: number;
  float: number;
  text: string;
}
export interface BranchNode extends Base {
  type: 'if' | 'range' | 'with';
  line: number;
  pipe: PipeNode;
  list: ListNode;
  elseList: ListNode | null;
}
export interface TemplateNode extends Base { type: 'template'; line: number; name: string; pipe: PipeNode | null }
export interface BreakNode extends Base { type: 'break'; line: number }
export interface ContinueNode extends Base { type: 'continue'; line: number }
export interface ListNode extends Base { type: 'list'; nodes: Node[] }
export interface EndNode extends Base { type: 'end' }
export interface ElseNode extends Base { type: 'else'; line: number }

export type ArgNode =
  | IdentifierNode | VariableNode | DotNode | NilNode | FieldNode | ChainNode | BoolNode | StringNode | NumberNode | PipeNode;
export type Node =
  | TextNode | CommentNode | ActionNode | BranchNode | TemplateNode | BreakNode | ContinueNode | ListNode | EndNode | ElseNode
  | ArgNode | CommandNode;

function pipeString(p: PipeNode): string {
  let s = '';
  if (p.decl.length > 0) s = p.decl.map(nodeString).join(', ') + ' := ';
  return s + p.cmds.map(nodeString).join(' | ');
}

const wrapPipe = (n: Node): string => (n.type === 'pipe' ? `(${pipeString(n)})` : nodeString(n));

export function nodeString(n: Node): string {
  switch (n.type) {
    case 'text': return n.text;
    case 'comment': return `{{${n.text}}}`;
    case 'action': return `{{${pipeString(n.pipe)}}}`;
    case 'pipe': return pipeString(n);
    case 'command': return n.args.map(wrapPipe).join(' ');
    case 'identifier': return n.ident;
    case 'variable': return n.ident.join('.');
    case 'dot': return '.';
    case 'nil': return 'nil';
    case 'field': return n.ident.map((i) => '.' + i).join('');
    case 'chain': return wrapPipe(n.node) + n.field.map((f) => '.' + f).join('');
    case 'bool': return n.value ? 'true' : 'false';
    case 'string': return n.quoted;
    case 'number': return n.text;
    case 'if':
    case 'range':
    case 'with': {
      const els = n.elseList ? `{{else}}${nodeString(n.elseList)}` : '';
      return `{{${n.type} ${pipeString(n.pipe)}}}${nodeString(n.list)}${els}{{end}}`;
    }
    case 'template': {
      const q = JSON.stringify(n.name);
      return n.pipe ? `{{template ${q} ${pipeString(n.pipe)}}}` : `{{template ${q}}}`;
    }
    case 'break': return '{{break}}';
    case 'continue': return '{{continue}}';
    case 'list': return n.nodes.map(nodeString).join('');
    case 'end': return '{{end}}';
    case 'else': return '{{else}}';
  }
}

const GO_SPACE_ONLY = /^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]*$/;

export function isEmptyTree(n: Node | null): boolean {
  if (n === null) return true;
  switch (n.type) {
    case 'comment': return true;
    case 'list': return n.nodes.every(isEmptyTree);
    case 'text': return GO_SPACE_ONLY.test(n.text);
    default: return false;
  }
}
