import { notificationsCatalogData } from '@flotilla/api-types';
import { ChartHub, find, startChartHub } from './chart.harness';

// The notifications controller's chart objects: what its ServiceAccount may do, and the catalog of
// triggers and templates argocd-notifications-cm carries by default.

let hub: ChartHub;
beforeAll(async () => (hub = await startChartHub()));
afterAll(() => hub?.stop());

describe('notifications controller', () => {
  it('may create Events, to report a notification that failed for good on its Application', async () => {
    const role = find(await hub.template('argocd', []), 'Role', 'argocd-notifications-controller');
    expect(role.rules).toEqual(expect.arrayContaining([{ apiGroups: [''], resources: ['events'], verbs: ['create'] }]));
  });

  const notificationsCm = async (args: string[]) => find(await hub.template('argocd', args), 'ConfigMap', 'argocd-notifications-cm').data as Record<string, string>;

  it('writes Flotilla’s catalog (notifications-catalog/) into argocd-notifications-cm by default, as the files read', async () => {
    const data = await notificationsCm([]);
    const catalog = notificationsCatalogData();
    expect(Object.keys(catalog)).toHaveLength(16);
    for (const [key, text] of Object.entries(catalog)) expect([key, data[key]]).toEqual([key, text]);
  });

  it('lets a values file replace one catalog entry, leave one out with null, and add its own', async () => {
    const file = hub.file('notifications-values.yaml', [
      'notifications:',
      '  triggers:',
      '    trigger.on-created: null',
      '    trigger.on-sync-succeeded: |',
      '      - when: app.status.operationState.phase in [\'Succeeded\']',
      '        send: [mine]',
      '  templates:',
      '    template.mine: |',
      '      message: hello',
      '',
    ].join('\n'));
    const data = await notificationsCm(['-f', file]);
    expect(data['trigger.on-created']).toBeUndefined();
    expect(data['trigger.on-sync-succeeded']).toContain('send: [mine]');
    expect(data['template.mine']).toBe('message: hello\n');
    expect(data['trigger.on-deployed']).toBe(notificationsCatalogData()['trigger.on-deployed']);
  });
});
