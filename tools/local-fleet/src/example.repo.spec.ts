import { startGitHttpServer, type GitHttpServer } from '@flotilla/git-server';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ExampleRepo, GUESTBOOK_FILES, guestbookDeployment } from './example.repo';

const run = promisify(execFile);

// README: "Change the app by committing in .flotilla/git/work/guestbook and pushing (`git push`
// there goes to the served repository)": a plain `git push`, by a user with no git settings of their own.
describe('the example repository that npm start makes', () => {
  let dir: string;
  let server: GitHttpServer;
  let repo: ExampleRepo;
  let userEnv: NodeJS.ProcessEnv;
  const git = async (cwd: string, ...args: string[]) => (await run('git', args, { cwd, env: userEnv })).stdout.trim();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'example-repo-'));
    const home = join(dir, 'home');
    userEnv = { PATH: process.env.PATH, HOME: home, XDG_CONFIG_HOME: home, GIT_CONFIG_NOSYSTEM: '1', GIT_TERMINAL_PROMPT: '0', GIT_AUTHOR_NAME: 'a user', GIT_AUTHOR_EMAIL: 'user@example.com', GIT_COMMITTER_NAME: 'a user', GIT_COMMITTER_EMAIL: 'user@example.com' };
    repo = await ExampleRepo.create(join(dir, 'git'), 'guestbook', GUESTBOOK_FILES);
    server = await startGitHttpServer({ root: join(dir, 'git', 'served') });
  });

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('takes a commit in the working copy with a plain `git push`, and serves it', async () => {
    writeFileSync(join(repo.workDir, 'guestbook', 'guestbook-ui-deployment.yaml'), guestbookDeployment(3));
    await git(repo.workDir, 'commit', '-q', '-am', 'guestbook: three replicas');
    const pushed = await git(repo.workDir, 'rev-parse', 'HEAD');

    await git(repo.workDir, 'push', '-q');

    expect(await git(dir, 'ls-remote', `${server.url}/guestbook.git`, 'refs/heads/main')).toBe(`${pushed}\trefs/heads/main`);
    expect(await git(repo.workDir, 'status', '-sb')).toBe('## main...origin/main');
  });

  it("keeps tracking after the fleet's own commits", async () => {
    const sha = await repo.commit({ 'guestbook/guestbook-ui-deployment.yaml': guestbookDeployment(2) }, 'guestbook: two replicas');
    expect(await git(repo.workDir, 'status', '-sb')).toBe('## main...origin/main');
    expect(await git(dir, 'ls-remote', `${server.url}/guestbook.git`, 'refs/heads/main')).toBe(`${sha}\trefs/heads/main`);
  });
});
