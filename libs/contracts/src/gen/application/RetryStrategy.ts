// Original file: proto/application/application.proto

import type {
  RetryBackoff as _application_RetryBackoff,
  RetryBackoff__Output as _application_RetryBackoff__Output,
} from '../application/RetryBackoff';
import type { Long } from '@grpc/proto-loader';

export interface RetryStrategy {
  limit?: number | string | Long;
  backoff?: _application_RetryBackoff | null;
}

export interface RetryStrategy__Output {
  limit: string;
  backoff: _application_RetryBackoff__Output | null;
}
