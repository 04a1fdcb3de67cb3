import { crdDefaultsCase } from './cases/crd-defaults.fixture';
import { crdFinalizerCase } from './cases/crd-finalizer.fixture';
import { crdWatchCase } from './cases/crd-watch.fixture';
import { discoveryCase } from './cases/discovery.fixture';
import { errorTextsCase } from './cases/error-texts.fixture';
import { generationCase } from './cases/generation.fixture';
import { impersonationCase } from './cases/impersonation.fixture';
import { namespaceDeletionCase } from './cases/namespace-deletion.fixture';
import { openapiV2Case } from './cases/openapi-v2.fixture';
import { podEventsCase } from './cases/pod-events.fixture';
import { podLogsCase } from './cases/pod-logs.fixture';
import { serverSideApplyCase } from './cases/server-side-apply.fixture';
import { serverVersionCase } from './cases/server-version.fixture';
import { watchTimeoutCase } from './cases/watch-timeout.fixture';
import { DifferentialCase } from './differential-case';

/** Every case, in the order the spec runs them (project issue 16). */
export const differentialCases: DifferentialCase[] = [
  serverVersionCase,
  impersonationCase,
  crdDefaultsCase,
  generationCase,
  crdFinalizerCase,
  crdWatchCase,
  watchTimeoutCase,
  namespaceDeletionCase,
  discoveryCase,
  openapiV2Case,
  errorTextsCase,
  podEventsCase,
  serverSideApplyCase,
  podLogsCase,
];
