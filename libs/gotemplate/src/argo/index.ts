// The functions Argo CD adds to Sprig in ApplicationSet Go templates (applicationset/utils).
import { printedSize } from '../exec/limits';
import { goFunc, type GoFunc } from '../exec/types';
import { normalize, slugify } from './names';
import { fromYaml, fromYamlArray, toYaml } from './yaml';

export { normalize, slugify } from './names';
export { fromYaml, fromYamlArray, toYaml } from './yaml';

/** normalize, slugify, toYaml, fromYaml, fromYamlArray with Argo's Go signatures. */
export const ARGO_FUNCS: Readonly<Record<string, GoFunc>> = {
  normalize: goFunc(normalize, ['string']),
  slugify: goFunc(slugify, [], 'interface {}'),
  // Sized first, like Sprig's toJson: a list holding one big string many times must not be serialized.
  toYaml: goFunc(toYaml, ['interface {}'], undefined, { kind: 'bytes', size: ([v], cap) => printedSize(v, cap) }),
  fromYaml: goFunc(fromYaml, ['string']),
  fromYamlArray: goFunc(fromYamlArray, ['string']),
};
