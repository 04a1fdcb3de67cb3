import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Flotilla's catalog of the triggers and templates every Argo CD installation has, one file each. */
export const NOTIFICATIONS_CATALOG_DIR = join(__dirname, '../../../notifications-catalog');

export interface NotificationsCatalog {
  /** Trigger name → the value of its `trigger.<name>` key (a YAML list of conditions). */
  readonly triggers: Readonly<Record<string, string>>;
  /** Template name → the value of its `template.<name>` key. */
  readonly templates: Readonly<Record<string, string>>;
}

function readKind(dir: string): Record<string, string> {
  const entries = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => [f.slice(0, -'.yaml'.length), readFileSync(join(dir, f), 'utf8')] as const);
  return Object.fromEntries(entries);
}

/** Reads the catalog from its folder (triggers/*.yaml, templates/*.yaml). */
export function notificationsCatalog(dir = NOTIFICATIONS_CATALOG_DIR): NotificationsCatalog {
  return { triggers: readKind(join(dir, 'triggers')), templates: readKind(join(dir, 'templates')) };
}

/** The catalog as argocd-notifications-cm keys: `trigger.<name>` and `template.<name>`. */
export function notificationsCatalogData(catalog: NotificationsCatalog = notificationsCatalog()): Record<string, string> {
  return {
    ...Object.fromEntries(Object.entries(catalog.templates).map(([name, text]) => [`template.${name}`, text])),
    ...Object.fromEntries(Object.entries(catalog.triggers).map(([name, text]) => [`trigger.${name}`, text])),
  };
}
