import { JSON_OBJECT, MessageSchemas } from './message-schema';
import { jsonToMessage, RestDecodeError, setField } from './rest-message.codec';
import type { RouteMatch } from './rest-route.table';

/**
 * Builds a gRPC request from a REST call the way grpc-gateway does: the body (all of it, or one
 * field), then path variables, then query parameters for whatever the body did not cover.
 */
export function decodeRestRequest(
  schemas: MessageSchemas,
  match: RouteMatch,
  query: URLSearchParams,
  body: unknown,
): Record<string, unknown> {
  const { route, pathParams } = match;
  const bodyField = route.rule.body;
  let request: Record<string, unknown> = {};
  if (bodyField === '*') {
    request = jsonToMessage(schemas, route.requestType, body ?? {}, '');
  } else if (bodyField) {
    const field = schemas(route.requestType).find((f) => f.name === bodyField);
    if (!field) throw new Error(`${route.methodPath}: body field ${bodyField} is not in ${route.requestType}`);
    // A string body field (PatchResource's patch) is the body as a JSON string, as grpc-gateway reads it.
    if (body !== undefined && field.type === 'TYPE_STRING' && typeof body !== 'string')
      throw new RestDecodeError(`the body is the ${bodyField} field: send it as a JSON string`);
    if (body !== undefined)
      request[bodyField] = field.type === 'TYPE_MESSAGE' ? jsonToMessage(schemas, field.typeName, body, bodyField) : body;
  }
  for (const [fieldPath, value] of pathParams) setField(schemas, route.requestType, request, fieldPath, value, false);
  if (bodyField !== '*') {
    const pathKeys = new Set([...pathParams.keys()].map((p) => p.join('.')));
    for (const [key, value] of query) {
      if (pathKeys.has(key)) continue;
      setQueryParam(schemas, route.requestType, request, key, value);
    }
  }
  return request;
}

/** Query parameters naming no request field are ignored, as grpc-gateway does (cache busters, tracking). */
function setQueryParam(schemas: MessageSchemas, typeName: string, request: Record<string, unknown>, key: string, value: string): void {
  const path = key.split('.');
  if (!knownScalarPath(schemas, typeName, path)) return;
  setField(schemas, typeName, request, path, value, true);
}

function knownScalarPath(schemas: MessageSchemas, typeName: string, path: string[]): boolean {
  const [head, ...rest] = path;
  const field = schemas(typeName).find((f) => f.name === head);
  if (!field) return false;
  if (rest.length === 0) return field.type !== 'TYPE_MESSAGE';
  return (
    field.type === 'TYPE_MESSAGE' && field.typeName !== JSON_OBJECT && !field.repeated && knownScalarPath(schemas, field.typeName, rest)
  );
}
