import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Observation } from './observation.harness';

/** What the real server answered, per case, committed so CI holds kube-sim to it without a cluster. */
export interface Recording {
  /** The real server's gitVersion when recorded, e.g. v1.20.2. */
  server: string;
  observations: Record<string, Observation>;
}

export class RecordedObservationsStore {
  constructor(readonly path: string) {}

  load(): Recording {
    if (!existsSync(this.path)) return { server: '', observations: {} };
    return JSON.parse(readFileSync(this.path, 'utf8')) as Recording;
  }

  /** Only the named cases, sorted by name and pretty-printed, so a re-recording shows as a readable diff. */
  save(recording: Recording, caseNames: string[]): void {
    const observations = Object.fromEntries(
      Object.entries(recording.observations)
        .filter(([name]) => caseNames.includes(name))
        .sort(([a], [b]) => a.localeCompare(b)),
    );
    writeFileSync(this.path, `${JSON.stringify({ server: recording.server, observations }, null, 2)}\n`);
  }
}
