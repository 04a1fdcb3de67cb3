import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { ApiClient } from '../api/api.client';
import { globalsOf } from '../api/api.session';
import { configPathOf, normalizeServer } from '../api/server-target';
import { CliError } from '../output/cli.error';
import { askToProceed, readLine, readPassword, stdinIsTerminal } from '../terminal/prompt';
import { emptyLocalConfig, readLocalConfig, recordLogin, writeLocalConfig } from './local-config.store';
import { probeTls } from './tls.probe';

interface LoginOptions {
  username?: string;
  password?: string;
  name?: string;
  skipTestTls?: boolean;
}

export function loginCommand(config: CliConfig): Command {
  return new Command('login')
    .description('Log in to Flotilla')
    .argument('<SERVER>', 'API server address, host:port')
    .option('--username <username>', 'The username of an account to authenticate')
    .option('--password <password>', 'The password of an account to authenticate')
    .option('--name <name>', 'Name to use for the context')
    .option('--skip-test-tls', 'Skip testing whether the server is configured with TLS')
    .action(async (serverArg: string, opts: LoginOptions, cmd: Command) => {
      const globals = globalsOf(cmd);
      const target = normalizeServer(serverArg);
      let plaintext = Boolean(globals.plaintext || target.plaintext);
      let insecure = Boolean(globals.insecure);
      if (!plaintext && !opts.skipTestTls) ({ plaintext, insecure } = await checkTls(target.server, insecure));
      const username = opts.username ?? (await ask('Username: '));
      const password = opts.password ?? (await readPassword('Password: '));
      const api = new ApiClient({ server: target.server, plaintext, insecure });
      let token: string;
      try {
        token = (await api.call(api.sessions, 'Create', { username, password, token: '' })).token;
      } finally {
        api.close();
      }
      process.stdout.write(`'${displayName(token, username)}' logged in successfully\n`);
      const path = configPathOf(globals, config);
      const local = readLocalConfig(path) ?? emptyLocalConfig();
      const context = opts.name ?? target.server;
      recordLogin(local, { context, server: { server: target.server, ...(plaintext ? { 'plain-text': true } : {}), ...(insecure ? { insecure: true } : {}) }, token });
      writeLocalConfig(local, path);
      process.stdout.write(`Context '${context}' updated\n`);
    });
}

async function ask(question: string): Promise<string> {
  const answer = await readLine(question);
  if (!answer) throw new CliError('username is required: pass --username or answer the prompt');
  return answer;
}

async function checkTls(server: string, insecure: boolean): Promise<{ plaintext: boolean; insecure: boolean }> {
  const probe = await probeTls(server);
  if ('unreachable' in probe) throw new CliError(`Failed to establish connection to ${server}: ${probe.unreachable}`);
  if (!probe.tls) {
    if (stdinIsTerminal() && (await askToProceed('WARNING: server is not configured with TLS. Proceed (y/n)? '))) return { plaintext: true, insecure };
    throw new CliError(`server ${server} is not configured with TLS: pass --plaintext to connect without it`);
  }
  if (probe.certificateError && !insecure) {
    const question = `WARNING: server certificate had error: ${probe.certificateError}. Proceed insecurely (y/n)? `;
    if (stdinIsTerminal() && (await askToProceed(question))) return { plaintext: false, insecure: true };
    throw new CliError(`server certificate had error: ${probe.certificateError}: pass --insecure to skip verification`);
  }
  return { plaintext: false, insecure };
}

/** The JWT's email, name or subject, like argocd's userDisplayName; the token is not verified here. */
function displayName(token: string, fallback: string): string {
  try {
    const claims = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
    const pick = [claims.email, claims.name, claims.sub].find((v) => typeof v === 'string' && v !== '');
    return typeof pick === 'string' ? pick : fallback;
  } catch {
    return fallback;
  }
}
