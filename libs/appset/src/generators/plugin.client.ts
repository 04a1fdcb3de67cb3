// The HTTP call of the plugin generator: POST <baseUrl>/api/v1/getparams.execute with a bearer token,
// bounded in time and in answer size, the answer checked for the `output.parameters` list Argo reads.
// https://argo-cd.readthedocs.io/en/stable/operator-manual/applicationset/Generators-Plugin/
import { isPlainObject } from '../json/json-value';
import type { Params } from './generator.types';

export interface PluginCall {
  baseUrl: string;
  token: string;
  appSetName: string;
  parameters: Record<string, unknown> | undefined;
  timeoutMs: number;
  maxAnswerBytes: number;
}

/** How much of an error answer goes into the message: enough to read the plugin's reason. */
const ERROR_BODY_CHARS = 512;

/** The parameter sets the plugin answers; rejects with an Error whose message never holds the token. */
export async function callPlugin(call: PluginCall): Promise<Params[]> {
  const mask = (text: string): string => (call.token ? text.split(call.token).join('******') : text);
  try {
    return await execute(call);
  } catch (err) {
    const cause = (err as Error & { cause?: Error }).cause;
    const message =
      (err as Error).name === 'TimeoutError' ? `the plugin did not answer within ${call.timeoutMs / 1000}s` : (err as Error).message;
    throw new Error(mask(cause?.message && !message.includes(cause.message) ? `${message}: ${cause.message}` : message));
  }
}

async function execute(call: PluginCall): Promise<Params[]> {
  const url = `${call.baseUrl.endsWith('/') ? call.baseUrl : `${call.baseUrl}/`}api/v1/getparams.execute`;
  // Go's encoder leaves `parameters` out when the map is empty (omitempty); plugins written for Argo see the same body.
  const input = call.parameters && Object.keys(call.parameters).length > 0 ? { parameters: call.parameters } : {};
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${call.token}`, 'User-Agent': 'argocd-applicationset' },
    body: JSON.stringify({ applicationSetName: call.appSetName, input }),
    signal: AbortSignal.timeout(call.timeoutMs),
  });
  const body = await readBounded(res, call.maxAnswerBytes);
  if (res.status < 200 || res.status >= 300) {
    throw new Error(`API error with status code ${res.status}: ${body.slice(0, ERROR_BODY_CHARS).trim()}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch (err) {
    throw new Error(`the answer is not JSON (${(err as Error).message}): ${body.slice(0, ERROR_BODY_CHARS)}`);
  }
  return parametersOf(parsed);
}

/** The body as text, refusing it once it is longer than `max` bytes (a plugin must not fill the heap). */
async function readBounded(res: Response, max: number): Promise<string> {
  const tooLarge = (): Error => new Error(`the answer is larger than ${max} bytes`);
  const declared = Number(res.headers.get('content-length') ?? NaN);
  if (declared > max) {
    await res.body?.cancel();
    throw tooLarge();
  }
  if (!res.body) return '';
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body.getReader() as ReadableStreamDefaultReader<Uint8Array>;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > max) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * `output.parameters` must be a list of objects. Unlike Argo, an answer without that list is an error
 * rather than zero parameter sets, so a broken plugin does not delete every Application it made.
 */
function parametersOf(answer: unknown): Params[] {
  const output = isPlainObject(answer) ? answer.output : undefined;
  const parameters = isPlainObject(output) ? output.parameters : undefined;
  if (!Array.isArray(parameters))
    throw new Error('the answer has no output.parameters list (expected {"output":{"parameters":[{...}, ...]}})');
  parameters.forEach((p, i) => {
    if (!isPlainObject(p)) throw new Error(`output.parameters[${i}] is ${JSON.stringify(p)}, not an object`);
  });
  return parameters as Params[];
}
