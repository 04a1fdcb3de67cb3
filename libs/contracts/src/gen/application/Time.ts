// Original file: proto/application/application.proto

import type { Long } from '@grpc/proto-loader';

/**
 * A point in time as Kubernetes' meta.v1.Time crosses Argo's gRPC API: seconds since the epoch.
 */
export interface Time {
  seconds?: number | string | Long;
  nanos?: number;
}

/**
 * A point in time as Kubernetes' meta.v1.Time crosses Argo's gRPC API: seconds since the epoch.
 */
export interface Time__Output {
  seconds: string;
  nanos: number;
}
