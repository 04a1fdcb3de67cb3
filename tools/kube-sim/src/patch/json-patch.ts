import { applyPatch, JsonPatchError, Operation, validate } from 'fast-json-patch';
import { errors, StatusError } from '../api/status-error';
import { clone } from '../store/kube-object';

/** RFC 6902 JSON patch; a malformed patch is 400, a failing `test` or bad path 422 as upstream. */
export function applyJsonPatch<T>(doc: T, patch: unknown): T {
  if (!Array.isArray(patch)) throw errors.badRequest('json: cannot unmarshal object into Go value of type jsonpatch.Patch');
  const ops = patch as Operation[];
  const invalid = validate(ops, clone(doc));
  if (invalid) throw patchFailure(invalid);
  try {
    return applyPatch(clone(doc), ops, false, false).newDocument;
  } catch (e) {
    throw patchFailure(e);
  }
}

function patchFailure(e: unknown): StatusError {
  if (e instanceof JsonPatchError) {
    const op = e.operation as Operation | undefined;
    const where = op ? ` (op ${op.op} at ${op.path})` : '';
    if (e.name === 'TEST_OPERATION_FAILED') return new StatusError(422, 'Invalid', `the server rejected our request due to an error in our request: testing value ${op?.path} failed`);
    return new StatusError(422, 'Invalid', `the server rejected our request due to an error in our request: ${e.message.split('\n')[0]}${where}`);
  }
  return errors.badRequest(String(e));
}
