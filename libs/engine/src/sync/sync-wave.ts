// argocd.argoproj.io/sync-wave, falling back to helm.sh/hook-weight, default 0.
import { SYNC_WAVE_ANNOTATION, type KubeObject } from '@flotilla/api-types';
import { annotationOf } from '../object/annotations';
import { HELM_HOOK_WEIGHT_ANNOTATION } from './hook';

const parseWave = (text: string | undefined): number | undefined =>
  text !== undefined && /^\s*[+-]?\d+\s*$/.test(text) ? Number(text) : undefined;

export const syncWaveOf = (obj: KubeObject): number =>
  parseWave(annotationOf(obj, SYNC_WAVE_ANNOTATION)) ?? parseWave(annotationOf(obj, HELM_HOOK_WEIGHT_ANNOTATION)) ?? 0;
