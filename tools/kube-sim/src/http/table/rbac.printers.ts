import { KubeObject } from '../../store/kube-object';
import { since } from './human-duration';
import { AGE_COLUMN, at, col, KindPrinter, list, NAME_COLUMN, PrintContext, str } from './printer-kit';

/** rbac.SubjectsStrings: users and groups by name, service accounts as `namespace/name`. */
function bindingCells(o: KubeObject, { now }: PrintContext): unknown[] {
  const users: string[] = [];
  const groups: string[] = [];
  const serviceAccounts: string[] = [];
  for (const s of list(o.subjects)) {
    const kind = at(s, 'kind');
    if (kind === 'ServiceAccount') serviceAccounts.push(`${str(at(s, 'namespace'))}/${str(at(s, 'name'))}`);
    else if (kind === 'User') users.push(str(at(s, 'name')));
    else if (kind === 'Group') groups.push(str(at(s, 'name')));
  }
  const role = `${str(at(o, 'roleRef', 'kind'))}/${str(at(o, 'roleRef', 'name'))}`;
  return [o.metadata.name, role, since(o.metadata.creationTimestamp, now), users.join(', '), groups.join(', '), serviceAccounts.join(', ')];
}

const bindingPrinter = (scope: string): KindPrinter => ({
  columns: [
    NAME_COLUMN,
    col(
      'Role',
      'string',
      'RoleRef can only reference a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.',
    ),
    AGE_COLUMN,
    col('Users', 'string', `Users in the ${scope}`, 1),
    col('Groups', 'string', `Groups in the ${scope}`, 1),
    col('ServiceAccounts', 'string', `ServiceAccounts in the ${scope}`, 1),
  ],
  cells: bindingCells,
});

/** Roles and ClusterRoles have no printer in kube: they get the default Name / Created At table. */
export const rbacPrinters: Record<string, KindPrinter> = {
  RoleBinding: bindingPrinter('roleBinding'),
  ClusterRoleBinding: bindingPrinter('clusterRoleBinding'),
};
