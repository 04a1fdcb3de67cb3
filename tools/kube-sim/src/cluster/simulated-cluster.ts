import { AdmissionTable } from '../admission/admission';
import { ControllerContext, ControllerRuntime, DEFAULT_TIMING, Reconciler, WorkloadTiming } from '../controllers/controller-runtime';
import { CrdReconciler, CrdSchemaSink } from '../controllers/crd.reconciler';
import { GarbageCollector } from '../controllers/garbage-collector';
import { NamespaceDefaultsReconciler } from '../controllers/namespace-defaults.reconciler';
import { NamespaceReconciler, SYSTEM_NAMESPACES } from '../controllers/namespace.reconciler';
import { KubeVersion } from '../registry/kube-versions';
import { ResourceRegistry } from '../registry/resource.registry';
import { ResourceType } from '../registry/resource-type';
import { SchemaSource } from '../schema/schema-node';
import { KubeObject } from '../store/kube-object';
import { ObjectStore } from '../store/object.store';
import { FieldTracking } from './field-tracking';
import { IpAllocator } from './ip-allocator';
import { ResourceApi } from './resource-api';
import { SchemaChecks } from './schema-checks';

export interface SimulatedClusterOptions {
  name: string;
  admission: AdmissionTable;
  fields: FieldTracking;
  schemas: SchemaSource;
  crdSchemas: CrdSchemaSink;
  caPem: string;
  timing?: Partial<WorkloadTiming>;
  /** Controllers beyond the core ones (workloads, tokens). */
  reconcilers?: Reconciler[];
  now?: () => Date;
  log?: (message: string) => void;
  /** The minor this cluster behaves as (1.32 when absent). */
  kubeVersion?: KubeVersion;
}

/**
 * One cluster's API machinery without transport: registry, storage, verbs and the
 * controllers that make objects behave. kube-sim puts an HTTP server in front of it.
 */
export class SimulatedCluster {
  readonly registry: ResourceRegistry;
  readonly store = new ObjectStore();
  readonly api: ResourceApi;
  readonly crds: CrdReconciler;
  readonly ctx: ControllerContext;
  private readonly ips = new IpAllocator();
  private readonly runtime: ControllerRuntime;
  private readonly gc: GarbageCollector;

  constructor(readonly options: SimulatedClusterOptions) {
    this.registry = new ResourceRegistry(options.kubeVersion);
    const now = options.now ?? (() => new Date());
    this.api = new ResourceApi({
      store: this.store,
      admission: options.admission,
      admissionContext: () => ({ now: now(), allocateClusterIP: () => this.ips.clusterIP(), allocateNodePort: () => this.ips.nodePort(), kubeMinor: this.registry.kubeVersion.minor }),
      fields: options.fields,
      schema: new SchemaChecks(options.schemas, this.registry.kubeVersion),
      now,
    });
    this.crds = new CrdReconciler(options.crdSchemas);
    this.ctx = {
      api: this.api,
      store: this.store,
      registry: this.registry,
      now,
      timing: { ...DEFAULT_TIMING, ...options.timing },
      typeOf: (apiVersion, kind) => this.registry.byKind(apiVersion, kind),
      resource: (group, plural) => this.resource(group, plural),
      log: options.log ?? (() => undefined),
    };
    const core: Reconciler[] = [this.crds, new NamespaceReconciler(), new NamespaceDefaultsReconciler(options.caPem)];
    this.runtime = new ControllerRuntime(this.ctx, [...core, ...(options.reconcilers ?? [])]);
    this.gc = new GarbageCollector(this.ctx);
  }

  /** Creates what a fresh cluster has (unless restored from disk) and starts the controllers. */
  start(bootstrap: KubeObject[] = []): void {
    const ns = this.resource('', 'namespaces');
    for (const name of SYSTEM_NAMESPACES) this.ensure(ns, { apiVersion: 'v1', kind: 'Namespace', metadata: { name } });
    this.ensure(this.resource('', 'services'), {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
      spec: { clusterIP: IpAllocator.KUBERNETES_SERVICE_IP, ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }], type: 'ClusterIP' },
    });
    for (const obj of bootstrap) {
      const t = this.registry.byKind(obj.apiVersion!, obj.kind!);
      if (t) this.ensure(t, obj);
    }
    this.runtime.start();
    this.gc.start();
  }

  stop(): void {
    this.runtime.stop();
    this.gc.stop();
  }

  resource(group: string, plural: string): ResourceType {
    const version = this.registry.preferredVersion(group);
    // An older minor may serve a kind only below its group's preferred version (1.20: batch/v1beta1 CronJob).
    const t = (version ? this.registry.lookup(group, version, plural) : undefined) ?? this.registry.servingVersions(group, plural)[0];
    if (!t) throw new Error(`kube-sim: no resource ${plural}${group ? '.' + group : ''} is served`);
    return t;
  }

  private ensure(t: ResourceType, obj: KubeObject): void {
    const ns = obj.metadata.namespace ?? '';
    if (this.api.find(t, ns, obj.metadata.name!)) return;
    const created = this.api.create(t, ns, obj, { fieldManager: 'kube-apiserver' });
    // Create drops status on kinds with a status subresource (nodes): write it as their owner would.
    if (obj.status && t.subresources.includes('status') && !created.status) this.api.update(t, ns, obj.metadata.name!, { ...created, status: obj.status }, { fieldManager: 'kubelet' }, 'status');
  }
}
