import * as grpc from '@grpc/grpc-js';
import type { ApplicationSet } from '@flotilla/api-types';
import { contracts, fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { ApplicationSetServiceHandlers } from '@flotilla/contracts';
import type { GrpcHandler } from '@flotilla/platform';
import { toJsonList } from '../rpc/json-list';
import { invalidArgument, permissionDenied } from '../rpc/rpc-error';
import { authenticated, Authenticator } from '../rpc/unary-call';
import { ApplicationSetGenerateService } from './applicationset-generate.service';
import { ApplicationSetService } from './applicationset.service';

/** applicationset.ApplicationSetService over ApplicationSetService. */
export class ApplicationSetGrpcHandler implements GrpcHandler {
  readonly definition = contracts().applicationset.ApplicationSetService.service;

  constructor(
    private readonly auth: Authenticator,
    private readonly sets: ApplicationSetService,
    private readonly generator: ApplicationSetGenerateService,
  ) {}

  private checkNamespace(namespace: string | undefined): void {
    if (namespace && namespace !== this.sets.namespace) throw permissionDenied(`namespace '${namespace}' is not permitted`);
  }

  implementation(): grpc.UntypedServiceImplementation {
    const handlers: ApplicationSetServiceHandlers = {
      List: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appsetNamespace);
        const list = await this.sets.list(ctx, { projects: req.projects, selector: req.selector });
        return toJsonList(list.items, list.resourceVersion);
      }),
      Get: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appsetNamespace);
        return toJsonObject(await this.sets.get(ctx, req.name));
      }),
      Create: authenticated(this.auth, async (req, ctx) => {
        const set = fromJsonObject<ApplicationSet>(req.applicationset, 'applicationset');
        this.checkNamespace(set.metadata?.namespace);
        return toJsonObject(await this.sets.create(ctx, set, { upsert: !!req.upsert, dryRun: !!req.dryRun }));
      }),
      Generate: authenticated(this.auth, async (req, ctx) => {
        if (!req.applicationSet?.json) throw invalidArgument('error creating ApplicationSets: ApplicationSets is nil in request');
        const set = fromJsonObject<ApplicationSet>(req.applicationSet, 'applicationSet');
        this.checkNamespace(set.metadata?.namespace);
        const applications = await this.generator.generate(ctx, set);
        return { applications: applications.map((app) => toJsonObject(app)) };
      }),
      Delete: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appsetNamespace);
        await this.sets.delete(ctx, req.name);
        return {};
      }),
      ResourceTree: authenticated(this.auth, async (req, ctx) => {
        this.checkNamespace(req.appsetNamespace);
        return toJsonObject(await this.sets.resourceTree(ctx, req.name));
      }),
    };
    return handlers;
  }
}
