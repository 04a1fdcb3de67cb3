// ApplicationSetService calls with typed ApplicationSets instead of JSON on the wire.
import type { Application, ApplicationSet } from '@flotilla/api-types';
import { fromJsonObject, toJsonObject } from '@flotilla/contracts';
import type { ApiClient } from '../api/api.client';

export class AppSetsClient {
  constructor(private readonly api: ApiClient) {}

  async list(query: { selector?: string; projects?: string[] } = {}): Promise<ApplicationSet[]> {
    const res = await this.api.call(this.api.applicationSets, 'List', { selector: query.selector, projects: query.projects ?? [] });
    return (res.items ?? []).map((item) => fromJsonObject<ApplicationSet>(item, 'items'));
  }

  async get(name: string): Promise<ApplicationSet> {
    return fromJsonObject<ApplicationSet>(await this.api.call(this.api.applicationSets, 'Get', { name }), 'applicationset');
  }

  async create(set: ApplicationSet, opts: { upsert: boolean; dryRun: boolean }): Promise<ApplicationSet> {
    const res = await this.api.call(this.api.applicationSets, 'Create', { applicationset: toJsonObject(set), upsert: opts.upsert, dryRun: opts.dryRun });
    return fromJsonObject<ApplicationSet>(res, 'applicationset');
  }

  /** The Applications the ApplicationSet would produce; the server creates none. */
  async generate(set: ApplicationSet): Promise<Application[]> {
    const res = await this.api.call(this.api.applicationSets, 'Generate', { applicationSet: toJsonObject(set) });
    return (res.applications ?? []).map((app) => fromJsonObject<Application>(app, 'applications'));
  }

  async delete(name: string): Promise<void> {
    await this.api.call(this.api.applicationSets, 'Delete', { name });
  }
}
