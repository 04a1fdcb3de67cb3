// Interactive questions. argocd only asks on a terminal; callers decide whether to ask at all.
import { createInterface } from 'node:readline';

export const stdoutIsTerminal = (): boolean => Boolean(process.stdout.isTTY);
export const stdinIsTerminal = (): boolean => Boolean(process.stdin.isTTY);

// One reader for the whole process: piped answers arrive in one chunk, and a reader per question
// would drop the lines after the first.
interface LineQueue {
  lines: string[];
  waiting: ((line: string | undefined) => void)[];
  closed: boolean;
}
let reader: LineQueue | undefined;

function stdinLines(): LineQueue {
  if (reader) return reader;
  const state: LineQueue = { lines: [], waiting: [], closed: false };
  const rl = createInterface({ input: process.stdin, terminal: false });
  rl.on('line', (line) => {
    const next = state.waiting.shift();
    if (next) next(line);
    else state.lines.push(line);
  });
  rl.on('close', () => {
    state.closed = true;
    for (const w of state.waiting.splice(0)) w(undefined);
  });
  reader = state;
  return state;
}

/** Reads one line from stdin after printing `question`; undefined at end of input. */
export function readLine(question: string): Promise<string | undefined> {
  process.stdout.write(question);
  const state = stdinLines();
  const line = state.lines.shift();
  if (line !== undefined) return Promise.resolve(line.trim());
  if (state.closed) return Promise.resolve(undefined);
  return new Promise((resolve) => state.waiting.push((l) => resolve(l?.trim())));
}

/** Asks until the answer is y or n (argocd's AskToProceed); end of input counts as no. */
export async function askToProceed(question: string): Promise<boolean> {
  for (;;) {
    const answer = (await readLine(question))?.toLowerCase();
    if (answer === undefined) return false;
    if (answer === 'y' || answer === 'yes') return true;
    if (answer === 'n' || answer === 'no') return false;
  }
}

/** Reads a secret without echoing it on a terminal; from a pipe, reads a plain line. */
export function readPassword(question: string): Promise<string> {
  if (!process.stdin.isTTY) return readLine(question).then((line) => line ?? '');
  return new Promise((resolve, reject) => {
    const stdin = process.stdin;
    process.stdout.write(question);
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    let value = '';
    const done = (err?: Error): void => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      process.stdout.write('\n');
      if (err) reject(err);
      else resolve(value);
    };
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return done();
        if (ch === '\u0003') return done(new Error('interrupted'));
        if (ch === '\u007f' || ch === '\b') value = value.slice(0, -1);
        else value += ch;
      }
    };
    stdin.on('data', onData);
  });
}

/** argocd's ConfirmBaseOnCount: `[y/n]` for one item, `[y/n/a]` (a = all remaining) for several. */
export async function askToProceedAll(question: string, several: boolean): Promise<'yes' | 'no' | 'all'> {
  const suffix = several ? " [y/n/a] where 'a' is to confirm all remaining without prompting " : ' [y/n] ';
  for (;;) {
    const answer = (await readLine(question + suffix))?.toLowerCase();
    if (answer === undefined || answer === 'n' || answer === 'no') return 'no';
    if (answer === 'y' || answer === 'yes') return 'yes';
    if (several && (answer === 'a' || answer === 'all')) return 'all';
  }
}
