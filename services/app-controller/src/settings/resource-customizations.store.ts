// argocd-cm's resource customizations (Lua health checks, ignoreDifferences), watched on the hub so
// each comparison uses the current ones without reading the hub. A change compares every app again,
// as health and sync status may follow it; keys with problems are logged with the key's name. A script
// library (FLOTILLA_RESOURCE_CUSTOMIZATIONS_DIR, read once at start) stands behind argocd-cm's keys.
import { ARGOCD_CM, type KubeObject } from '@flotilla/api-types';
import {
  CUSTOMIZATIONS_KEY,
  EMPTY_LIBRARY,
  NO_CUSTOMIZATIONS,
  parseResourceCustomizations,
  READY_CONDITION_KINDS_KEY,
  withLibrary,
  type CustomizationsLibrary,
  type ResourceCustomizations,
} from '@flotilla/engine';
import { Informer, type KubeClient } from '@flotilla/platform';
import type { Logger } from 'pino';

type ConfigMapObject = KubeObject & { data?: Record<string, string> };

const isCustomizationKey = (key: string): boolean =>
  key === CUSTOMIZATIONS_KEY || key.startsWith(`${CUSTOMIZATIONS_KEY}.`) || key === READY_CONDITION_KINDS_KEY;

export class ResourceCustomizationsStore {
  private readonly configMaps: Informer<ConfigMapObject>;
  private parsed: ResourceCustomizations;
  /** The customization keys last parsed, so unrelated argocd-cm edits change nothing. */
  private parsedFrom = '[]';

  /** onChanged is called when the customizations change after the first list. */
  constructor(
    hub: KubeClient,
    private readonly namespace: string,
    private readonly logger: Logger,
    private readonly onChanged: () => void,
    private readonly library: CustomizationsLibrary = EMPTY_LIBRARY,
  ) {
    this.parsed = withLibrary(NO_CUSTOMIZATIONS, library);
    this.configMaps = new Informer<ConfigMapObject>(hub, {
      apiVersion: 'v1',
      kind: 'ConfigMap',
      namespace,
      fieldSelector: `metadata.name=${ARGOCD_CM}`,
    });
    this.configMaps.on('add', () => this.reload());
    this.configMaps.on('update', () => this.reload());
    this.configMaps.on('delete', () => this.reload());
  }

  start(): Promise<void> {
    return this.configMaps.start();
  }

  stop(): Promise<void> {
    return this.configMaps.stop();
  }

  get synced(): boolean {
    return this.configMaps.synced;
  }

  /** The customizations in argocd-cm now (none while it does not exist). */
  customizations(): ResourceCustomizations {
    return this.parsed;
  }

  private reload(): void {
    const data = this.configMaps.get(ARGOCD_CM, this.namespace)?.data ?? {};
    const keys = Object.entries(data)
      .filter(([k]) => isCustomizationKey(k))
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    const from = JSON.stringify(keys);
    if (from === this.parsedFrom) return;
    this.parsedFrom = from;
    const { customizations, warnings } = parseResourceCustomizations(Object.fromEntries(keys));
    for (const w of warnings) this.logger.warn(`${ARGOCD_CM} in ${this.namespace}: ${w}`);
    this.parsed = withLibrary(customizations, this.library);
    this.logger.info(
      `${ARGOCD_CM}: ${Object.keys(customizations.health).length} Lua health checks, ${Object.keys(customizations.ignoreDifferences).length} ignoreDifferences customizations, ${customizations.readyConditionKinds?.length ?? 0} Ready condition kind patterns`,
    );
    if (this.configMaps.synced) this.onChanged();
  }
}
