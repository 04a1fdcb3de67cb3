import { decodeKubeProtobuf, ProtobufDecodeError } from './kube-protobuf.decoder';

// Builds wire-format bytes by hand, the way Go's generated marshallers lay them out.
const varint = (n: number): number[] => {
  const out: number[] = [];
  do {
    let b = n & 0x7f;
    n = Math.floor(n / 128);
    if (n) b |= 0x80;
    out.push(b);
  } while (n);
  return out;
};
const field = (num: number, payload: Buffer | number): Buffer =>
  typeof payload === 'number' ? Buffer.from([...varint((num << 3) | 0), ...varint(payload)]) : Buffer.concat([Buffer.from([...varint((num << 3) | 2), ...varint(payload.length)]), payload]);
const str = (s: string): Buffer => Buffer.from(s);
const msg = (...parts: Buffer[]): Buffer => Buffer.concat(parts);
const envelope = (apiVersion: string, kind: string, raw: Buffer): Buffer => Buffer.concat([Buffer.from('k8s\0', 'binary'), field(1, msg(field(1, str(apiVersion)), field(2, str(kind)))), field(2, raw)]);

describe('Kubernetes protobuf bodies', () => {
  it('decodes a ConfigMap as kubectl create configmap sends it', () => {
    const meta = msg(field(1, str('settings')), field(2, str('')), field(3, str('default')), field(8, msg()), field(11, msg(field(1, str('app')), field(2, str('web')))));
    const data = msg(field(1, str('mode')), field(2, str('live')));
    const body = envelope('v1', 'ConfigMap', msg(field(1, meta), field(2, data), field(3, msg(field(1, str('blob')), field(2, Buffer.from([1, 2, 3]))))));
    expect(decodeKubeProtobuf(body)).toEqual({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'settings', namespace: 'default', labels: { app: 'web' } }, data: { mode: 'live' }, binaryData: { blob: 'AQID' } });
  });

  it('keeps zeros that mean something (replicas: 0) and int-or-string values', () => {
    const strategy = msg(field(1, str('RollingUpdate')), field(2, msg(field(1, msg(field(1, 1), field(3, str('25%')))), field(2, msg(field(1, 0), field(2, 2))))));
    const spec = msg(field(1, 0), field(4, strategy), field(5, 0));
    const d = decodeKubeProtobuf(envelope('apps/v1', 'Deployment', msg(field(1, msg(field(1, str('web')))), field(2, spec)))) as any;
    expect(d.spec).toEqual({ replicas: 0, strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%', maxSurge: 2 } } });
  });

  it('rejects bodies without the protobuf magic', () => {
    expect(() => decodeKubeProtobuf(Buffer.from('{"kind":"ConfigMap"}'))).toThrow(ProtobufDecodeError);
  });
});
