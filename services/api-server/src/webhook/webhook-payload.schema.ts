// The parts of push payloads several providers share, and one way to say what is wrong with a payload.
import { z } from 'zod';
import { badRequest } from './push-event.types';

const paths = z.array(z.string()).nullish();

/** A commit as GitHub, GitLab and Gogs list it in a push: the files it touched. */
export const pushCommit = z.object({ added: paths, modified: paths, removed: paths });

/** Validates a payload against a schema; a mismatch is a 400 naming each wrong field. */
export function parsePayload<S extends z.ZodType>(schema: S, payload: unknown, what: string): z.output<S> {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.length ? i.path.join('.') : '(payload)'}: ${i.message}`);
  throw badRequest(`${what} is not valid: ${issues.join('; ')}`);
}

/** Drops the absent URLs a payload may leave out. */
export const urls = (...candidates: (string | null | undefined)[]): string[] => candidates.filter((u): u is string => !!u);
