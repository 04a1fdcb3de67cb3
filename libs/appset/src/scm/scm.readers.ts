// What host clients may read from the ApplicationSet's namespace: Secret keys (tokens, passwords, App
// keys) and ConfigMap keys (CA bundles of `caRef`).
import type { GeneratorContext } from '../generators/generator.types';
import { configMapKeyReader, secretKeyReader } from './scm.credentials';
import type { SecretKeyReader } from './scm.types';

export interface ScmReaders {
  secret: SecretKeyReader;
  configMap: (ref: { configMapName: string; key: string }) => Promise<string>;
}

/** `strict`: tokenRef strict mode, every Secret read must be labelled secret-type=scm-creds. */
export const scmReaders = (ctx: GeneratorContext, strict = false): ScmReaders => ({
  secret: secretKeyReader(ctx, strict),
  configMap: configMapKeyReader(ctx),
});
