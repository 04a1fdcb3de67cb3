import type { JsonObject } from './gen/flotilla/JsonObject';

/** Raised when a JsonObject on the wire does not hold a JSON object; names the field. */
export class JsonObjectError extends Error {}

export const toJsonObject = (value: unknown): JsonObject => ({ json: JSON.stringify(value) });

/** Parses a JsonObject field; `field` names it in the error a caller gets back. */
export function fromJsonObject<T = Record<string, unknown>>(message: { json?: string } | null | undefined, field: string): T {
  const text = message?.json;
  if (!text) throw new JsonObjectError(`${field} is required`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new JsonObjectError(`${field} is not valid JSON: ${(err as Error).message}`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new JsonObjectError(`${field} must be a JSON object`);
  return value as T;
}

/** Like fromJsonObject, but an absent or empty field is undefined rather than an error. */
export const optionalJsonObject = <T = Record<string, unknown>>(message: { json?: string } | null | undefined, field: string): T | undefined =>
  message?.json ? fromJsonObject<T>(message, field) : undefined;
