import { Command } from 'commander';
import { accountCommand } from './account/account.command';
import { adminCommand } from './admin/admin.command';
import { versionCommand } from './account/version.command';
import { appCommand } from './apps/app.command';
import { appSetCommand } from './appsets/appset.command';
import type { CliConfig } from './cli.config';
import { clusterCommand } from './clusters/cluster.command';
import { completionCommand } from './completion/completion.command';
import { gpgCommand } from './gpg/gpg.command';
import { repoCredsCommand } from './repos/repocreds.command';
import { repoCommand } from './repos/repo.command';
import { contextCommand } from './session/context.command';
import { loginCommand } from './session/login.command';
import { logoutCommand } from './session/logout.command';

/** The `flotilla` command tree, with argocd's global flags on every command. */
export function flotillaProgram(config: CliConfig): Command {
  return new Command('flotilla')
    .description('flotilla controls a Flotilla server (GitOps continuous delivery, Argo CD compatible)')
    .option('--server <address>', 'Flotilla API server address (host:port); defaults to FLOTILLA_SERVER or the current context')
    .option('--auth-token <token>', 'Authentication token; set this or the FLOTILLA_AUTH_TOKEN environment variable')
    .option('--plaintext', 'Disable TLS')
    .option('--insecure', 'Skip server certificate and domain verification')
    .option('--config <path>', 'Path to Flotilla config (FLOTILLA_CONFIG)')
    .option('--flotilla-context <name>', 'The name of the Flotilla server context to use')
    .addCommand(loginCommand(config))
    .addCommand(logoutCommand(config))
    .addCommand(contextCommand(config))
    .addCommand(appCommand(config))
    .addCommand(clusterCommand(config))
    .addCommand(appSetCommand(config))
    .addCommand(repoCommand(config))
    .addCommand(repoCredsCommand(config))
    .addCommand(gpgCommand(config))
    .addCommand(accountCommand(config))
    .addCommand(adminCommand(config))
    .addCommand(versionCommand(config))
    .addCommand(completionCommand());
}
