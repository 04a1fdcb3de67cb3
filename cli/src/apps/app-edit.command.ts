import type { ApplicationSpec } from '@flotilla/api-types';
import { Command } from 'commander';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml, stringify } from 'yaml';
import type { CliConfig } from '../cli.config';
import { ApiCallError } from '../api/api.client';
import { withApi } from '../api/api.session';
import { CliError } from '../output/cli.error';
import { appNameOf, ApplicationsClient } from './applications.client';

const HEADER = [
  "# Please edit the object below. Lines beginning with a '#' will be ignored,",
  '# and an empty file will abort the edit. If an error occurs while saving this file will be',
  '# reopened with the relevant failures.',
  '',
].join('\n');

/** Drops the lines that are comments (first non-blank character `#`). */
export const stripComments = (text: string): string =>
  text
    .split('\n')
    .filter((line) => !line.trimStart().startsWith('#'))
    .join('\n');

/** The text the editor opens: the header, the last error as comments, then the spec. */
export function editorText(body: string, error: string): string {
  const errorLines = error
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => `# ${l}`);
  return [HEADER, ...(errorLines.length ? [errorLines.join('\n')] : []), stripComments(body)].join('\n');
}

/** The edited text as a spec; a message saying what is wrong otherwise. */
export function parseEditedSpec(text: string): ApplicationSpec {
  let value: unknown;
  try {
    value = parseYaml(text);
  } catch (err) {
    throw new Error(`error converting YAML to JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`error unmarshaling input into application spec: expected a map of spec fields, got ${Array.isArray(value) ? 'a list' : value === null ? 'nothing' : typeof value}`);
  return value as ApplicationSpec;
}

/** Runs $EDITOR (words split on blanks, `vi` when unset) on the file, with the terminal. */
function runEditor(editor: string, file: string): Promise<void> {
  const [bin, ...args] = editor.split(/\s+/).filter(Boolean);
  return new Promise((resolve, reject) => {
    const child = spawn(bin, [...args, file], { stdio: 'inherit' });
    child.on('error', (err) => reject(new CliError(`failed to run editor ${bin}: ${err.message}`)));
    child.on('close', (code, signal) => (code === 0 ? resolve() : reject(new CliError(`editor ${bin} exited with ${signal ?? `status ${code}`}`))));
  });
}

/** `flotilla app edit APPNAME`: the spec in $EDITOR as YAML, saved with UpdateSpec; reopened with the error until it saves or is left unchanged. */
export function appEditCommand(config: CliConfig): Command {
  return new Command('edit')
    .description('Edit application')
    .argument('<APPNAME>')
    .action(async (arg: string, _opts: unknown, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const apps = new ApplicationsClient(api);
        const app = await apps.get(appNameOf(arg));
        const dir = mkdtempSync(join(tmpdir(), 'flotilla-edit-'));
        const file = join(dir, `${app.metadata.name}-edit.yaml`);
        let body = stringify(app.spec, { sortMapEntries: true });
        let error = '';
        try {
          for (;;) {
            const shown = editorText(body, error);
            writeFileSync(file, shown, { mode: 0o600 });
            await runEditor(config.editor ?? 'vi', file);
            const edited = readFileSync(file, 'utf8');
            if (edited.length === 0 || edited === shown) throw new CliError('edit cancelled, no valid changes were saved');
            body = stripComments(edited);
            let spec: ApplicationSpec;
            try {
              spec = parseEditedSpec(body);
            } catch (err) {
              error = (err as Error).message;
              continue;
            }
            try {
              await apps.updateSpec(app.metadata.name, spec);
              return;
            } catch (err) {
              if (!(err instanceof ApiCallError)) throw err;
              error = `failed to update application spec: ${err.message}`;
            }
          }
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
    );
}
