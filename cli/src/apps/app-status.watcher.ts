// Follows an Application through the Watch stream until the wait conditions hold, printing progress
// like argocd: resource rows as they change, and on a terminal a status line that says what is still awaited.
import type { Application, OperationState } from '@flotilla/api-types';
import { CliError } from '../output/cli.error';
import { logWarn } from '../output/log.printer';
import { formatObject, isObjectFormat } from '../output/object.printer';
import { StatusLine, type LineStream } from '../terminal/status-line';
import type { ApplicationsClient } from './applications.client';
import type { AppWatchStream } from './app-watch.stream';
import { qualifiedName } from './app-list.printer';
import { formatResourceTable, progressHeader, progressRow, resourceStates, type ResourceFilter, type ResourceState } from './app-resources.printer';
import { formatAppSummary, formatOperationResult } from './app-summary.printer';
import { waitConditions, type WaitFor } from './app-wait.conditions';

export interface WatchOptions {
  watch: WaitFor;
  /** Seconds; 0 waits forever. */
  timeoutSeconds: number;
  selected?: ResourceFilter[];
  output?: string;
  out: LineStream;
}

export interface WatchResult {
  app: Application;
  /** The operation state seen when the conditions were met (argocd #5592: a later refresh may differ). */
  operationState?: OperationState;
}

/** How often the status line's time left is redrawn while no change arrives. */
const STATUS_REDRAW_MS = 1000;

export class AppStatusWatcher {
  constructor(private readonly apps: ApplicationsClient) {}

  async waitFor(name: string, opts: WatchOptions): Promise<WatchResult> {
    const printSummary = !isObjectFormat(opts.output ?? 'wide');
    const line = new StatusLine(opts.out);
    const appURL = await this.apps.appURL(name);
    const deadline = opts.timeoutSeconds > 0 ? Date.now() + opts.timeoutSeconds * 1000 : Number.POSITIVE_INFINITY;
    const seen = new Map<string, ResourceState>();
    if (printSummary) opts.out.write(progressHeader());
    const app = await this.apps.get(name);
    const changes = this.apps.watch(name);
    try {
      return await this.follow(name, app, changes, { ...opts, appURL, deadline, seen, printSummary, line });
    } finally {
      changes.close();
    }
  }

  private async follow(
    name: string,
    first: Application,
    changes: AppWatchStream,
    opts: WatchOptions & { appURL: string; deadline: number; seen: Map<string, ResourceState>; printSummary: boolean; line: StatusLine },
  ): Promise<WatchResult> {
    const { appURL, deadline, seen, printSummary, line } = opts;
    let app = first;
    let sawOperation = false;
    for (;;) {
      const { ready, operationInProgress } = waitConditions(app, opts.watch, opts.selected);
      if (app.operation && !app.operation.sync?.dryRun) sawOperation = true;
      if (ready && (!operationInProgress || !opts.watch.operation)) {
        line.clear();
        const operationState = app.status?.operationState;
        // The sync status lags the operation by one comparison; ask for it before the final print.
        const final = sawOperation ? await this.refreshed(name, app) : app;
        this.printFinal(final, appURL, opts, printSummary);
        return { app: final, operationState };
      }
      this.printChanges(app, seen, opts, line, printSummary);
      line.update(statusText(app, opts.watch, deadline));
      // The next change, or a redraw of the time left; nothing is asked of the server meanwhile.
      let next: Application | undefined;
      do {
        if (Date.now() >= deadline) return this.timedOut(name, appURL, opts, line, printSummary);
        next = await changes.next(Math.min(STATUS_REDRAW_MS, deadline - Date.now()));
        if (!next) line.update(statusText(app, opts.watch, deadline));
      } while (!next);
      app = next;
    }
  }

  /** The app after one more comparison; without a controller to answer, the last state seen. */
  private async refreshed(name: string, last: Application): Promise<Application> {
    try {
      return await this.apps.get(name, 'normal');
    } catch (err) {
      logWarn(`could not refresh application '${name}' before printing its status: ${(err as Error).message}`);
      return last;
    }
  }

  private printChanges(app: Application, seen: Map<string, ResourceState>, opts: WatchOptions, line: StatusLine, printSummary: boolean): void {
    for (const state of resourceStates(app, opts.selected)) {
      const key = `${state.group}/${state.kind}/${state.namespace}/${state.name}`;
      const prev = seen.get(key);
      if (opts.watch.health && prev && prev.health && prev.health !== 'Unknown' && prev.health !== 'Degraded' && state.health === 'Degraded') {
        this.printFinal(app, '', opts, printSummary);
        throw new CliError(`application '${qualifiedName(app)}' health state has transitioned from ${prev.health} to ${state.health}`);
      }
      const merged = prev ? mergeState(prev, state) : state;
      if (!prev || merged !== prev) {
        seen.set(key, merged);
        if (printSummary) line.print(progressRow(merged));
      }
    }
  }

  private async timedOut(name: string, appURL: string, opts: WatchOptions, line: StatusLine, printSummary: boolean): Promise<never> {
    line.clear();
    const app = await this.apps.get(name);
    if (printSummary) opts.out.write('\nThis is the state of the app after wait timed out:\n');
    this.printFinal(app, appURL, opts, printSummary);
    if (printSummary) opts.out.write('\nThe command timed out waiting for the conditions to be met.\n');
    throw new CliError(`timed out (${opts.timeoutSeconds}s) waiting for app "${qualifiedName(app)}" to match the expected conditions`);
  }

  private printFinal(app: Application, appURL: string, opts: WatchOptions, printSummary: boolean): void {
    const output = opts.output ?? 'wide';
    if (isObjectFormat(output)) {
      opts.out.write(formatObject(app, output));
      return;
    }
    if (!printSummary) return;
    let text = `\n${formatAppSummary(app, appURL)}\n`;
    if (opts.watch.operation) text += formatOperationResult(app.status?.operationState);
    const states = resourceStates(app, opts.selected);
    if (states.length > 0) text += `\n${formatResourceTable(states)}`;
    opts.out.write(text);
  }
}

/** argocd's resourceState.Merge: blank fields never overwrite; returns `prev` itself when nothing changed. */
function mergeState(prev: ResourceState, next: ResourceState): ResourceState {
  const fields = ['status', 'health', 'hook', 'message'] as const;
  const changed = fields.filter((f) => next[f] !== '' && next[f] !== prev[f]);
  if (changed.length === 0) return prev;
  return { ...prev, ...Object.fromEntries(changed.map((f) => [f, next[f]])) };
}

function statusText(app: Application, watch: WaitFor, deadline: number): string {
  const parts: string[] = [];
  if (watch.sync) parts.push(`sync ${app.status?.sync?.status || 'Unknown'}`);
  if (watch.health || watch.suspended || watch.degraded) parts.push(`health ${app.status?.health?.status || 'Unknown'}`);
  const op = app.status?.operationState;
  if (watch.operation) {
    if (op && !op.finishedAt) parts.push(`operation ${op.phase}`);
    else if (app.operation) parts.push('operation requested');
    else if (op) parts.push(`operation ${op.phase}`);
  }
  const left = Number.isFinite(deadline) ? ` (${Math.max(0, Math.ceil((deadline - Date.now()) / 1000))}s left)` : '';
  return `Waiting for ${qualifiedName(app)}: ${parts.join(', ')}${left}`;
}
