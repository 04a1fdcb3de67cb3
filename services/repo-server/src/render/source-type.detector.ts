import type { ApplicationSource } from '@flotilla/api-types';
import { ManifestError } from './directory.renderer';

export type SourceType = 'Helm' | 'Kustomize' | 'Directory' | 'Plugin';

export const KUSTOMIZATION_FILES = ['kustomization.yaml', 'kustomization.yml', 'Kustomization'];

const isSet = (v: unknown): boolean => v !== undefined && v !== null && !(typeof v === 'object' && Object.keys(v).length === 0);

/**
 * Argo's ExplicitType: the one of `helm`, `kustomize`, `directory`, `plugin` a source sets
 * (empty sections count as unset); two at once is an error naming both.
 */
export function explicitSourceType(source: ApplicationSource): SourceType | undefined {
  const set: SourceType[] = [];
  if (isSet(source.kustomize)) set.push('Kustomize');
  if (isSet(source.helm)) set.push('Helm');
  if (isSet(source.directory)) set.push('Directory');
  if (isSet(source.plugin)) set.push('Plugin');
  if (set.length > 1) throw new ManifestError(`multiple application sources defined: ${set.join(',')}`);
  return set[0];
}

/**
 * The type of a source, decided as Argo CD does: a chart from a Helm repository is Helm; an
 * explicit section wins; otherwise the files directly in the path: Argo walks them in name order
 * and the last match wins, so a kustomization beats a Chart.yaml; anything else is a Directory.
 * `filesInPath` are the names directly in the source path.
 */
export function detectSourceType(source: ApplicationSource, filesInPath: Iterable<string>): SourceType {
  if (source.chart) return 'Helm';
  const explicit = explicitSourceType(source);
  if (explicit) return explicit;
  const names = new Set(filesInPath);
  if (KUSTOMIZATION_FILES.some((k) => names.has(k))) return 'Kustomize';
  if ([...names].some((n) => n.endsWith('Chart.yaml'))) return 'Helm';
  return 'Directory';
}
