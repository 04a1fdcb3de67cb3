import { StatusCause } from '../api/status-error';
import { KubeObject } from '../store/kube-object';
import { AdmissionContext, KindAdmission } from './admission';
import { builtinAdmission } from './builtin-admission';

/** A fixed clock and counting allocators, as a fresh cluster would hand out. */
export function fakeContext(): AdmissionContext & { ips: number; ports: number } {
  const ctx = {
    now: new Date('2026-01-01T00:00:00Z'),
    ips: 0,
    ports: 0,
    allocateClusterIP: () => `10.96.0.${++ctx.ips + 10}`,
    allocateNodePort: () => 30000 + ++ctx.ports,
  };
  return ctx;
}

const table = builtinAdmission();

/** Runs one kind's defaults then validation, as resource-api's admit() does. */
export function admit(key: string, obj: KubeObject, old?: KubeObject, ctx: AdmissionContext = fakeContext()): StatusCause[] {
  const kind: KindAdmission | undefined = table[key];
  if (!kind) throw new Error(`no admission for ${key}`);
  kind.defaults?.(obj, ctx, old);
  return kind.validate?.(obj, old) ?? [];
}

/** `field: message`, the way kubectl prints each cause. */
export const messages = (causes: StatusCause[]): string[] => causes.map((c) => (c.field ? `${c.field}: ${c.message}` : (c.message ?? '')));
