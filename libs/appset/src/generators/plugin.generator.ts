// `plugin`: parameter sets answered by an HTTP plugin, which a ConfigMap in the ApplicationSet's
// namespace names (`baseUrl`, `token` as `$key` of argocd-secret or `$secret:key`, `requestTimeout`).
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Plugin/
import { callPlugin } from './plugin.client';
import {
  Generator,
  GeneratorContext,
  GeneratorEntry,
  GeneratorError,
  GeneratorHub,
  Params,
  PluginGeneratorSpec,
  useGoTemplate,
} from './generator.types';
import { stringifiedFlat } from './git.params';

export interface PluginGeneratorOptions {
  /** When the ConfigMap sets no `requestTimeout` (Argo: 30 s). */
  defaultTimeoutMs?: number;
  /** The largest answer read from a plugin. */
  maxAnswerBytes?: number;
}

/** The Secret a bare `$key` token reference reads, as in Argo. */
const ARGOCD_SECRET = 'argocd-secret';
/** The label any other token Secret must carry, with this value. */
const PART_OF_LABEL = 'app.kubernetes.io/part-of';
const PART_OF_ARGOCD = 'argocd';
const DEFAULTS = { defaultTimeoutMs: 30_000, maxAnswerBytes: 10 * 1024 * 1024 };

export class PluginGenerator implements Generator {
  readonly key = 'plugin';
  private readonly opts: Required<PluginGeneratorOptions>;

  constructor(opts: PluginGeneratorOptions = {}) {
    this.opts = { ...DEFAULTS, ...opts };
  }

  async generateParams(entry: GeneratorEntry, ctx: GeneratorContext): Promise<Params[]> {
    const spec = entry.plugin;
    if (!spec) throw new GeneratorError('ApplicationSet is empty');
    if (!ctx.hub)
      throw new GeneratorError('the plugin generator needs the ApplicationSet’s namespace to read its ConfigMap, and has none here');
    let config: PluginConfig;
    try {
      config = await pluginConfig(spec, ctx.hub, this.opts.defaultTimeoutMs);
    } catch (err) {
      throw new GeneratorError(`error getting plugin from generator: ${(err as Error).message}`);
    }
    let objects: Params[];
    try {
      objects = await callPlugin({
        ...config,
        appSetName: ctx.appSet.metadata.name,
        parameters: spec.input?.parameters,
        maxAnswerBytes: this.opts.maxAnswerBytes,
      });
    } catch (err) {
      throw new GeneratorError(`error listing params: error get api '${ctx.appSet.metadata.name}': ${(err as Error).message}`);
    }
    const goTemplate = useGoTemplate(ctx.appSet);
    return objects.map((object) => {
      const params: Params = goTemplate ? { ...object } : stringifiedFlat(object);
      // Reserved: the generator's own input wins over whatever the plugin answered under this key.
      params.generator = { input: { parameters: spec.input?.parameters ?? {} } };
      return withValues(params, spec.values, ctx, goTemplate);
    });
  }

  template(entry: GeneratorEntry) {
    return entry.plugin?.template;
  }
}

interface PluginConfig {
  baseUrl: string;
  token: string;
  timeoutMs: number;
}

async function pluginConfig(spec: PluginGeneratorSpec, hub: GeneratorHub, defaultTimeoutMs: number): Promise<PluginConfig> {
  const name = spec.configMapRef?.name;
  if (!name) throw new Error('error fetching ConfigMap: configMapRef.name is required');
  const data = await hub.configMapData(name).catch((err: Error) => {
    throw new Error(`error fetching ConfigMap: ${err.message}`);
  });
  if (!data) throw new Error(`error fetching ConfigMap: configmaps "${name}" not found in namespace ${hub.namespace}`);
  if (!data.baseUrl) throw new Error(`baseUrl not found in ConfigMap ${name}`);
  if (!data.token) throw new Error(`token not found in ConfigMap ${name}`);
  let timeoutMs = defaultTimeoutMs;
  if (data.requestTimeout !== undefined) {
    if (!/^\s*\d+\s*$/.test(data.requestTimeout))
      throw new Error(
        `error set requestTimeout: ${JSON.stringify(data.requestTimeout)} in ConfigMap ${name} is not a whole number of seconds`,
      );
    // 0 means "not set", as in Argo.
    if (Number(data.requestTimeout) > 0) timeoutMs = Number(data.requestTimeout) * 1000;
  }
  return { baseUrl: data.baseUrl, token: await secretToken(data.token, hub), timeoutMs };
}

/** `$key` reads argocd-secret, `$name:key` the Secret `name`; the value itself never goes into a message. */
async function secretToken(ref: string, hub: GeneratorHub): Promise<string> {
  // The ConfigMap may hold a literal token by mistake: say what is wrong without repeating it.
  if (!ref.startsWith('$')) throw new Error("error fetching Secret token: token does not reference a secret key starting with '$'");
  const colon = ref.indexOf(':');
  const [secretName, key] = colon >= 0 ? [ref.slice(1, colon), ref.slice(colon + 1)] : [ARGOCD_SECRET, ref.slice(1)];
  const secret = await hub.secret(secretName).catch((err: Error) => {
    throw new Error(`error fetching Secret token: error fetching secret ${hub.namespace}/${secretName}: ${err.message}`);
  });
  if (!secret) throw new Error(`error fetching Secret token: secret ${hub.namespace}/${secretName} not found`);
  // As Argo reads `$secret:key` references in its settings: a Secret other than argocd-secret must be
  // labelled as Argo CD's, so an ApplicationSet cannot have any Secret of the namespace sent to a plugin.
  if (secretName !== ARGOCD_SECRET && secret.labels[PART_OF_LABEL] !== PART_OF_ARGOCD)
    throw new Error(
      `error fetching Secret token: secret ${hub.namespace}/${secretName} must have label "${PART_OF_LABEL}"="${PART_OF_ARGOCD}" to be used as a plugin token`,
    );
  const token = secret.data[key]?.trim();
  if (!token)
    throw new Error(
      `error fetching Secret token: secret ${hub.namespace}/${secretName} has no key ${JSON.stringify(key)} (or its value is empty)`,
    );
  return token;
}

/** `values` rendered against the set's own parameters, as `values.<key>` (or `.values.<key>`). */
function withValues(params: Params, values: Record<string, string> | undefined, ctx: GeneratorContext, goTemplate: boolean): Params {
  if (!values || Object.keys(values).length === 0) return params;
  const rendered: Record<string, string> = {};
  for (const [key, text] of Object.entries(values)) {
    try {
      rendered[key] = ctx.renderString(text, params);
    } catch (err) {
      throw new GeneratorError(`error generating params: failed to replace templated string: ${(err as Error).message}`);
    }
  }
  if (goTemplate) return { ...params, values: rendered };
  const flat: Params = { ...params };
  for (const [key, value] of Object.entries(rendered)) flat[`values.${key}`] = value;
  return flat;
}
