/** The bounds every render runs within, from repo-server's configuration. */
export interface RenderLimits {
  /** A tool (helm, kustomize) is killed, with its process group, after this long. */
  execTimeoutMs: number;
  /** Combined size of one render's manifests (tool output or directory files). */
  maxManifestBytes: number;
  /** Any single file in a checkout. */
  maxFileBytes: number;
  /** YAML aliases one document may expand; more is an alias bomb. */
  maxAliasCount: number;
  /** Address space of one tool run (helm, kustomize, the Jsonnet evaluator); 0 for no cap. */
  maxToolMemoryBytes: number;
}

export const DEFAULT_RENDER_LIMITS: RenderLimits = {
  execTimeoutMs: 90_000,
  maxManifestBytes: 64 * 1024 * 1024,
  maxFileBytes: 16 * 1024 * 1024,
  maxAliasCount: 100,
  maxToolMemoryBytes: 4 * 1024 * 1024 * 1024,
};

/** A render refused for safety or size; the message names the offending file. */
export class RenderSafetyError extends Error {}
