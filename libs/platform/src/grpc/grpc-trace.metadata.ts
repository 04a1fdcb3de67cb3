import * as grpc from '@grpc/grpc-js';
import { TextMapGetter, TextMapSetter } from '@opentelemetry/api';

/** Reads W3C trace headers (traceparent, tracestate) from gRPC metadata. */
export const metadataGetter: TextMapGetter<grpc.Metadata> = {
  keys: (md) => Object.keys(md.getMap()),
  get: (md, key) => {
    const values = md.get(key).filter((v): v is string => typeof v === 'string');
    return values.length === 0 ? undefined : values.length === 1 ? values[0] : values;
  },
};

export const metadataSetter: TextMapSetter<grpc.Metadata> = {
  set: (md, key, value) => md.set(key, value),
};

/** "/pkg.Service/Method" → its service and method names, the labels gRPC metrics use. */
export function splitMethodPath(path: string): { service: string; method: string } {
  const [, service = 'unknown', method = 'unknown'] = path.split('/');
  return { service, method };
}
