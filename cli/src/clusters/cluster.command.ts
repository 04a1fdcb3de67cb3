import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { oneOf, parseKeyValues, repeatable } from '../command/option.parsers';
import { logInfo, logWarn } from '../output/log.printer';
import { formatObjectList, isObjectFormat } from '../output/object.printer';
import { askToProceedAll } from '../terminal/prompt';
import { clusterAddCommand } from './cluster-add.command';
import { formatClusterDetails, formatClusterServers, formatClusterTable } from './cluster.printer';
import { ClustersClient } from './clusters.client';
import { loadClusterManagerInstaller, loadKubeconfigReader } from './kube-client.loader';

type ClusterOutput = 'json' | 'yaml' | 'wide' | 'server';

/** `flotilla cluster …`: the clusters Flotilla deploys to. */
export function clusterCommand(config: CliConfig): Command {
  return new Command('cluster')
    .alias('clusters')
    .description('Manage cluster credentials')
    .addCommand(clusterAddCommand(config))
    .addCommand(clusterListCommand(config))
    .addCommand(clusterGetCommand(config))
    .addCommand(clusterSetCommand(config))
    .addCommand(clusterRotateAuthCommand(config))
    .addCommand(clusterRemoveCommand(config));
}

interface ClusterSetOptions {
  name?: string;
  namespace?: string[];
  label?: string[];
  annotation?: string[];
}

/** `cluster set NAME`: argocd sends only the fields given, by cluster name. */
function clusterSetCommand(config: CliConfig): Command {
  return new Command('set')
    .description('Set cluster information')
    .argument('<NAME>')
    .option('--name <name>', 'Overwrite the cluster name')
    .option('--namespace <ns>', "List of namespaces which are allowed to manage. Specify '*' to manage all namespaces", repeatable)
    .option('--label <k=v>', 'Set metadata labels (e.g. --label key=value)', repeatable)
    .option('--annotation <k=v>', 'Set metadata annotations (e.g. --annotation key=value)', repeatable)
    .action(async (name: string, opts: ClusterSetOptions, cmd: Command) => {
      const updatedFields = [...(opts.name ? ['name'] : []), ...(opts.namespace ? ['namespaces'] : []), ...(opts.label ? ['labels'] : []), ...(opts.annotation ? ['annotations'] : [])];
      if (!updatedFields.length) {
        process.stdout.write('Specify the cluster field to be updated.\n');
        return;
      }
      const labels = parseKeyValues(opts.label, 'label');
      const annotations = parseKeyValues(opts.annotation, 'annotation');
      // '*' alone means every namespace, which the cluster Secret says with no namespaces at all.
      const namespaces = opts.namespace?.length === 1 && opts.namespace[0] === '*' ? [''] : opts.namespace;
      await withApi(cmd, config, async (api) => {
        await new ClustersClient(api).update(name, { name: opts.name ?? '', namespaces, labels, annotations }, updatedFields);
        process.stdout.write(`Cluster '${name}' updated.\n`);
      });
    });
}

/** `cluster rotate-auth SERVER/NAME`: a new token of the cluster's ServiceAccount replaces the stored one. */
function clusterRotateAuthCommand(config: CliConfig): Command {
  return new Command('rotate-auth')
    .description('flotilla cluster rotate-auth SERVER/NAME')
    .argument('<SERVER/NAME>')
    .action(async (selector: string, _opts: unknown, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        await new ClustersClient(api).rotateAuth(selector);
        process.stdout.write(`Cluster '${selector}' rotated auth\n`);
      }),
    );
}

function clusterListCommand(config: CliConfig): Command {
  return new Command('list')
    .description('List configured clusters')
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide|server', oneOf<ClusterOutput>('json', 'yaml', 'wide', 'server'), 'wide')
    .action(async (opts: { output: ClusterOutput }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const clusters = await new ClustersClient(api).list();
        const out = isObjectFormat(opts.output) ? formatObjectList(clusters, opts.output) : opts.output === 'server' ? formatClusterServers(clusters) : formatClusterTable(clusters);
        process.stdout.write(out);
      }),
    );
}

function clusterGetCommand(config: CliConfig): Command {
  return new Command('get')
    .description('Get cluster information')
    .argument('<SERVER/NAME...>')
    // YAML by default, as argocd keeps it for backwards compatibility.
    .option('-o, --output <format>', 'Output format. One of: json|yaml|wide|server', oneOf<ClusterOutput>('json', 'yaml', 'wide', 'server'), 'yaml')
    .action(async (selectors: string[], opts: { output: ClusterOutput }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const client = new ClustersClient(api);
        const clusters = [];
        for (const s of selectors) clusters.push(await client.get(s));
        const out = isObjectFormat(opts.output) ? formatObjectList(clusters, opts.output, true) : opts.output === 'server' ? formatClusterServers(clusters) : formatClusterDetails(clusters);
        process.stdout.write(out);
      }),
    );
}

function clusterRemoveCommand(config: CliConfig): Command {
  return new Command('rm')
    .alias('remove')
    .description('Remove cluster credentials')
    .argument('<SERVER/NAME...>')
    .option('-y, --yes', 'Turn off prompting to confirm remove of cluster resources')
    .option('--kubeconfig <path>', 'kubeconfig used to remove the argocd-manager RBAC from the cluster')
    .option('--system-namespace <ns>', 'Namespace of the argocd-manager ServiceAccount', 'kube-system')
    .action(async (selectors: string[], opts: { yes?: boolean; kubeconfig?: string; systemNamespace: string }, cmd: Command) =>
      withApi(cmd, config, async (api) => {
        const client = new ClustersClient(api);
        let confirmAll = Boolean(opts.yes);
        for (const selector of selectors) {
          if (!confirmAll) {
            const answer = await askToProceedAll(`Are you sure you want to remove '${selector}'? Any Apps deploying to this cluster will go to health status Unknown.`, selectors.length > 1);
            if (answer === 'all') confirmAll = true;
            if (answer === 'no') {
              process.stdout.write(`The command to remove '${selector}' was cancelled.\n`);
              continue;
            }
          }
          const cluster = await client.get(selector);
          await client.delete(selector);
          process.stdout.write(`Cluster '${selector}' removed\n`);
          await removeManagerRbac(cluster.name, opts.kubeconfig ?? config.kubeconfigPath, opts.systemNamespace);
        }
      }),
    );
}

/** Like argocd, clean the argocd-manager RBAC out of the cluster when the kubeconfig still reaches it. */
async function removeManagerRbac(contextName: string, kubeconfigPath: string, systemNamespace: string): Promise<void> {
  const { loadKubeConfig } = loadKubeconfigReader();
  const { ClusterManagerInstaller } = loadClusterManagerInstaller();
  let kc;
  try {
    kc = loadKubeConfig(kubeconfigPath);
  } catch {
    logWarn(`kubeconfig ${kubeconfigPath} not readable; argocd-manager RBAC left in cluster '${contextName}'`);
    return;
  }
  if (!kc.getContextObject(contextName)) {
    logWarn(`no kubeconfig context named '${contextName}'; argocd-manager RBAC left in the cluster`);
    return;
  }
  kc.setCurrentContext(contextName);
  await new ClusterManagerInstaller(kc).uninstall(systemNamespace, logInfo);
}
