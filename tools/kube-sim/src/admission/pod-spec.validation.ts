import { StatusCause } from '../api/status-error';

type Json = Record<string, any>;

const required = (field: string): StatusCause => ({ reason: 'FieldValueRequired', field, message: 'Required value' });

/** The PodSpec checks users hit most: containers present, each named and with an image, names unique. */
export function validatePodSpec(spec: Json | undefined, path: string, allowedRestart?: string[]): StatusCause[] {
  const causes: StatusCause[] = [];
  const containers: Json[] = spec?.containers ?? [];
  if (!containers.length) causes.push(required(`${path}.containers`));
  const seen = new Set<string>();
  containers.forEach((c, i) => {
    const at = `${path}.containers[${i}]`;
    if (!c.name) causes.push(required(`${at}.name`));
    else if (seen.has(c.name)) causes.push({ reason: 'FieldValueDuplicate', field: `${at}.name`, message: `Duplicate value: "${c.name}"` });
    seen.add(c.name);
    if (!c.image) causes.push(required(`${at}.image`));
    for (const [j, p] of ((c.ports ?? []) as Json[]).entries()) {
      if (typeof p.containerPort !== 'number' || p.containerPort < 1 || p.containerPort > 65535) {
        causes.push({ reason: 'FieldValueInvalid', field: `${at}.ports[${j}].containerPort`, message: `Invalid value: ${JSON.stringify(p.containerPort)}: must be between 1 and 65535, inclusive` });
      }
    }
  });
  if (allowedRestart && spec?.restartPolicy && !allowedRestart.includes(spec.restartPolicy)) {
    causes.push({ reason: 'FieldValueNotSupported', field: `${path}.restartPolicy`, message: `Unsupported value: "${spec.restartPolicy}": supported values: ${allowedRestart.map((r) => `"${r}"`).join(', ')}` });
  }
  return causes;
}
