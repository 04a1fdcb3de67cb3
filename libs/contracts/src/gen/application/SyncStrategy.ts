// Original file: proto/application/application.proto

import type {
  SyncStrategyApply as _application_SyncStrategyApply,
  SyncStrategyApply__Output as _application_SyncStrategyApply__Output,
} from '../application/SyncStrategyApply';

export interface SyncStrategy {
  apply?: _application_SyncStrategyApply | null;
  hook?: _application_SyncStrategyApply | null;
}

export interface SyncStrategy__Output {
  apply: _application_SyncStrategyApply__Output | null;
  hook: _application_SyncStrategyApply__Output | null;
}
