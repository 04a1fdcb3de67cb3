// The spec flags argocd's `app set` and `app add-source` share (its AddAppFlags), declared once.
import { type Command, InvalidArgumentError } from 'commander';
import { readFile } from 'node:fs/promises';
import { repeatable } from '../command/option.parsers';
import { CliError } from '../output/cli.error';
import { goDurationFlag } from './app-sync-policy.builder';

export function wholeNumber(value: string): number {
  const n = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(n)) throw new InvalidArgumentError(`expected a whole number, got "${value}"`);
  return n;
}

/** Flags that describe one source: where it is, and its Helm, Kustomize, directory and plugin options. */
export function addSourceOptions(cmd: Command): Command {
  return cmd
    .option('--repo <url>', 'Repository URL')
    .option('--path <path>', 'Path in repository to the app directory')
    .option('--helm-chart <chart>', 'Helm Chart name')
    .option('--revision <rev>', 'The tracking source branch, tag, commit or Helm chart version the application will sync to')
    .option('--values <file>', 'Helm values file(s) to use (repeatable)', repeatable)
    .option('--ignore-missing-value-files', 'Ignore locally missing valueFiles when setting helm template --values')
    .option('--values-literal-file <path>', 'Filename or URL to import as a literal Helm values block')
    .option('--release-name <name>', 'Helm release-name')
    .option('--helm-version <version>', 'Helm version')
    .option('--helm-pass-credentials', 'Pass credentials to all domain')
    .option('--helm-set <k=v>', 'Helm set values on the command line (repeatable: --helm-set key1=val1 --helm-set key2=val2)', repeatable)
    .option('--helm-set-string <k=v>', 'Helm set STRING values on the command line (repeatable)', repeatable)
    .option('--helm-set-file <k=path>', 'Helm set values from respective files specified via the command line (repeatable)', repeatable)
    .option('--helm-skip-crds', 'Skip helm crd installation step')
    .option('--helm-skip-schema-validation', 'Skip helm schema validation step')
    .option('--helm-skip-tests', 'Skip helm test manifests installation step')
    .option('--helm-namespace <ns>', 'Helm namespace to use when running helm template. If not set, use app.spec.destination.namespace')
    .option('--helm-kube-version <version>', 'Helm kube-version to use when running helm template')
    .option('--helm-api-versions <version>', 'Helm api-versions ([group/]version/kind) to use when running helm template (repeatable)', repeatable)
    .option('--nameprefix <prefix>', 'Kustomize nameprefix')
    .option('--namesuffix <suffix>', 'Kustomize namesuffix')
    .option('--kustomize-version <version>', 'Kustomize version')
    .option('--kustomize-image <image>', 'Kustomize images (e.g. --kustomize-image node:8.15.0 --kustomize-image mysql=mariadb,alpine@sha256:…) (repeatable)', repeatable)
    .option('--kustomize-replica <name=count>', 'Kustomize replicas (e.g. --kustomize-replica my-development=2) (repeatable)', repeatable)
    .option('--kustomize-namespace <ns>', 'Kustomize namespace')
    .option('--kustomize-common-label <k=v>', 'Set common labels in Kustomize (repeatable)', repeatable)
    .option('--kustomize-common-annotation <k=v>', 'Set common annotations in Kustomize (repeatable)', repeatable)
    .option('--ignore-missing-components', 'Ignore locally missing component directories when setting Kustomize components')
    .option('--directory-recurse', 'Recurse directory')
    .option('--directory-include <glob>', 'Set glob expression used to include files from application source path')
    .option('--directory-exclude <glob>', 'Set glob expression used to exclude files from application source path')
    .option('--jsonnet-tla-str <name=value>', 'Jsonnet top level string arguments (repeatable)', repeatable)
    .option('--jsonnet-tla-code <name=code>', 'Jsonnet top level code arguments (repeatable)', repeatable)
    .option('--jsonnet-ext-var-str <name=value>', 'Jsonnet string ext var (repeatable)', repeatable)
    .option('--jsonnet-ext-var-code <name=code>', 'Jsonnet ext var (repeatable)', repeatable)
    .option('--jsonnet-libs <path>', 'Additional jsonnet libs (prefixed by repoRoot) (repeatable)', repeatable)
    .option('--config-management-plugin <name>', 'Config management plugin name')
    .option('--plugin-env <NAME=value>', 'Additional plugin envs (repeatable)', repeatable)
    .option('--ref <name>', 'Ref is reference to another source within sources field')
    .option('--source-name <name>', 'Name of the source from the list of sources of the app.')
    .option('-p, --parameter <name=value>', 'set a parameter override (e.g. -p guestbook=image=example/guestbook:latest) (repeatable)', repeatable)
    .option('--validate', 'Validation of repo and cluster (default true)');
}

/** Flags of the spec around its sources: destination, project, sync policy, history. */
export function addSpecOptions(cmd: Command): Command {
  return cmd
    .option('--dest-server <url>', 'K8s cluster URL (e.g. https://kubernetes.default.svc)')
    .option('--dest-name <name>', 'K8s cluster Name (e.g. minikube)')
    .option('--dest-namespace <ns>', 'K8s target namespace')
    .option('--project <project>', 'Application project name')
    .option('--sync-policy <policy>', 'Set the sync policy (one of: manual (aliases of manual: none), automated (aliases of automated: auto, automatic))')
    .option('--sync-option <option>', 'Add or remove a sync option, e.g add `Prune=false`. Remove using `!` prefix, e.g. `!Prune=false` (repeatable)', repeatable)
    .option('--auto-prune', 'Set automatic pruning for automated sync policy')
    .option('--self-heal', 'Set self healing for automated sync policy')
    .option('--allow-empty', 'Set allow zero live resources for automated sync policy')
    .option('--sync-retry-limit <n>', 'Max number of allowed sync retries', wholeNumber)
    .option('--sync-retry-backoff-duration <duration>', 'Sync retry backoff base duration. Input needs to be a duration (e.g. 2m, 1h) (default 5s)', goDurationFlag)
    .option('--sync-retry-backoff-max-duration <duration>', 'Max sync retry backoff duration. Input needs to be a duration (e.g. 2m, 1h) (default 3m0s)', goDurationFlag)
    .option('--sync-retry-backoff-factor <n>', 'Factor multiplies the base duration after each failed sync retry (default 2)', wholeNumber)
    .option('--revision-history-limit <n>', 'How many items to keep in revision history', wholeNumber);
}

/** How many options the user gave on this command line (argocd counts visited flags). */
export const givenOptionCount = (cmd: Command): number => cmd.options.filter((o) => cmd.getOptionValueSource(o.attributeName()) === 'cli').length;

/** --values-literal-file: a local file, or an http(s) URL, as argocd reads it. */
export async function readValuesLiteral(location: string): Promise<string> {
  try {
    if (/^https?:\/\//i.test(location)) {
      const res = await fetch(location);
      if (!res.ok) throw new Error(`HTTP ${res.status} ${res.statusText}`);
      return await res.text();
    }
    return await readFile(location, 'utf8');
  } catch (err) {
    throw new CliError(`failed to read ${location}: ${(err as Error).message}`);
  }
}
