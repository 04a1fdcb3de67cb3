// The ApplicationSet's namespace as plain data, for specs of generators that read it: Secrets (data and
// labels) and ConfigMaps by name, looked up when read so a spec may change them between cases.
import type { GeneratorHub } from '../generators/generator.types';

type Data = Record<string, string>;

/**
 * @param secrets each Secret's decoded data by name
 * @param labels each Secret's labels by name (none when absent)
 * @param configMaps each ConfigMap's data by name
 */
export function fakeGeneratorHub(
  secrets: () => Record<string, Data>,
  labels: () => Record<string, Data> = () => ({}),
  configMaps: () => Record<string, Data> = () => ({}),
): GeneratorHub {
  const data = (name: string): Data | undefined => (Object.hasOwn(secrets(), name) ? secrets()[name] : undefined);
  return {
    namespace: 'argocd',
    secretData: (name) => Promise.resolve(data(name)),
    secret: (name) => {
      const found = data(name);
      return Promise.resolve(found && { data: found, labels: labels()[name] ?? {} });
    },
    configMapData: (name) => Promise.resolve(Object.hasOwn(configMaps(), name) ? configMaps()[name] : undefined),
    list: () => Promise.resolve([]),
  };
}
