// Turns an ApplicationSet into the Applications it asks for: every generator entry's parameter sets
// rendered through its (merged) template, as Argo's GenerateApplications and RenderTemplateParams do.
import {
  ARGO_API_VERSION,
  Application,
  ApplicationSet,
  ApplicationSetTemplate,
  KubeObject,
  Repository,
  RESOURCES_FINALIZER,
} from '@flotilla/api-types';
import type { ExecLimits } from '@flotilla/gotemplate';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { parse } from 'yaml';
import { entryKeys, GeneratorRegistry, transformEntry } from '../generators/generator-entry.transform';
import type { GeneratorContext, Params } from '../generators/generator.types';
import { isPlainObject } from '../json/json-value';
import { applyMergePatch } from '../json/merge-patch';
import { perStringRenderer, stringRenderer, StringRenderer } from './string.renderer';
import { echo } from './template.error';
import { renderTree } from './tree.renderer';

export const ApplicationSetReason = {
  ParamsGenerationError: 'ApplicationGenerationFromParamsError',
  RenderTemplateParamsError: 'RenderTemplateParamsError',
} as const;

export type GenerationResult =
  | { ok: true; applications: Application[] }
  | {
      ok: false;
      reason: (typeof ApplicationSetReason)[keyof typeof ApplicationSetReason];
      message: string;
      /** The `spec.generators[]` entry that failed: its index and the generator key(s) it names. */
      generator: { index: number; keys: string[] };
    };

/** With no repository Secrets every repoURL is read as itself, without credentials, as Argo does. */
const bareRepository = (url: string): Promise<Repository> => Promise.resolve({ repo: url });

/**
 * `templateLimits` bound goTemplate rendering: each generated Application (template and templatePatch)
 * gets one budget of them, and each string a generator renders gets its own. `maxApplications`, when
 * given, bounds how many Applications (and matrix parameter sets) the ApplicationSet may yield. `hub`
 * gives generators that read Secrets, ConfigMaps or duck-typed resources their namespace.
 */
export async function generateApplications(
  appSet: ApplicationSet,
  registry: GeneratorRegistry,
  clusterSecrets: readonly KubeObject[],
  repository: GeneratorContext['repository'] = bareRepository,
  templateLimits?: ExecLimits,
  maxApplications?: number,
  hub?: GeneratorContext['hub'],
): Promise<GenerationResult> {
  const ctx: GeneratorContext = {
    appSet,
    clusterSecrets,
    renderString: perStringRenderer(appSet.spec, templateLimits),
    repository,
    templateLimits,
    maxParams: maxApplications,
    hub,
  };
  const applications: Application[] = [];
  for (const [index, entry] of (appSet.spec.generators ?? []).entries()) {
    const generator = { index, keys: entryKeys(entry) };
    let results;
    try {
      results = await transformEntry(entry, registry, appSet.spec.template, ctx);
    } catch (err) {
      return { ok: false, reason: ApplicationSetReason.ParamsGenerationError, message: echo((err as Error).message), generator };
    }
    for (const { params, template } of results) {
      if (maxApplications !== undefined && applications.length + params.length > maxApplications) {
        const message = `the ApplicationSet would generate more than ${maxApplications} Applications`;
        return { ok: false, reason: ApplicationSetReason.ParamsGenerationError, message, generator };
      }
      for (const p of params) {
        try {
          applications.push(renderApplication(appSet, template, p, stringRenderer(appSet.spec, templateLimits)));
        } catch (err) {
          return { ok: false, reason: ApplicationSetReason.RenderTemplateParamsError, message: echo((err as Error).message), generator };
        }
        // Each Application may take up to its time limit: let other ApplicationSets, watches and the lease run in between.
        if (appSet.spec.goTemplate === true) await yieldToEventLoop();
      }
    }
  }
  return { ok: true, applications };
}

export function renderApplication(
  appSet: ApplicationSet,
  template: ApplicationSetTemplate,
  params: Params,
  render: StringRenderer,
): Application {
  const { name, namespace, labels, annotations, finalizers } = template.metadata ?? {};
  let app = {
    apiVersion: ARGO_API_VERSION,
    kind: 'Application',
    metadata: { name, namespace, labels, annotations, finalizers },
    spec: template.spec,
  } as Application;
  // Argo hands the template back untouched (no default finalizer either) for an empty parameter set.
  if (Object.keys(params).length > 0) {
    app = renderTree(app, params, render);
    if (!appSet.spec.syncPolicy?.preserveResourcesOnDeletion && (app.metadata.finalizers ?? []).length === 0) {
      app.metadata.finalizers = [RESOURCES_FINALIZER];
    }
  }
  if (appSet.spec.templatePatch) app = applyTemplatePatch(app, render(appSet.spec.templatePatch, params));
  // Generated Applications live beside their ApplicationSet, whatever the template says.
  app.metadata = { ...app.metadata, name: app.metadata.name ?? '', namespace: appSet.metadata.namespace };
  return app;
}

/** templatePatch is YAML or JSON merged over the rendered Application; it may not change the project. */
function applyTemplatePatch(app: Application, patchText: string): Application {
  let patch: unknown;
  try {
    patch = parse(patchText);
  } catch (err) {
    throw new Error(`error while converting template to json ${echo(JSON.stringify(patchText))}: ${echo((err as Error).message)}`);
  }
  if (patch === null || patch === undefined) return app;
  if (!isPlainObject(patch)) throw new Error(`invalid templatePatch ${echo(JSON.stringify(patchText))}: it must be a map`);
  const patched = applyMergePatch(app, patch) as Application;
  patched.spec = { ...patched.spec, project: app.spec.project };
  return patched;
}
