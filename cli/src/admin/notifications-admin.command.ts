import { NOTIFICATIONS_CM, notificationsCatalogData } from '@flotilla/api-types';
import { Command } from 'commander';
import { readFileSync } from 'node:fs';
import { parse, stringify } from 'yaml';
import type { CliConfig } from '../cli.config';
import { oneOf } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { formatObject } from '../output/object.printer';
import { formatTable } from '../output/tab-writer';
import { formatTemplateTable, formatTriggerTable, templateRows, triggerRows } from './notifications-config.printer';
import type { NotificationsAdmin } from './notifications-admin.service';
import type { HubAccess } from './notifications-hub.client';
import { loadNotificationsAdmin, loadNotificationsHubClient } from './notifications-hub.loader';

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
    .addCommand(new Command('trigger').description('Notification triggers').addCommand(listCommand(config, 'trigger')).addCommand(triggerRunCommand(config)))
    .addCommand(new Command('template').description('Notification templates').addCommand(listCommand(config, 'template')).addCommand(templateNotifyCommand(config)))
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

function triggerRunCommand(config: CliConfig): Command {
  return hubOptions(new Command('run'))
    .description('Evaluate a trigger on an Application and print each condition’s result')
    .argument('NAME')
    .argument('APP')
    .option('-o, --output <format>', 'Output format. One of: table|json|yaml', oneOf<ListOutput>('table', 'json', 'yaml'), 'table')
    .action(async (name: string, appName: string, opts: HubOptions & { output: ListOutput }) => {
      const { admin, app } = await loadTrial(config, opts, appName);
      const rows = attempt(() => admin.runTrigger(name, app));
      if (opts.output !== 'table') return void process.stdout.write(formatObject(rows, opts.output));
      process.stdout.write(formatTable([['CONDITION', 'RESULT'], ...rows.map((r) => [r.condition, r.error ? `false (${r.error})` : String(r.result)])]));
    });
}

function templateNotifyCommand(config: CliConfig): Command {
  return hubOptions(new Command('notify'))
    .description('Render a template for an Application and print it, or send it with --recipient <service>:<recipient>')
    .argument('NAME')
    .argument('APP')
    .option('--recipient <service:recipient>', 'send to this subscriber (repeatable); without it the rendered notification is printed', (v: string, all: string[] = []) => [...all, v])
    .option('--service-type <type>', 'the service type to render for when printing', 'webhook')
    .action(async (name: string, appName: string, opts: HubOptions & { recipient?: string[]; serviceType: string }) => {
      const { admin, app } = await loadTrial(config, opts, appName);
      // A template may quote .secrets; what it renders is printed with them masked.
      if (!opts.recipient?.length) return void process.stdout.write(admin.mask(stringify(attempt(() => admin.render(name, app, opts.serviceType)))));
      let outcomes;
      try {
        outcomes = await admin.notify(name, app, opts.recipient);
      } catch (err) {
        throw new CliError(admin.mask((err as Error).message));
      }
      for (const o of outcomes) process.stdout.write(o.error ? `${o.recipient} failed: ${o.error}\n` : `${o.recipient} sent\n`);
      if (outcomes.some((o) => o.error)) throw new CliError('');
    });
}

/** The ConfigMap, its Secret and the Application, read from the hub, ready to try triggers and templates on. */
async function loadTrial(config: CliConfig, opts: HubOptions, appName: string): Promise<{ admin: NotificationsAdmin; app: Record<string, unknown> }> {
  const { NotificationsHubClient } = loadNotificationsHubClient();
  let input;
  try {
    input = await new NotificationsHubClient(hubAccess(config, opts)).trialInput(appName);
  } catch (err) {
    throw new CliError((err as Error).message);
  }
  const { NotificationsAdmin } = loadNotificationsAdmin();
  const admin = new NotificationsAdmin(input.data, input.secretData);
  for (const problem of admin.problems) process.stderr.write(`warning: ${NOTIFICATIONS_CM} ${admin.mask(problem)}\n`);
  return { admin, app: input.app };
}

/** `run()`'s value; what it throws (an unknown trigger or template, a template that fails) as a CliError. */
function attempt<T>(run: () => T): T {
  try {
    return run();
  } catch (err) {
    throw new CliError((err as Error).message);
  }
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
