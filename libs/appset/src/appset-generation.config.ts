// The settings that shape what an ApplicationSet generates, read under the same names wherever one is
// rendered (the appset-controller and the api-server's Generate, as Argo's server and controller both
// read ARGOCD_APPLICATIONSET_CONTROLLER_ENABLE_NEW_GIT_FILE_GLOBBING), so a preview matches the controller.
import type { ExecLimits } from '@flotilla/gotemplate';
import { z } from 'zod';
import type { GitGeneratorOptions } from './generators/git.generator';
import type { ScmSafetyOptions } from './scm/scm.safety';
import { TEMPLATE_MAX_LIST_LENGTH, TEMPLATE_MAX_OUTPUT_BYTES, TEMPLATE_MAX_STEPS, TEMPLATE_TIMEOUT_MS, templateLimits } from './template/template.limits';

const bool = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .default(fallback)
    .transform((v) => v === 'true');

const count = (unit: string) => z.coerce.number({ error: `must be a number of ${unit}` }).int(`must be a whole number of ${unit}`).min(1);

/** Zod fields for a service's environment schema. */
export const appSetGenerationEnv = {
  /** Argo's --enable-new-git-file-globbing: `**` in a git files generator path crosses directories. */
  FLOTILLA_APPSET_NEW_GIT_FILE_GLOBBING: bool('false'),
  /** Argo's --enable-scm-providers: false makes every pullRequest and scmProvider generator fail before reading a Secret. */
  FLOTILLA_APPSET_ENABLE_SCM_PROVIDERS: bool('true'),
  /** Argo's --allowed-scm-providers: comma-separated `api` URLs those generators may call; empty allows any. */
  FLOTILLA_APPSET_ALLOWED_SCM_PROVIDERS: z
    .string()
    .default('')
    .transform((v) =>
      v
        .split(',')
        .map((url) => url.trim())
        .filter((url) => url !== ''),
    ),
  /** Argo's tokenRef strict mode: Secrets those generators read must be labelled argocd.argoproj.io/secret-type=scm-creds. */
  FLOTILLA_APPSET_TOKENREF_STRICT_MODE: bool('false'),
  // goTemplate limits, per generated Application (its template strings and templatePatch together).
  FLOTILLA_APPSET_TEMPLATE_TIMEOUT_MS: count('milliseconds').default(TEMPLATE_TIMEOUT_MS),
  FLOTILLA_APPSET_TEMPLATE_MAX_OUTPUT_BYTES: count('bytes').default(TEMPLATE_MAX_OUTPUT_BYTES),
  FLOTILLA_APPSET_TEMPLATE_MAX_STEPS: count('steps').default(TEMPLATE_MAX_STEPS),
  FLOTILLA_APPSET_TEMPLATE_MAX_LIST_LENGTH: count('elements').default(TEMPLATE_MAX_LIST_LENGTH),
};

type ParsedGenerationEnv = z.output<z.ZodObject<typeof appSetGenerationEnv>>;

export interface AppSetGenerationSettings extends GitGeneratorOptions {
  readonly templateLimits: ExecLimits;
  /** What the pullRequest and scmProvider generators may do with the namespace's Secrets. */
  readonly scm: Required<ScmSafetyOptions>;
}

export function appSetGenerationSettings(env: ParsedGenerationEnv): AppSetGenerationSettings {
  return {
    newGitFileGlobbing: env.FLOTILLA_APPSET_NEW_GIT_FILE_GLOBBING,
    scm: {
      enableScmProviders: env.FLOTILLA_APPSET_ENABLE_SCM_PROVIDERS,
      allowedScmProviders: env.FLOTILLA_APPSET_ALLOWED_SCM_PROVIDERS,
      tokenRefStrictMode: env.FLOTILLA_APPSET_TOKENREF_STRICT_MODE,
    },
    templateLimits: templateLimits(
      env.FLOTILLA_APPSET_TEMPLATE_TIMEOUT_MS,
      env.FLOTILLA_APPSET_TEMPLATE_MAX_OUTPUT_BYTES,
      env.FLOTILLA_APPSET_TEMPLATE_MAX_STEPS,
      env.FLOTILLA_APPSET_TEMPLATE_MAX_LIST_LENGTH,
    ),
  };
}
