// The generators Flotilla runs, wired as Argo wires them: terminal generators everywhere, matrix at the
// top level and one level down inside another matrix.
import { ClustersGenerator } from './clusters.generator';
import type { GeneratorRegistry } from './generator-entry.transform';
import type { Generator, GeneratorKey } from './generator.types';
import { ListGenerator } from './list.generator';
import { MatrixGenerator } from './matrix.generator';

export function generatorRegistry(): GeneratorRegistry {
  const terminal = new Map<GeneratorKey, Generator>([
    ['list', new ListGenerator()],
    ['clusters', new ClustersGenerator()],
  ]);
  const nested = new Map<GeneratorKey, Generator>([...terminal, ['matrix', new MatrixGenerator(terminal)]]);
  return new Map<GeneratorKey, Generator>([...terminal, ['matrix', new MatrixGenerator(nested)]]);
}
