import { KubeSim, startKubeSim } from '../kube-sim';

// A create body that is not JSON at all is refused before its kind is known, with Go's scanner
// error and the body's first 30 bytes (hex unless it starts as an object); the texts are what a
// real v1.20.2 kube-apiserver answered to these exact bodies (1.32 words them the same).
let sim: KubeSim;

beforeAll(async () => {
  sim = await startKubeSim({ name: 'json-syntax', tls: false, auth: false });
});
afterAll(() => sim.stop());

const PREFIX = "the object provided is unrecognized (must be of type ConfigMap): couldn't get version/kind; json parse error: ";

describe('a create body that is not JSON', () => {
  it.each([
    ['{"apiVersion": "v1", "kind": "ConfigMap", ', 'unexpected end of JSON input ({"apiVersion": "v1", "kind": " ...)'],
    ['{"apiVersion" "v1"}', `invalid character '"' after object key ({"apiVersion" "v1"})`],
    ["{'a':1}", "invalid character '\\'' looking for beginning of object key string ({'a':1})"],
    ['', 'unexpected end of JSON input (<empty>)'],
    ['[1,]', "invalid character ']' looking for beginning of value (5b312c5d)"],
    ['{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"x"},"data":{"a":tru}}', `invalid character '}' in literal true (expecting 'e') ({"apiVersion":"v1","kind":"Con ...)`],
    ['hello world, this is not json at all, really', "invalid character 'h' looking for beginning of value (68656c6c6f20776f726c642c2074686973206973206e6f74206a736f6e20 ...)"],
  ])('refuses %j', async (body, why) => {
    const res = await fetch(`${sim.url}/api/v1/namespaces/default/configmaps`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
    expect({ status: res.status, json: await res.json() }).toEqual({
      status: 400,
      json: { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: `${PREFIX}${why}`, reason: 'BadRequest', code: 400 },
    });
  });
});
