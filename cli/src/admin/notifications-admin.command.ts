import { NOTIFICATIONS_CM, notificationsCatalogData } from '@flotilla/api-types';
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import type { CliConfig } from '../cli.config';
import { oneOf } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { formatObject } from '../output/object.printer';
import { formatTable } from '../output/tab-writer';
import { formatTemplateTable, formatTriggerTable, templateRows, triggerRows } from './notifications-config.printer';
import type { HubAccess } from './notifications-hub.client';
import { loadNotificationsHubClient } from './notifications-hub.loader';

type ListOutput = 'table' | 'json' | 'yaml';

interface HubOptions {
  kubeconfig?: string;
  context?: string;
  namespace: string;
  configMap?: string;
}

/** `flotilla admin notifications …`: argocd-notifications-cm on the hub, read and written through a kubeconfig. */
export function notificationsAdminCommand(config: CliConfig): Command {
  return new Command('notifications')
    .description('Try and install notification triggers and templates (reads the hub through a kubeconfig, like argocd admin notifications)')
    .addCommand(new Command('trigger').description('Notification triggers').addCommand(listCommand(config, 'trigger')))
    .addCommand(new Command('template').description('Notification templates').addCommand(listCommand(config, 'template')))
    .addCommand(new Command('catalog').description("Flotilla's catalog of Argo CD's standard triggers and templates").addCommand(catalogApplyCommand(config)));
}

function hubOptions(cmd: Command): Command {
  return cmd
    .option('--kubeconfig <path>', 'kubeconfig of the hub (default: KUBECONFIG or ~/.kube/config)')
    .option('--context <name>', 'kubeconfig context of the hub (default: the current context)')
    .option('-n, --namespace <ns>', 'namespace of argocd-notifications-cm', 'argocd');
}

const hubAccess = (config: CliConfig, opts: HubOptions): HubAccess => ({ kubeconfig: opts.kubeconfig ?? config.kubeconfigPath, context: opts.context, namespace: opts.namespace });

function listCommand(config: CliConfig, kind: 'trigger' | 'template'): Command {
  return hubOptions(new Command('list'))
    .description(`List the ${kind}s configured in ${NOTIFICATIONS_CM}`)
    .option('--config-map <file>', `read a ${NOTIFICATIONS_CM} YAML file instead of the hub`)
    .option('-o, --output <format>', 'Output format. One of: table|json|yaml', oneOf<ListOutput>('table', 'json', 'yaml'), 'table')
    .action(async (opts: HubOptions & { output: ListOutput }) => {
      const data = await configMapData(config, opts);
      let rows;
      try {
        rows = kind === 'trigger' ? triggerRows(data) : templateRows(data);
      } catch (err) {
        throw new CliError(`${NOTIFICATIONS_CM}: ${(err as Error).message}`);
      }
      if (opts.output !== 'table') process.stdout.write(formatObject(rows, opts.output));
      else process.stdout.write(kind === 'trigger' ? formatTriggerTable(rows as ReturnType<typeof triggerRows>) : formatTemplateTable(rows as ReturnType<typeof templateRows>));
    });
}

function catalogApplyCommand(config: CliConfig): Command {
  return hubOptions(new Command('apply'))
    .description(`Add the catalog's triggers and templates to ${NOTIFICATIONS_CM} (server-side apply; the ConfigMap's other keys are left alone)`)
    .option('--force-conflicts', 'replace catalog keys someone else has set differently')
    .action(async (opts: HubOptions & { forceConflicts?: boolean }) => {
      const { NotificationsHubClient } = loadNotificationsHubClient();
      const client = new NotificationsHubClient(hubAccess(config, opts));
      let result;
      try {
        result = await client.applyCatalog(notificationsCatalogData(), !!opts.forceConflicts);
      } catch (err) {
        throw new CliError((err as Error).message);
      }
      process.stdout.write(`configmap/${NOTIFICATIONS_CM} ${result.created ? 'created' : 'serverside-applied'} in namespace ${opts.namespace}\n`);
      process.stdout.write(formatTable([['KEY', 'CHANGE'], ...result.keys.map((k) => [k.key, k.change])]));
    });
}

async function configMapData(config: CliConfig, opts: HubOptions): Promise<Record<string, string>> {
  if (opts.configMap) return configMapFile(opts.configMap);
  const { NotificationsHubClient } = loadNotificationsHubClient();
  try {
    const data = await new NotificationsHubClient(hubAccess(config, opts)).configMapData();
    if (!data) throw new Error(`${NOTIFICATIONS_CM} not found in namespace ${opts.namespace}`);
    return data;
  } catch (err) {
    throw new CliError((err as Error).message);
  }
}

function configMapFile(path: string): Record<string, string> {
  let doc: { kind?: unknown; data?: unknown };
  try {
    doc = (parse(readFileSync(path, 'utf8')) ?? {}) as typeof doc;
  } catch (err) {
    throw new CliError(`--config-map ${path}: ${(err as Error).message}`);
  }
  if (doc.kind !== 'ConfigMap') throw new CliError(`--config-map ${path}: not a ConfigMap`);
  const data = (doc.data ?? {}) as Record<string, unknown>;
  for (const [key, value] of Object.entries(data)) if (typeof value !== 'string') throw new CliError(`--config-map ${path}: data.${key} is not a string`);
  return data as Record<string, string>;
}
