import type { Application, AppProject } from '@flotilla/api-types';
import { renderTemplate, withGoInts } from '@flotilla/gotemplate';
import { CompiledExpr } from '@flotilla/notifications';
import type { Logger } from 'pino';
import { parse as parseYaml } from 'yaml';
import type { ClusterStore } from '../clusters/cluster.store';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { failedPrecondition, permissionDenied } from '../rpc/rpc-error';
import type { CallContext } from '../session/session.service';
import type { ArgoSettingsStore } from '../settings/argo-settings.store';
import type { ApplicationService } from './application.service';
import { destinationPermitted } from './project-permissions';

/** One entry of argocd-cm's application.links (Argo's settings.DeepLink). */
interface DeepLink {
  url?: unknown;
  title?: unknown;
  description?: unknown;
  'icon.class'?: unknown;
  if?: unknown;
}

export interface LinkInfo {
  title: string;
  url: string;
  description?: string;
  iconClass?: string;
}

const MANAGED_BY_URL_ANNOTATION = 'argocd.argoproj.io/managed-by-url';

const isHttpUrl = (v: unknown): v is string => {
  if (typeof v !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
};

/**
 * ListLinks: argocd-cm's application.links, each url a Go template (with Sprig) over `app` (also
 * `application`), its destination `cluster` (without credentials) and `managedByURL`.
 */
export class ApplicationLinksService {
  constructor(
    private readonly applications: ApplicationService,
    private readonly settings: ArgoSettingsStore,
    private readonly clusters: ClusterStore,
    private readonly projects: KubeResourceStore<AppProject>,
    private readonly logger: Logger,
  ) {}

  async links(
    ctx: CallContext,
    q: { name?: string | null; namespace?: string | null; project?: string | null },
  ): Promise<{ items: LinkInfo[] }> {
    if (q.namespace && q.namespace !== this.applications.namespace) throw permissionDenied(`namespace '${q.namespace}' is not permitted`);
    const app = await this.applications.authorized(ctx, q.name ?? undefined, 'get', q.project || undefined);
    const cm = await this.settings.argocdCm();
    const links = parseLinks(cm['application.links']);
    if (links.length === 0) return { items: [] };
    const data: Record<string, unknown> = { app, application: app };
    const cluster = await this.destinationCluster(app);
    if (cluster) data.cluster = cluster;
    const managedBy = app.metadata.annotations?.[MANAGED_BY_URL_ANNOTATION];
    if (isHttpUrl(managedBy)) data.managedByURL = managedBy;
    else if (cm.url) data.managedByURL = cm.url;
    const vars = JSON.parse(JSON.stringify(data)) as Record<string, unknown>;
    const goData = withGoInts(vars);
    const items: LinkInfo[] = [];
    for (const link of links) {
      if (link.if !== undefined && !this.applies(link.if, vars, app.metadata.name)) continue;
      if (typeof link.url !== 'string') {
        this.logger.warn({ app: app.metadata.name, title: link.title }, 'application link left out: its url is not a string');
        continue;
      }
      try {
        const url = renderTemplate(link.url, goData, { missingKey: 'default' });
        items.push({
          title: typeof link.title === 'string' ? link.title : '',
          url,
          ...(typeof link.description === 'string' ? { description: link.description } : {}),
          ...(typeof link['icon.class'] === 'string' ? { iconClass: link['icon.class'] } : {}),
        });
      } catch (err) {
        // As Argo: a link that fails to render is left out and logged, the others are still answered.
        this.logger.warn(
          { app: app.metadata.name, url: link.url, err: (err as Error).message },
          'application link left out: its url template failed',
        );
      }
    }
    return { items };
  }

  /**
   * Whether a link's `if` (an expr expression over the same data as the url) holds; one that does
   * not parse, fails or is not a boolean leaves the link out and is logged, as Argo does.
   */
  private applies(condition: unknown, vars: Record<string, unknown>, appName: string): boolean {
    const why = (reason: string): false => {
      this.logger.warn({ app: appName, condition }, `application link left out: ${reason}`);
      return false;
    };
    if (typeof condition !== 'string') return why('its if condition is not a string');
    let result: unknown;
    try {
      result = CompiledExpr.compile(condition).evaluate({ vars, now: () => new Date() });
    } catch (err) {
      return why(`failed to evaluate its if condition: ${(err as Error).message}`);
    }
    if (typeof result !== 'boolean') return why('its if condition evaluated to a non-boolean value');
    return result;
  }

  /** The destination cluster without its credentials (Argo's ClusterLinksData), or undefined when it is not known. */
  private async destinationCluster(app: Application): Promise<Record<string, unknown> | undefined> {
    const { server, name, namespace = '' } = app.spec?.destination ?? {};
    const stored = server ? await this.clusters.byServer(server) : name ? await this.clusters.byName(name) : undefined;
    if (!stored) return undefined;
    const project = await this.projects.get(app.spec.project || 'default');
    if (!project || !destinationPermitted(project, stored.cluster.server, stored.cluster.name, namespace))
      throw failedPrecondition('error getting destination cluster');
    const c = stored.cluster;
    return {
      server: c.server,
      name: c.name,
      ...(c.namespaces?.length ? { namespaces: c.namespaces } : {}),
      ...(c.project ? { project: c.project } : {}),
      ...(c.labels && Object.keys(c.labels).length ? { labels: c.labels } : {}),
      ...(c.annotations && Object.keys(c.annotations).length ? { annotations: c.annotations } : {}),
    };
  }
}

function parseLinks(text: string | undefined): DeepLink[] {
  if (!text?.trim()) return [];
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (err) {
    throw failedPrecondition(`failed to read application deep links from configmap: ${(err as Error).message}`);
  }
  if (!Array.isArray(parsed))
    throw failedPrecondition('failed to read application deep links from configmap: application.links must be a list');
  return parsed.filter((l): l is DeepLink => typeof l === 'object' && l !== null);
}
