// Argo Workflows (argoproj.io): a Workflow by its phase (workflow.health.ts, as gitops-engine has it
// built in) and a CronWorkflow by the conditions its controller sets.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { health, type HealthCheck } from '../health-check';
import { workflowHealth } from '../workflow.health';
import { field, isTrue, statusConditions } from './conditions';

/**
 * A CronWorkflow is Degraded when its spec is invalid (SpecError) or it could not submit a Workflow
 * (SubmissionError), and Healthy otherwise: it only schedules, so there is nothing to wait for. A
 * Completed condition (stopStrategy reached) lends its message. The first of these conditions in the
 * list decides, as in Argo CD.
 */
export function cronWorkflowHealth(obj: KubeObject): HealthStatus {
  for (const c of statusConditions(obj)) {
    if (!isTrue(c)) continue;
    const type = field(c, 'type');
    if (type === 'SpecError' || type === 'SubmissionError') return health('Degraded', field(c, 'message'));
    if (type === 'Completed') return health('Healthy', field(c, 'message'));
  }
  return health('Healthy', 'CronWorkflow is healthy.');
}

export const argoWorkflowsHealthChecks: Record<string, HealthCheck> = {
  'argoproj.io/Workflow': workflowHealth,
  'argoproj.io/CronWorkflow': cronWorkflowHealth,
};
