import { hubKubeEnv, loadConfig, namespaceEnv, platformEnv, port } from '@flotilla/platform';
import { z } from 'zod';

export const notifierEnv = z.object({
  ...platformEnv,
  ...namespaceEnv,
  ...hubKubeEnv,
  ...port('FLOTILLA_OPS_PORT', 9001),
});

export type NotifierConfig = z.output<typeof notifierEnv>;

/** The notifier's environment, validated once at start-up; a bad value names the variable. */
export function loadNotifierConfig(env: NodeJS.ProcessEnv = process.env): NotifierConfig {
  return loadConfig(notifierEnv, env);
}
