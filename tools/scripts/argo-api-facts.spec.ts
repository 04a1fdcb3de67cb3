import { argoApiFacts } from './argo-api-facts';

// What the facts keep of a swagger.json: the reductions the API conformance spec relies on.
describe('argoApiFacts', () => {
  const ref = (name: string) => ({ $ref: `#/definitions/${name}` });
  const swagger = {
    paths: {
      '/api/v1/things/{thing.name}': {
        put: {
          operationId: 'ThingService_Update',
          summary: 'prose that must not be kept',
          parameters: [
            { name: 'thing.name', in: 'path', description: 'prose' },
            { name: 'validate', in: 'query' },
            { name: 'body', in: 'body', schema: ref('Thing') },
          ],
          responses: { '200': { schema: ref('Thing') }, default: { schema: ref('runtimeError') } },
        },
      },
      '/api/v1/stream/things': {
        get: {
          operationId: 'ThingService_Watch',
          parameters: [
            { name: 'selector', in: 'query' },
            { name: 'name', in: 'query' },
          ],
          responses: { '200': { schema: { type: 'object', properties: { result: ref('Thing'), error: ref('runtimeStreamError') } } } },
        },
      },
    },
    definitions: {
      Thing: {
        type: 'object',
        description: 'prose',
        properties: {
          size: { type: 'integer', format: 'int64' },
          ratio: { type: 'number', format: 'double' },
          createdAt: ref('v1Time'),
          labels: { type: 'object', additionalProperties: { type: 'string' } },
          parts: { type: 'array', items: ref('Part') },
          raw: { type: 'string', format: 'byte' },
        },
      },
      Part: { type: 'object', properties: { ok: { type: 'boolean' }, loose: { type: 'object' } } },
      v1Time: { type: 'string', format: 'date-time', description: 'prose' },
      runtimeError: { type: 'object', properties: { code: { type: 'integer', format: 'int32' }, message: { type: 'string' } } },
      runtimeStreamError: { type: 'object', properties: { grpc_code: { type: 'integer', format: 'int32' } } },
      Unreached: { type: 'object', properties: { x: { type: 'string' } } },
    },
  };

  it('keeps each route’s operationId, sorted parameter names by place, and its answer’s type', () => {
    const { routes } = argoApiFacts(swagger);
    expect(Object.keys(routes)).toEqual(['GET /api/v1/stream/things', 'PUT /api/v1/things/{thing.name}']);
    expect(routes['PUT /api/v1/things/{thing.name}']).toEqual({
      operationId: 'ThingService_Update',
      path: ['thing.name'],
      query: ['validate'],
      body: 'body',
      response: 'Thing',
    });
    expect(routes['GET /api/v1/stream/things']).toEqual({
      operationId: 'ThingService_Watch',
      path: [],
      query: ['name', 'selector'],
      response: { error: 'runtimeStreamError', result: 'Thing' },
    });
  });

  it('reduces every reachable definition to field types: integers as JSON numbers, maps, arrays, non-object definitions inlined', () => {
    const { definitions } = argoApiFacts(swagger);
    expect(Object.keys(definitions)).toEqual(['Part', 'Thing', 'runtimeError', 'runtimeStreamError']);
    expect(definitions.Thing).toEqual({
      createdAt: 'string',
      labels: 'map<string>',
      parts: 'array<Part>',
      ratio: 'number',
      raw: 'string',
      size: 'integer',
    });
    expect(definitions.Part).toEqual({ loose: 'object', ok: 'boolean' });
    expect(JSON.stringify(definitions)).not.toContain('prose');
  });

  it('refuses a reference the definition does not define', () => {
    const broken = { paths: { '/x': { get: { operationId: 'X', responses: { '200': { schema: ref('Missing') } } } } }, definitions: {} };
    expect(() => argoApiFacts(broken)).toThrow('swagger.json refers to Missing, which it does not define');
  });
});
