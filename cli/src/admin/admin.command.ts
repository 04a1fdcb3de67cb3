import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { notificationsAdminCommand } from './notifications-admin.command';
import { settingsAdminCommand } from './resource-overrides-admin.command';

/** `flotilla admin …`: tools that work on the hub's objects directly, as `argocd admin` does. */
export function adminCommand(config: CliConfig): Command {
  return new Command('admin').description('Contains a set of commands useful for Flotilla administrators and requires direct Kubernetes access').addCommand(notificationsAdminCommand(config)).addCommand(settingsAdminCommand());
}
