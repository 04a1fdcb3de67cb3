import { qualifiedResource, ResourceType } from '../registry/resource-type';

export interface StatusCause {
  reason?: string;
  message?: string;
  field?: string;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure' | 'Success';
  message?: string;
  reason?: string;
  details?: { name?: string; group?: string; kind?: string; uid?: string; causes?: StatusCause[]; retryAfterSeconds?: number };
  code: number;
}

/** A failure that answers the request with a Kubernetes `Status` body and HTTP code. */
export class StatusError extends Error {
  constructor(
    readonly code: number,
    readonly reason: string,
    message: string,
    readonly details?: StatusBody['details'],
  ) {
    super(message);
  }

  toStatus(): StatusBody {
    // metav1.Status omits an empty reason (StatusReasonUnknown), as a plain Go error's 500 has.
    return { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: this.message, reason: this.reason || undefined, details: this.details, code: this.code };
  }
}

// StatusDetails omits an empty group (core kinds), as Go's omitempty does.
const ref = (t: ResourceType, name?: string) => ({ ...(name !== undefined ? { name } : {}), ...(t.group ? { group: t.group } : {}), kind: t.plural });

export const errors = {
  notFound: (t: ResourceType, name: string) => new StatusError(404, 'NotFound', `${qualifiedResource(t)} "${name}" not found`, ref(t, name)),
  alreadyExists: (t: ResourceType, name: string) =>
    new StatusError(409, 'AlreadyExists', `${qualifiedResource(t)} "${name}" already exists`, ref(t, name)),
  conflict: (t: ResourceType, name: string, why = 'the object has been modified; please apply your changes to the latest version and try again') =>
    new StatusError(409, 'Conflict', `Operation cannot be fulfilled on ${qualifiedResource(t)} "${name}": ${why}`, ref(t, name)),
  invalid: (t: ResourceType, name: string, causes: StatusCause[]) => {
    const kind = t.group ? `${t.kind}.${t.group}` : t.kind;
    const list = causes.map((c) => (c.field ? `${c.field}: ${c.message}` : c.message));
    const text = list.length === 1 ? list[0] : `[${list.join(', ')}]`;
    return new StatusError(422, 'Invalid', `${kind} "${name}" is invalid: ${text}`, { name, ...(t.group ? { group: t.group } : {}), kind: t.kind, causes });
  },
  badRequest: (message: string) => new StatusError(400, 'BadRequest', message),
  /** `deployments.apps "web" is forbidden: <why>`, or `forbidden: <why>` for a non-resource URL. */
  forbidden: (t: ResourceType | undefined, name: string | undefined, message: string) =>
    new StatusError(403, 'Forbidden', `${t ? `${qualifiedResource(t)}${name ? ` "${name}"` : ''} is ` : ''}forbidden: ${message}`, t ? ref(t, name) : undefined),
  unauthorized: () => new StatusError(401, 'Unauthorized', 'Unauthorized'),
  methodNotAllowed: (message: string) => new StatusError(405, 'MethodNotAllowed', message),
  unsupportedMediaType: (contentType: string) =>
    new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json (got ${contentType})`),
  gone: (message: string) => new StatusError(410, 'Expired', message),
  notAcceptable: (message: string) => new StatusError(406, 'NotAcceptable', message),
  tooManyRequests: (message: string, retryAfterSeconds = 1) =>
    new StatusError(429, 'TooManyRequests', message, { retryAfterSeconds }),
  internal: (message: string) => new StatusError(500, 'InternalError', `Internal error occurred: ${message}`),
  /** go-restful's miss under a served group (NewGenericServerResponse): empty but present details. */
  routeNotFound: () => new StatusError(404, 'NotFound', 'the server could not find the requested resource', {}),
};
