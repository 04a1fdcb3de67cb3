import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { appActionsCommand } from './app-actions.command';
import { appCreateCommand } from './app-create.command';
import { appDeleteCommand } from './app-delete.command';
import { appDiffCommand } from './app-diff.command';
import { appGetCommand } from './app-get.command';
import { appHistoryCommand } from './app-history.command';
import { appListCommand } from './app-list.command';
import { appLogsCommand } from './app-logs.command';
import { appRollbackCommand } from './app-rollback.command';
import { appSyncCommand } from './app-sync.command';
import { appTerminateOpCommand } from './app-terminate-op.command';
import { appWaitCommand } from './app-wait.command';
import { appAddSourceCommand } from './app-add-source.command';
import { appDeleteResourceCommand } from './app-delete-resource.command';
import { appEditCommand } from './app-edit.command';
import { appManifestsCommand } from './app-manifests.command';
import { appPatchCommand } from './app-patch.command';
import { appPatchResourceCommand } from './app-patch-resource.command';
import { appRemoveSourceCommand } from './app-remove-source.command';
import { appResourcesCommand } from './app-resources.command';
import { appSetCommand } from './app-set.command';
import { appUnsetCommand } from './app-unset.command';

/** `flotilla app …` (alias `apps`), argocd's application commands. */
export function appCommand(config: CliConfig): Command {
  return new Command('app')
    .alias('apps')
    .description('Manage applications')
    .addCommand(appListCommand(config))
    .addCommand(appGetCommand(config))
    .addCommand(appCreateCommand(config))
    .addCommand(appSyncCommand(config))
    .addCommand(appDiffCommand(config))
    .addCommand(appWaitCommand(config))
    .addCommand(appLogsCommand(config))
    .addCommand(appHistoryCommand(config))
    .addCommand(appRollbackCommand(config))
    .addCommand(appSetCommand(config))
    .addCommand(appUnsetCommand(config))
    .addCommand(appPatchCommand(config))
    .addCommand(appEditCommand(config))
    .addCommand(appManifestsCommand(config))
    .addCommand(appResourcesCommand(config))
    .addCommand(appPatchResourceCommand(config))
    .addCommand(appActionsCommand(config))
    .addCommand(appDeleteResourceCommand(config))
    .addCommand(appAddSourceCommand(config))
    .addCommand(appRemoveSourceCommand(config))
    .addCommand(appTerminateOpCommand(config))
    .addCommand(appDeleteCommand(config));
}
