import type { Application, ApplicationSet } from '@flotilla/api-types';
import { APPSET_REFRESH_ANNOTATION, REFRESH_ANNOTATION } from '@flotilla/api-types';
import type { Logger } from 'pino';
import { isKubeNotFound } from '../hub/kube-errors';
import type { KubeResourceStore, NamedObject } from '../hub/kube-resource.store';
import { type PullRequestEvent, pullRequestRepo } from './pull-request-event.types';
import { pullRequestTouchesApplicationSet } from './pull-request-target.match';
import type { PushEvent } from './push-event.types';
import { pushTouchesApplication, pushTouchesApplicationSet } from './push-target.match';

// Patches in flight at once: a push to a monorepo may concern hundreds of apps.
const PATCH_CONCURRENCY = 8;

export interface WebhookRefreshResult {
  applications: string[];
  applicationSets: string[];
  /** What could not be annotated, with the hub's reason. */
  failed: { kind: 'Application' | 'ApplicationSet'; name: string; reason: string }[];
}

/**
 * Asks for a refresh of everything a push concerns by annotating it, exactly as `app get
 * --refresh` does, but without waiting: the controllers pick the annotations up from their watches.
 */
export class WebhookRefreshService {
  constructor(
    private readonly apps: KubeResourceStore<Application>,
    private readonly appSets: KubeResourceStore<ApplicationSet>,
    private readonly logger: Logger,
  ) {}

  async refresh(push: PushEvent): Promise<WebhookRefreshResult> {
    const [apps, appSets] = await Promise.all([this.apps.list(), this.listAppSets()]);
    // A pending hard refresh is already more than a normal one: leave it.
    const appTargets = apps.items.filter((a) => pushTouchesApplication(a, push) && a.metadata.annotations?.[REFRESH_ANNOTATION] !== 'hard');
    const setTargets = appSets.filter((s) => pushTouchesApplicationSet(s, push));
    const result: WebhookRefreshResult = { applications: [], applicationSets: [], failed: [] };
    await Promise.all([
      this.annotateAll(this.apps, appTargets, { [REFRESH_ANNOTATION]: 'normal' }, 'Application', result.applications, result.failed),
      this.annotateAll(
        this.appSets,
        setTargets,
        { [APPSET_REFRESH_ANNOTATION]: 'true' },
        'ApplicationSet',
        result.applicationSets,
        result.failed,
      ),
    ]);
    this.logger.info(
      { provider: push.provider, repo: push.repoUrls[0], refs: push.refs, ...result },
      `webhook push to ${push.repoUrls[0]}: refreshing ${result.applications.length} application(s) and ${result.applicationSets.length} applicationset(s)`,
    );
    return result;
  }

  /** A pull request opened, moved, relabelled or closed: the ApplicationSets whose pullRequest generators list it run again. */
  async refreshPullRequest(event: PullRequestEvent): Promise<WebhookRefreshResult> {
    const targets = (await this.listAppSets()).filter((s) => pullRequestTouchesApplicationSet(s, event));
    const result: WebhookRefreshResult = { applications: [], applicationSets: [], failed: [] };
    await this.annotateAll(
      this.appSets,
      targets,
      { [APPSET_REFRESH_ANNOTATION]: 'true' },
      'ApplicationSet',
      result.applicationSets,
      result.failed,
    );
    this.logger.info(
      { provider: event.provider, repo: pullRequestRepo(event), action: event.action, ...result },
      `webhook pull request ${event.action} on ${pullRequestRepo(event)}: refreshing ${result.applicationSets.length} applicationset(s)`,
    );
    return result;
  }

  /** The ApplicationSets, or none where the hub has no ApplicationSet CRD. */
  private async listAppSets(): Promise<ApplicationSet[]> {
    try {
      return (await this.appSets.list()).items;
    } catch (err) {
      if (isKubeNotFound(err)) return [];
      throw err;
    }
  }

  private async annotateAll<T extends NamedObject>(
    store: KubeResourceStore<T>,
    targets: T[],
    annotations: Record<string, string>,
    kind: WebhookRefreshResult['failed'][number]['kind'],
    done: string[],
    failed: WebhookRefreshResult['failed'],
  ): Promise<void> {
    const queue = [...targets];
    const worker = async (): Promise<void> => {
      for (let target = queue.shift(); target; target = queue.shift()) {
        const name = target.metadata.name;
        try {
          await store.mergePatch(name, { metadata: { annotations } });
          done.push(name);
        } catch (err) {
          // Deleted since the list: nothing left to refresh.
          if (isKubeNotFound(err)) continue;
          this.logger.warn({ err, kind, name }, `webhook could not request a refresh of ${kind} ${name}`);
          failed.push({ kind, name, reason: (err as Error).message });
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(PATCH_CONCURRENCY, queue.length) }, worker));
    done.sort();
  }
}
