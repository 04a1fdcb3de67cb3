// Original file: proto/application/application.proto

import type { Long } from '@grpc/proto-loader';

export interface RetryBackoff {
  duration?: string;
  factor?: number | string | Long;
  maxDuration?: string;
  _duration?: 'duration';
  _factor?: 'factor';
  _maxDuration?: 'maxDuration';
}

export interface RetryBackoff__Output {
  duration?: string;
  factor?: string;
  maxDuration?: string;
  _duration?: 'duration';
  _factor?: 'factor';
  _maxDuration?: 'maxDuration';
}
