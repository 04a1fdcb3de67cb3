import { ARGO_API_VERSION, NOTIFICATIONS_CM, NOTIFICATIONS_SECRET } from '@flotilla/api-types';
import { KubeApiError, kubeClientFromKubeconfig, kubeClientInCluster, type KubeClient } from '@flotilla/platform';
import { Command } from 'commander';
import { stringify } from 'yaml';
import { NotificationsAdmin } from './notifications-admin.service';

// flotilla-notifications: the notifier's own admin tool, as Argo CD's notifications controller image
// carries argocd-notifications. `trigger run` and `template notify` read argocd-notifications-cm,
// its Secret and the Application straight from the hub (a kubeconfig, or the pod's ServiceAccount)
// and send through the notifier's senders. Run it with `node -r @swc-node/register` from source, or
// `kubectl exec` in the notifier's pod.

interface HubOptions {
  kubeconfig?: string;
  context?: string;
  namespace: string;
}

const hubOptions = (cmd: Command): Command =>
  cmd
    .option('--kubeconfig <path>', 'kubeconfig of the hub (default: KUBECONFIG, else the pod’s ServiceAccount)')
    .option('--context <name>', 'kubeconfig context of the hub')
    .option('-n, --namespace <ns>', 'namespace of argocd-notifications-cm and the Applications', 'argocd');

export function notificationsAdminProgram(env: NodeJS.ProcessEnv): Command {
  const program = new Command('flotilla-notifications').description('Try notification triggers and templates on an Application');
  const trigger = new Command('trigger').description('Notification triggers');
  trigger.addCommand(
    hubOptions(new Command('run'))
      .description('Evaluate a trigger on an Application and print each condition’s result')
      .argument('NAME')
      .argument('APP')
      .option('-o, --output <format>', 'table|json|yaml', 'table')
      .action(async (name: string, appName: string, opts: HubOptions & { output: string }) => {
        const { admin, app } = await load(env, opts, appName);
        const rows = admin.runTrigger(name, app);
        if (opts.output === 'json' || opts.output === 'yaml') return print(rows, opts.output);
        const width = Math.max(...rows.map((r) => r.condition.length), 'CONDITION'.length) + 2;
        process.stdout.write(`${'CONDITION'.padEnd(width)}RESULT\n`);
        for (const r of rows) process.stdout.write(`${r.condition.padEnd(width)}${r.error ? `false (${r.error})` : String(r.result)}\n`);
      }),
  );
  const template = new Command('template').description('Notification templates');
  template.addCommand(
    hubOptions(new Command('notify'))
      .description('Render a template for an Application and print it, or send it with --recipient <service>:<recipient>')
      .argument('NAME')
      .argument('APP')
      .option('--recipient <service:recipient>', 'send to this subscriber (repeatable); without it the rendered notification is printed', (v: string, all: string[] = []) => [...all, v])
      .option('--service-type <type>', 'the service type to render for when printing', 'webhook')
      .action(async (name: string, appName: string, opts: HubOptions & { recipient?: string[]; serviceType: string }) => {
        const { admin, app } = await load(env, opts, appName);
        // A template may quote .secrets; what it renders is printed with them masked.
        if (!opts.recipient?.length) return void process.stdout.write(admin.mask(stringify(admin.render(name, app, opts.serviceType))));
        const outcomes = await admin.notify(name, app, opts.recipient);
        for (const o of outcomes) process.stdout.write(o.error ? `${o.recipient} failed: ${o.error}\n` : `${o.recipient} sent\n`);
        if (outcomes.some((o) => o.error)) process.exitCode = 1;
      }),
  );
  return program.addCommand(trigger).addCommand(template);
}

async function load(env: NodeJS.ProcessEnv, opts: HubOptions, appName: string): Promise<{ admin: NotificationsAdmin; app: Record<string, unknown> }> {
  const path = opts.kubeconfig ?? env.KUBECONFIG?.split(':')[0];
  const kube: KubeClient = path || !env.KUBERNETES_SERVICE_HOST ? kubeClientFromKubeconfig(path, opts.context) : kubeClientInCluster();
  try {
    const namespace = opts.namespace;
    const [cm, secret, app] = await Promise.all([
      kube.get<{ apiVersion: string; kind: string; data?: Record<string, string> }>({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: NOTIFICATIONS_CM, namespace } }),
      optional(kube.get<{ apiVersion: string; kind: string; data?: Record<string, string> }>({ apiVersion: 'v1', kind: 'Secret', metadata: { name: NOTIFICATIONS_SECRET, namespace } })),
      kube.get({ apiVersion: ARGO_API_VERSION, kind: 'Application', metadata: { name: appName, namespace } }),
    ]);
    const secretData = Object.fromEntries(Object.entries(secret?.data ?? {}).map(([k, v]) => [k, Buffer.from(v, 'base64').toString('utf8')]));
    const admin = new NotificationsAdmin(cm.data ?? {}, secretData);
    for (const problem of admin.problems) process.stderr.write(`warning: ${NOTIFICATIONS_CM} ${problem}\n`);
    return { admin, app: app as unknown as Record<string, unknown> };
  } finally {
    kube.close();
  }
}

async function optional<T>(read: Promise<T>): Promise<T | undefined> {
  try {
    return await read;
  } catch (err) {
    if (err instanceof KubeApiError && err.code === 404) return undefined;
    throw err;
  }
}

function print(value: unknown, format: 'json' | 'yaml'): void {
  process.stdout.write(format === 'json' ? `${JSON.stringify(value, null, 2)}\n` : stringify(value));
}

if (require.main === module) {
  notificationsAdminProgram(process.env)
    .parseAsync(process.argv)
    .catch((err: Error) => {
      process.stderr.write(`flotilla-notifications: ${err.message}\n`);
      process.exitCode = 1;
    });
}
