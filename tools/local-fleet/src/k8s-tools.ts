import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { REPO_ROOT } from './service-process';

/** Where tools/scripts/install-k8s-tools.sh (npm ci's postinstall) puts helm and kubectl. */
export const TOOLS_BIN = join(REPO_ROOT, '.tools', 'bin');

const NEEDED_FOR: Record<string, string> = { helm: 'Helm sources', kubectl: 'Kustomize sources' };

/**
 * One line for each of helm and kubectl that the services will not find on `path` (the PATH they get,
 * which starts with .tools/bin), saying what fails without it and what to run.
 */
export function missingToolWarnings(path = `${TOOLS_BIN}${delimiter}${process.env.PATH ?? ''}`): string[] {
  const folders = path.split(delimiter).filter(Boolean);
  return Object.entries(NEEDED_FOR)
    .filter(([tool]) => !folders.some((folder) => isExecutable(join(folder, tool))))
    .map(([tool, what]) => `WARNING: ${tool} is neither on PATH nor in .tools/bin, so ${what} will fail to render: run \`bash tools/scripts/install-k8s-tools.sh\` (npm ci runs it) and start again.`);
}

function isExecutable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}
