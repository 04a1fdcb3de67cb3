import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const TOOL_TIMEOUT_MS = 5000;
const ROOT = join(__dirname, '..', '..', '..', '..');
// Go's GOARCH names, which Argo CD's `Platform` (e.g. linux/amd64) uses.
const GO_ARCH: Record<string, string> = { x64: 'amd64', ia32: '386', arm64: 'arm64', arm: 'arm' };

/** Argo CD's VersionMessage: the same names and meanings. */
export interface VersionInfo {
  Version: string;
  BuildDate: string;
  GitCommit: string;
  GitTag: string;
  GitTreeState: string;
  /** Flotilla is no Go program: empty, as is Compiler. */
  GoVersion: string;
  Compiler: string;
  Platform: string;
  KustomizeVersion: string;
  HelmVersion: string;
  KubectlVersion: string;
  JsonnetVersion: string;
  /** The runtime, `Node.js v22.…`, which Argo's GoVersion would name for a Go build. */
  ExtraBuildInfo: string;
}

/** Output of a tool's version command, or '' when the tool is not on PATH or fails. */
async function toolOutput(command: string, args: string[], cwd?: string): Promise<string> {
  try {
    const { stdout } = await run(command, args, { timeout: TOOL_TIMEOUT_MS, cwd });
    return stdout.trim();
  } catch {
    return '';
  }
}

async function kubectlVersions(): Promise<{ kubectl: string; kustomize: string }> {
  const text = await toolOutput('kubectl', ['version', '--client', '-o', 'json']);
  try {
    const parsed = JSON.parse(text) as { clientVersion?: { gitVersion?: string }; kustomizeVersion?: string };
    return { kubectl: parsed.clientVersion?.gitVersion ?? '', kustomize: parsed.kustomizeVersion ?? '' };
  } catch {
    return { kubectl: '', kustomize: '' };
  }
}

/** Which Flotilla answers, on which runtime, with which tools; read once, as the answers do not change. */
export class VersionService {
  private info?: Promise<VersionInfo>;

  version(): Promise<VersionInfo> {
    this.info ??= this.read();
    return this.info;
  }

  private async read(): Promise<VersionInfo> {
    const [pkg, commit, tag, dirty, kube, helm, jsonnet] = await Promise.all([
      readFile(join(ROOT, 'package.json'), 'utf8').then((t) => JSON.parse(t) as { version?: string }),
      toolOutput('git', ['rev-parse', 'HEAD'], ROOT),
      // The tag HEAD is at exactly, as Argo's build records it; none otherwise.
      toolOutput('git', ['describe', '--exact-match', '--tags', 'HEAD'], ROOT),
      toolOutput('git', ['status', '--porcelain', '--untracked-files=no'], ROOT),
      kubectlVersions(),
      toolOutput('helm', ['version', '--short']),
      toolOutput('jsonnet', ['--version']),
    ]);
    return {
      Version: `v${pkg.version ?? '0.0.0'}${commit ? `+${commit.slice(0, 7)}` : ''}`,
      BuildDate: '',
      GitCommit: commit,
      GitTag: tag,
      GitTreeState: commit ? (dirty ? 'dirty' : 'clean') : '',
      GoVersion: '',
      Compiler: '',
      Platform: `${process.platform}/${GO_ARCH[process.arch] ?? process.arch}`,
      KustomizeVersion: kube.kustomize,
      HelmVersion: helm,
      KubectlVersion: kube.kubectl,
      JsonnetVersion: jsonnet,
      ExtraBuildInfo: `Node.js ${process.version}`,
    };
  }
}
