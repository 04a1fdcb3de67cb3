import { loadNotifierConfig } from './notifier.config';

describe('notifier config: sharing the Applications between replicas', () => {
  it('splits them into 64 partitions leased for 15 s, deliveries claimed for 60 s, unless told otherwise', () => {
    expect(loadNotifierConfig({})).toMatchObject({ FLOTILLA_NOTIFICATIONS_PARTITIONS: 64, FLOTILLA_NOTIFICATIONS_LEASE_SECONDS: 15, FLOTILLA_NOTIFICATIONS_DELIVERY_CLAIM_SECONDS: 60 });
    expect(loadNotifierConfig({ FLOTILLA_NOTIFICATIONS_PARTITIONS: '1' })).toMatchObject({ FLOTILLA_NOTIFICATIONS_PARTITIONS: 1 });
  });

  it.each([
    ['FLOTILLA_NOTIFICATIONS_PARTITIONS', '0', 'must be at least 1'],
    ['FLOTILLA_NOTIFICATIONS_PARTITIONS', 'all', 'must be a number of partitions'],
    ['FLOTILLA_NOTIFICATIONS_LEASE_SECONDS', '1', 'must be at least 3'],
    ['FLOTILLA_NOTIFICATIONS_DELIVERY_CLAIM_SECONDS', '2', 'must be at least 5'],
  ])('refuses %s=%s, naming the variable', (variable, value, message) => {
    expect(() => loadNotifierConfig({ [variable]: value })).toThrow(`${variable}: ${message}`);
  });
});
