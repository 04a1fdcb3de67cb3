// networking.k8s.io/Ingress: Healthy once the controller publishes a load-balancer address.
import type { HealthStatus, KubeObject } from '@flotilla/api-types';
import { asArray, getIn } from '../object/json-value';
import { health } from './health-check';

export const ingressHealth = (obj: KubeObject): HealthStatus =>
  health(asArray(getIn(obj, 'status', 'loadBalancer', 'ingress')).length > 0 ? 'Healthy' : 'Progressing');
