import { StatusCause } from '../api/status-error';
import { KindAdmission } from './admission';

type Json = Record<string, any>;

const required = (field: string, message = 'Required value'): StatusCause => ({ reason: 'FieldValueRequired', field, message });

export const crdAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    const names = (spec.names ??= {});
    if (names.kind) {
      names.singular ??= String(names.kind).toLowerCase();
      names.listKind ??= `${names.kind}List`;
    }
    spec.conversion ??= { strategy: 'None' };
  },
  validate(obj) {
    const spec = (obj.spec ?? {}) as Json;
    const causes: StatusCause[] = [];
    if (!spec.group) causes.push(required('spec.group'));
    if (!spec.names?.plural) causes.push(required('spec.names.plural'));
    if (!spec.names?.kind) causes.push(required('spec.names.kind'));
    if (spec.group && spec.names?.plural && obj.metadata.name !== `${spec.names.plural}.${spec.group}`) {
      causes.push({ reason: 'FieldValueInvalid', field: 'metadata.name', message: `Invalid value: "${obj.metadata.name}": must be spec.names.plural+"."+spec.group` });
    }
    if (!['Namespaced', 'Cluster'].includes(spec.scope)) causes.push({ reason: 'FieldValueNotSupported', field: 'spec.scope', message: `Unsupported value: "${spec.scope ?? ''}": supported values: "Cluster", "Namespaced"` });
    const versions = (spec.versions ?? []) as Json[];
    if (!versions.length) causes.push(required('spec.versions', 'Required value: must have exactly one version marked as storage version'));
    else if (versions.filter((v) => v.storage === true).length !== 1) {
      causes.push({ reason: 'FieldValueInvalid', field: 'spec.versions', message: `Invalid value: ${JSON.stringify(versions.map((v) => v.name))}: must have exactly one version marked as storage version` });
    }
    versions.forEach((v, i) => {
      if (!v.schema?.openAPIV3Schema) causes.push(required(`spec.versions[${i}].schema.openAPIV3Schema`, 'Required value: schemas are required'));
      else if (v.schema.openAPIV3Schema.type !== 'object') causes.push({ reason: 'FieldValueInvalid', field: `spec.versions[${i}].schema.openAPIV3Schema.type`, message: `Invalid value: "${v.schema.openAPIV3Schema.type ?? ''}": must be object at the root` });
    });
    return causes;
  },
};

function bindingAdmission(): KindAdmission {
  return {
    validate(obj, old) {
      const causes: StatusCause[] = [];
      const roleRef = obj.roleRef as Json | undefined;
      if (!roleRef?.name) causes.push(required('roleRef.name'));
      if (roleRef && !['Role', 'ClusterRole'].includes(roleRef.kind)) causes.push({ reason: 'FieldValueNotSupported', field: 'roleRef.kind', message: `Unsupported value: "${roleRef.kind}": supported values: "Role", "ClusterRole"` });
      if (old && JSON.stringify(old.roleRef) !== JSON.stringify(roleRef)) causes.push({ reason: 'FieldValueInvalid', field: 'roleRef', message: `Invalid value: ${JSON.stringify(roleRef)}: cannot change roleRef` });
      ((obj.subjects ?? []) as Json[]).forEach((s, i) => {
        if (!['User', 'Group', 'ServiceAccount'].includes(s.kind)) causes.push({ reason: 'FieldValueNotSupported', field: `subjects[${i}].kind`, message: `Unsupported value: "${s.kind}": supported values: "ServiceAccount", "User", "Group"` });
        if (!s.name) causes.push(required(`subjects[${i}].name`));
      });
      return causes;
    },
  };
}

const rulesAdmission: KindAdmission = {
  validate(obj) {
    return ((obj.rules ?? []) as Json[]).flatMap((r, i) => (!(r.verbs ?? []).length ? [required(`rules[${i}].verbs`, 'Required value: verbs must contain at least one value')] : []));
  },
};

export const roleBindingAdmission = bindingAdmission();
export const roleAdmission = rulesAdmission;

export const networkPolicyAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.policyTypes ??= spec.egress ? ['Ingress', 'Egress'] : ['Ingress'];
    for (const rule of [...((spec.ingress ?? []) as Json[]), ...((spec.egress ?? []) as Json[])]) for (const p of (rule.ports ?? []) as Json[]) p.protocol ??= 'TCP';
  },
};

export const ingressAdmission: KindAdmission = {
  validate(obj) {
    const causes: StatusCause[] = [];
    ((((obj.spec ?? {}) as Json).rules ?? []) as Json[]).forEach((rule, i) =>
      ((rule.http?.paths ?? []) as Json[]).forEach((p, j) => {
        if (!p.pathType) causes.push(required(`spec.rules[${i}].http.paths[${j}].pathType`, 'Required value: pathType must be specified'));
        if (!p.backend) causes.push(required(`spec.rules[${i}].http.paths[${j}].backend`));
      }),
    );
    return causes;
  },
};

export const hpaAdmission: KindAdmission = {
  defaults(obj) {
    const spec = (obj.spec ??= {}) as Json;
    spec.minReplicas ??= 1;
    if (obj.apiVersion !== 'autoscaling/v2') return;
    const behavior = (spec.behavior ??= {});
    behavior.scaleUp ??= { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] };
    behavior.scaleDown ??= { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] };
  },
};
