import { execFile } from 'node:child_process';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

const GIT_ENV = {
  GIT_TERMINAL_PROMPT: '0',
  GIT_AUTHOR_NAME: 'Flotilla demo',
  GIT_AUTHOR_EMAIL: 'demo@flotilla.local',
  GIT_COMMITTER_NAME: 'Flotilla demo',
  GIT_COMMITTER_EMAIL: 'demo@flotilla.local',
};

/** Argo CD's example guestbook image (what the demo on kube-sim runs). */
export const GUESTBOOK_IMAGE = 'gcr.io/heptio-images/ks-guestbook-demo:0.2';

/** The example app: Argo CD's guestbook, as plain YAML; `image` for a cluster that cannot pull Argo's. */
export const guestbookFiles = (image = GUESTBOOK_IMAGE): Record<string, string> => ({
  ...GUESTBOOK_FILES,
  'guestbook/guestbook-ui-deployment.yaml': guestbookDeployment(1, image),
});

export const GUESTBOOK_FILES: Record<string, string> = {
  'guestbook/guestbook-ui-deployment.yaml': guestbookDeployment(1),
  'guestbook/guestbook-ui-svc.yaml': [
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: guestbook-ui',
    'spec:',
    '  ports:',
    '    - port: 80',
    '      targetPort: 80',
    '  selector:',
    '    app: guestbook-ui',
    '',
  ].join('\n'),
  'guestbook/guestbook-settings.yaml': [
    'apiVersion: v1',
    'kind: ConfigMap',
    'metadata:',
    '  name: guestbook-settings',
    'data:',
    '  greeting: hello from git',
    '',
  ].join('\n'),
};

export function guestbookDeployment(replicas: number, image = GUESTBOOK_IMAGE): string {
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: guestbook-ui',
    'spec:',
    `  replicas: ${replicas}`,
    '  revisionHistoryLimit: 3',
    '  selector:',
    '    matchLabels:',
    '      app: guestbook-ui',
    '  template:',
    '    metadata:',
    '      labels:',
    '        app: guestbook-ui',
    '    spec:',
    '      containers:',
    `        - image: ${image}`,
    '          name: guestbook-ui',
    '          ports:',
    '            - containerPort: 80',
    '',
  ].join('\n');
}

/**
 * A git repository served over HTTP: a bare repository under the server's root and a working copy
 * next to it, so commits land the way a developer's push would.
 */
export class ExampleRepo {
  private constructor(
    readonly bareDir: string,
    readonly workDir: string,
  ) {}

  static async create(root: string, name: string, files: Record<string, string>): Promise<ExampleRepo> {
    const bareDir = join(root, 'served', `${name}.git`);
    const workDir = join(root, 'work', name);
    rmSync(bareDir, { recursive: true, force: true });
    rmSync(workDir, { recursive: true, force: true });
    mkdirSync(workDir, { recursive: true });
    const repo = new ExampleRepo(bareDir, workDir);
    await repo.git('init', '-q', '-b', 'main');
    await repo.commit(files, 'guestbook: the example app');
    await run('git', ['clone', '-q', '--bare', workDir, bareDir], { env: { ...process.env, ...GIT_ENV } });
    await repo.git('remote', 'add', 'origin', bareDir);
    // main tracks origin/main, so a plain `git push` in the working copy works, as the README says.
    await repo.git('push', '-q', '--set-upstream', 'origin', 'main');
    return repo;
  }

  /** Writes (or, with null, deletes) files, commits, pushes to the served repository, and returns the commit SHA. */
  async commit(files: Record<string, string | null>, message: string): Promise<string> {
    for (const [path, content] of Object.entries(files)) {
      const full = join(this.workDir, path);
      if (content === null) rmSync(full, { force: true });
      else {
        mkdirSync(dirname(full), { recursive: true });
        writeFileSync(full, content);
      }
    }
    await this.git('add', '-A');
    await this.git('commit', '-q', '--allow-empty', '-m', message);
    if ((await this.git('remote')).includes('origin')) await this.git('push', '-q', 'origin', 'main');
    return this.git('rev-parse', 'HEAD');
  }

  private async git(...args: string[]): Promise<string> {
    const { stdout } = await run('git', args, { cwd: this.workDir, env: { ...process.env, ...GIT_ENV } });
    return stdout.trim();
  }
}
