import { DifferentialCase } from '../differential-case';

const PROTOBUF = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

export const openapiV2Case: DifferentialCase = {
  name: '/openapi/v2 answers gnostic protobuf when kubectl asks for it',
  async observe(t) {
    const r = await t.request('GET', '/openapi/v2', { accept: PROTOBUF });
    // gnostic's Document starts with field 1, swagger: "2.0" (tag 0x0a, length 3); kubectl parses nothing else.
    const swagger = r.body.length > 5 && r.body[0] === 0x0a ? r.body.subarray(2, 2 + r.body[1]).toString() : null;
    // No Content-Type: 1.20 sends a sniffed application/octet-stream, and client-go reads the body raw whatever it says.
    return { code: r.status, swagger };
  },
};
