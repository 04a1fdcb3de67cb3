import * as grpc from '@grpc/grpc-js';
import type { Application } from '@flotilla/api-types';
import { REFRESH_ANNOTATION } from '@flotilla/api-types';
import type { KubeResourceStore } from '../hub/kube-resource.store';
import { invalidArgument, notFound, RpcError } from '../rpc/rpc-error';
import { appNotFound } from './application.service';

const POLL_MS = 200;

/**
 * Asks the app-controller to refresh an Application by annotating it, then waits (bounded) until
 * the controller has removed the annotation, i.e. has compared the app again.
 */
export class ApplicationRefreshService {
  constructor(
    private readonly apps: KubeResourceStore<Application>,
    private readonly waitMs: number,
  ) {}

  async refresh(name: string, type: string): Promise<Application> {
    if (type !== 'normal' && type !== 'hard') throw invalidArgument(`refresh must be "normal" or "hard", not ${JSON.stringify(type)}`);
    const patched = await this.apps.mergePatch(name, { metadata: { annotations: { [REFRESH_ANNOTATION]: type } } });
    const deadline = Date.now() + this.waitMs;
    for (;;) {
      const current = await this.apps.get(name);
      if (!current) throw notFound(appNotFound(name));
      if (current.metadata.resourceVersion !== patched.metadata.resourceVersion && !current.metadata.annotations?.[REFRESH_ANNOTATION])
        return current;
      if (Date.now() >= deadline)
        throw new RpcError(
          grpc.status.DEADLINE_EXCEEDED,
          `application refresh deadline exceeded: the app-controller did not refresh "${name}" within ${Math.round(this.waitMs / 1000)}s`,
        );
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }
}
