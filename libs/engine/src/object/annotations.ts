// Reading Argo's comma-separated annotation options (sync-options, compare-options, hook lists).
import type { KubeObject } from '@flotilla/api-types';

export const annotationOf = (obj: KubeObject | undefined, key: string): string | undefined => obj?.metadata?.annotations?.[key];

/** `a, b ,c` → ['a','b','c']; empty entries dropped. */
export function annotationCsv(obj: KubeObject | undefined, key: string): string[] {
  const text = annotationOf(obj, key);
  if (!text) return [];
  return text
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
}

/** True when the CSV annotation holds `option` (e.g. `Prune=false`), as Argo's HasAnnotationOption. */
export const hasAnnotationOption = (obj: KubeObject | undefined, key: string, option: string): boolean =>
  annotationCsv(obj, key).includes(option);
