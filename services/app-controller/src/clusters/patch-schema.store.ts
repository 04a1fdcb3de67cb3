// The strategic merge metadata (patch strategy, merge key) of a cluster's kinds, from its
// /openapi/v2 as kubectl apply reads it; fetched once per cluster and kept, as built-in kinds'
// metadata does not change while a server runs (custom resources get JSON merge patches).
import { NO_PATCH_SCHEMA, openApiDefinitionOf, patchSchemaFromOpenApi, type OpenApiDefinitions, type PatchSchema } from '@flotilla/engine';
import type { KubeClient } from '@flotilla/platform';

export class PatchSchemaStore {
  private readonly documents = new Map<string, Promise<OpenApiDefinitions | undefined>>();
  private readonly schemas = new Map<string, PatchSchema>();

  /** The kind's patch schema; without OpenAPI (or the kind in it) lists are replaced whole, never lost. */
  async forKind(kube: KubeClient, apiVersion: string, kind: string): Promise<PatchSchema> {
    const key = `${kube.server} ${apiVersion} ${kind}`;
    const known = this.schemas.get(key);
    if (known) return known;
    const definitions = await this.definitionsOf(kube);
    const name = definitions && openApiDefinitionOf(definitions, apiVersion, kind);
    if (!definitions || !name) return NO_PATCH_SCHEMA;
    const schema = patchSchemaFromOpenApi(definitions, name);
    this.schemas.set(key, schema);
    return schema;
  }

  private definitionsOf(kube: KubeClient): Promise<OpenApiDefinitions | undefined> {
    const key = kube.server;
    let found = this.documents.get(key);
    if (!found) {
      found = kube
        .request<{ definitions?: OpenApiDefinitions }>({ method: 'GET', path: '/openapi/v2', what: `get OpenAPI of ${kube.name}` })
        .then((doc) => doc?.definitions)
        .catch(() => {
          // Asked again on the next write: a cluster that could not answer now may later.
          this.documents.delete(key);
          return undefined;
        });
      this.documents.set(key, found);
    }
    return found;
  }
}

/** One store per controller process, shared by every sync. */
export const patchSchemas = new PatchSchemaStore();
