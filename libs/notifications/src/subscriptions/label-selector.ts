// Kubernetes label selector strings (`env=prod,tier in (web,api),!canary`), as global
// subscriptions in argocd-notifications-cm use them to pick Applications.

type Requirement =
  | { op: 'eq' | 'neq'; key: string; value: string }
  | { op: 'in' | 'notin'; key: string; values: string[] }
  | { op: 'exists' | 'notexists'; key: string };

export class LabelSelector {
  private constructor(private readonly requirements: readonly Requirement[]) {}

  static readonly everything = new LabelSelector([]);

  /** Parses a selector; throws with the offending clause when it is malformed. */
  static parse(text: string | undefined): LabelSelector {
    if (!text?.trim()) return LabelSelector.everything;
    return new LabelSelector(splitClauses(text).map(parseClause));
  }

  matches(labels: Readonly<Record<string, string>> = {}): boolean {
    return this.requirements.every((r) => {
      const has = Object.hasOwn(labels, r.key);
      switch (r.op) {
        case 'eq':
          return has && labels[r.key] === r.value;
        case 'neq':
          return !has || labels[r.key] !== r.value;
        case 'in':
          return has && r.values.includes(labels[r.key]);
        case 'notin':
          return !has || !r.values.includes(labels[r.key]);
        case 'exists':
          return has;
        case 'notexists':
          return !has;
      }
    });
  }
}

// Commas separate clauses except inside the parentheses of `in (a,b)`.
function splitClauses(text: string): string[] {
  const clauses: string[] = [];
  let depth = 0;
  let current = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth--;
    if (ch === ',' && depth === 0) {
      clauses.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  clauses.push(current.trim());
  return clauses;
}

const KEY = String.raw`[A-Za-z0-9](?:[-A-Za-z0-9_./]*[A-Za-z0-9])?`;
const VALUE = String.raw`(?:[A-Za-z0-9](?:[-A-Za-z0-9_.]*[A-Za-z0-9])?)?`;

function parseClause(clause: string): Requirement {
  let m = new RegExp(`^(${KEY})\\s*(==|=|!=)\\s*(${VALUE})$`).exec(clause);
  if (m) return { op: m[2] === '!=' ? 'neq' : 'eq', key: m[1], value: m[3] };
  m = new RegExp(`^(${KEY})\\s+(in|notin)\\s*\\(([^)]*)\\)$`).exec(clause);
  if (m) return { op: m[2] as 'in' | 'notin', key: m[1], values: m[3].split(',').map((v) => v.trim()) };
  m = new RegExp(`^(!?)\\s*(${KEY})$`).exec(clause);
  if (m) return { op: m[1] ? 'notexists' : 'exists', key: m[2] };
  throw new Error(`invalid label selector clause ${JSON.stringify(clause)}`);
}
