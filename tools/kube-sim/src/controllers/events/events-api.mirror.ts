import { canonicalJson } from '../../cluster/object-meta';
import { resourceKey } from '../../registry/resource-type';
import { KubeObject } from '../../store/kube-object';
import { StoreEvent } from '../../store/object.store';
import { ControllerContext, ObjectKey, Reconciler } from '../controller-runtime';
import { toCoreV1, toEventsV1 } from './event-versions';

const CORE = resourceKey({ group: '', plural: 'events' });
const EVENTS_API = resourceKey({ group: 'events.k8s.io', plural: 'events' });

/**
 * Serves each Event through both APIs. kube-sim stores the groups apart, so this keeps the
 * events.k8s.io copy equal to the core one (same name, uid and fields, converted) and the
 * other way round: whichever side was written last is the source.
 */
export class EventsApiMirror implements Reconciler {
  readonly name = 'events-api-mirror';
  readonly primary = { group: '', plural: 'events' };
  private readonly lastWritten = new Map<string, string>();
  private writing = false;

  mapEvent(e: StoreEvent, ctx: ControllerContext): ObjectKey[] {
    if (this.writing || (e.resource !== CORE && e.resource !== EVENTS_API) || !ctx.registry.preferredVersion('events.k8s.io')) return [];
    const key = { namespace: e.object.namespace, name: e.object.name };
    this.lastWritten.set(`${key.namespace}/${key.name}`, e.resource);
    return e.resource === EVENTS_API ? [key] : [];
  }

  reconcile(key: ObjectKey, ctx: ControllerContext): void {
    if (!ctx.registry.preferredVersion('events.k8s.io')) return;
    const id = `${key.namespace}/${key.name}`;
    const source = this.lastWritten.get(id) ?? CORE;
    this.lastWritten.delete(id);
    const target = source === CORE ? EVENTS_API : CORE;
    const from = ctx.store.getObject(source, key.namespace, key.name);
    const to = ctx.store.getObject(target, key.namespace, key.name);
    this.writing = true;
    try {
      if (!from) {
        if (to) ctx.store.remove(target, key.namespace, key.name);
        return;
      }
      const converted = source === CORE ? toEventsV1(from) : toCoreV1(from);
      if (to && same(converted, to)) return;
      ctx.store.put(target, converted);
    } finally {
      this.writing = false;
    }
  }
}

function same(a: KubeObject, b: KubeObject): boolean {
  const strip = (o: KubeObject): KubeObject => ({ ...o, metadata: { ...o.metadata, resourceVersion: undefined } });
  return canonicalJson(strip(a)) === canonicalJson(strip(b));
}
