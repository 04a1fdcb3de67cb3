import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The image's command: flotilla-<service> (a symlink) or `flotilla-service <service>` starts that
// service's compiled main. Each case runs the script against a fake /flotilla whose mains print what
// they were given, so no image is needed.
describe('flotilla-service.sh', () => {
  let root: string;
  let bin: string;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'flotilla-image-'));
    bin = join(root, 'bin');
    mkdirSync(bin);
    copyFileSync(join(__dirname, 'flotilla-service.sh'), join(bin, 'flotilla-service'));
    for (const service of ['repo-server', 'notifier']) {
      mkdirSync(join(root, 'services', service, 'src'), { recursive: true });
      writeFileSync(
        join(root, 'services', service, 'src', 'main.js'),
        `console.log(JSON.stringify({ service: ${JSON.stringify(service)}, args: process.argv.slice(2), cwd: process.cwd(), pid: process.pid }));
         process.exit(Number(process.env.EXIT_CODE ?? 0));`,
      );
      symlinkSync('flotilla-service', join(bin, `flotilla-${service}`));
    }
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  const run = (command: string, args: string[] = [], env: Record<string, string> = {}) => {
    const res = spawnSync('sh', [join(bin, command), ...args], {
      encoding: 'utf8',
      env: { PATH: process.env.PATH, FLOTILLA_ROOT: root, ...env },
    });
    return {
      ...res,
      out: res.stdout ? (JSON.parse(res.stdout) as { service: string; args: string[]; cwd: string; pid: number }) : undefined,
    };
  };

  it('starts the service its link is named after, with the arguments it was given', () => {
    const { status, out } = run('flotilla-repo-server', ['--flag', 'x']);
    expect(status).toBe(0);
    expect(out).toMatchObject({ service: 'repo-server', args: ['--flag', 'x'], cwd: root });
  });

  it('takes the service as its first argument when called as flotilla-service', () => {
    expect(run('flotilla-service', ['notifier', '--flag']).out).toMatchObject({ service: 'notifier', args: ['--flag'] });
  });

  it("replaces itself with node, so tini signals the service and its exit code is the container's", () => {
    const res = run('flotilla-notifier', [], { EXIT_CODE: '3' });
    expect(res.out?.pid).toBe(res.pid);
    expect(res.status).toBe(3);
  });

  it('refuses an unknown or missing service with the list of services', () => {
    for (const args of [['api-sever'], []]) {
      const res = run('flotilla-service', args);
      expect(res.status).toBe(64);
      expect(res.stderr).toContain('one of: notifier repo-server');
    }
  });
});
