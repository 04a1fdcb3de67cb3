import { KubeObject } from '../../store/kube-object';
import { loadBalancerAddresses } from './core.printers';
import { since } from './human-duration';
import { AGE_COLUMN, at, col, KindPrinter, list, NAME_COLUMN, str } from './printer-kit';
import { formatLabelSelector } from './selector-format';

const age = (o: KubeObject, now: number): string => since(o.metadata.creationTimestamp, now);

/** kube's formatHosts: up to three hosts, `*` when no rule names one. */
function ingressHosts(ing: KubeObject): string {
  const rules = list(at(ing, 'spec', 'rules'));
  const hosts: string[] = [];
  for (let i = 0; i < rules.length && i < 3; i++) {
    const host = str(at(rules[i], 'host'));
    if (host) hosts.push(host);
  }
  if (!hosts.length) return '*';
  return rules.length > 3 ? `${hosts.join(',')} + ${rules.length - 3} more...` : hosts.join(',');
}

/** kube's listWithMoreString: the first three, then `+ N more...`; `<unset>` when empty. */
function firstThree(values: string[]): string {
  if (!values.length) return '<unset>';
  return values.length > 3 ? `${values.slice(0, 3).join(',')} + ${values.length - 3} more...` : values.join(',');
}

function sliceCells(o: KubeObject, now: number): unknown[] {
  const ports = list(o.ports).map((p) => {
    const port = at(p, 'port');
    return typeof port === 'number' ? String(port) : str(at(p, 'name'), '*');
  });
  const addresses = list(o.endpoints).flatMap((e) => list(at(e, 'addresses')).map(String));
  return [o.metadata.name, str(o.addressType), firstThree(ports), firstThree(addresses), age(o, now)];
}

function ingressClassParameters(o: KubeObject): string {
  const p = at(o, 'spec', 'parameters');
  if (!p) return '<none>';
  const group = str(at(p, 'apiGroup'));
  return `${str(at(p, 'kind'))}${group ? `.${group}` : ''}/${str(at(p, 'name'))}`;
}

export const networkingPrinters: Record<string, KindPrinter> = {
  Ingress: {
    columns: [
      NAME_COLUMN,
      col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
      col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
      col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
      col('Ports', 'string', 'Ports of TLS configurations that open'),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => [
      o.metadata.name,
      str(at(o, 'spec', 'ingressClassName'), '<none>'),
      ingressHosts(o),
      loadBalancerAddresses(at(o, 'status', 'loadBalancer')),
      list(at(o, 'spec', 'tls')).length ? '80, 443' : '80',
      age(o, now),
    ],
  },
  IngressClass: {
    columns: [
      NAME_COLUMN,
      col('Controller', 'string', 'Controller that is responsible for handling this class'),
      col('Parameters', 'string', 'A reference to a resource with additional parameters'),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => [o.metadata.name, str(at(o, 'spec', 'controller')), ingressClassParameters(o), age(o, now)],
  },
  NetworkPolicy: {
    columns: [NAME_COLUMN, col('Pod-Selector', 'string', 'Selects the pods to which this NetworkPolicy object applies.'), AGE_COLUMN],
    cells: (o, { now }) => [o.metadata.name, formatLabelSelector(at(o, 'spec', 'podSelector')), age(o, now)],
  },
  EndpointSlice: {
    columns: [
      NAME_COLUMN,
      col('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice.'),
      col('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice.'),
      col('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice.'),
      AGE_COLUMN,
    ],
    cells: (o, { now }) => sliceCells(o, now),
  },
};
