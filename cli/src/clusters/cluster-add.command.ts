import { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { withApi } from '../api/api.session';
import { parseKeyValues, repeatable } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { formatLogLine, logInfo } from '../output/log.printer';
import { askToProceed, stdoutIsTerminal } from '../terminal/prompt';
import { ClustersClient } from './clusters.client';
import { loadClusterManagerInstaller, loadKubeconfigReader } from './kube-client.loader';
import { clusterFor } from './cluster-spec.builder';

interface AddOptions {
  name?: string;
  label?: string[];
  annotation?: string[];
  kubeconfig?: string;
  inCluster?: boolean;
  upsert?: boolean;
  yes?: boolean;
  namespace?: string[];
  clusterResources?: boolean;
  systemNamespace: string;
  project?: string;
}

export function clusterAddCommand(config: CliConfig): Command {
  return new Command('add')
    .description('flotilla cluster add CONTEXT')
    .argument('[CONTEXT]', 'kubeconfig context of the cluster to add')
    .option('--name <name>', 'Overwrite the cluster name')
    .option('--label <k=v>', 'Set metadata labels (repeatable)', repeatable)
    .option('--annotation <k=v>', 'Set metadata annotations (repeatable)', repeatable)
    .option('--kubeconfig <path>', 'use a particular kubeconfig file')
    .option('--in-cluster', 'Indicates Flotilla resides inside this cluster and should connect using the internal k8s hostname (kubernetes.default.svc)')
    .option('--upsert', 'Override an existing cluster with the same name even if the spec differs')
    .option('-y, --yes', 'Skip explicit confirmation')
    .option('--namespace <ns>', 'List of namespaces which are allowed to manage (repeatable)', repeatable)
    .option('--cluster-resources', 'Indicates if cluster level resources should be managed. The setting is used only if list of managed namespaces is not empty.')
    .option('--system-namespace <ns>', 'Use different system namespace', 'kube-system')
    .option('--project <project>', 'project of the cluster')
    .action(async (contextName: string | undefined, opts: AddOptions, cmd: Command) => {
      const { formatKubeContexts, loadKubeConfig, readKubeContext } = loadKubeconfigReader();
      const { ClusterManagerInstaller } = loadClusterManagerInstaller();
      const kc = loadKubeConfig(opts.kubeconfig ?? config.kubeconfigPath);
      if (!contextName) {
        process.stderr.write(formatLogLine('ERRO', 'Choose a context name from:'));
        process.stdout.write(formatKubeContexts(kc));
        throw new CliError('');
      }
      const access = readKubeContext(kc, contextName);
      const labels = parseKeyValues(opts.label);
      const annotations = parseKeyValues(opts.annotation, 'annotation');
      if (stdoutIsTerminal() && !opts.yes) {
        const level = opts.namespace?.length ? 'namespace' : 'cluster';
        const question = `WARNING: This will create a service account \`argocd-manager\` on the cluster referenced by context \`${contextName}\` with full ${level} level privileges. Do you want to continue [y/N]? `;
        if (!(await askToProceed(question))) throw new CliError('cancelled');
      }
      const token = await new ClusterManagerInstaller(access.kubeConfig).install({ systemNamespace: opts.systemNamespace, namespaces: opts.namespace, log: logInfo });
      const cluster = clusterFor(access, token, { ...opts, labels, annotations });
      await withApi(cmd, config, async (api) => {
        await new ClustersClient(api).create(cluster, Boolean(opts.upsert));
      });
      process.stdout.write(`Cluster '${cluster.server}' added\n`);
    });
}
