import { TRACKING_ID_ANNOTATION, type KubeObject } from '@flotilla/api-types';
import { buildTrackingId, isTrackedBy, parseTrackingId, setTrackingId, trackedAppName, trackingAppName } from './tracking-id';

const deploy = (annotation?: string, name = 'web'): KubeObject => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name, namespace: 'shop', ...(annotation ? { annotations: { [TRACKING_ID_ANNOTATION]: annotation } } : {}) },
});

describe('tracking id', () => {
  it("formats Argo's annotation value", () => {
    expect(buildTrackingId(deploy(), 'guestbook')).toBe('guestbook:apps/Deployment:shop/web');
    expect(buildTrackingId({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } }, 'guestbook')).toBe(
      'guestbook:/Namespace:/shop',
    );
  });

  it('prefixes apps outside the control-plane namespace with their namespace', () => {
    expect(trackingAppName('guestbook', 'argocd')).toBe('guestbook');
    expect(trackingAppName('guestbook', 'team-a')).toBe('team-a_guestbook');
  });

  it('parses what it formats and rejects garbage', () => {
    expect(parseTrackingId('team-a_gb:apps/Deployment:shop/web')).toEqual({
      appName: 'team-a_gb',
      group: 'apps',
      kind: 'Deployment',
      namespace: 'shop',
      name: 'web',
    });
    expect(parseTrackingId('just-a-name')).toBeUndefined();
  });

  it.each<[string, KubeObject, string | undefined]>([
    ['a matching annotation', deploy('guestbook:apps/Deployment:shop/web'), 'guestbook'],
    ['no annotation', deploy(), undefined],
    ['an annotation copied from another object', deploy('guestbook:apps/Deployment:shop/web', 'web-copy'), undefined],
    ['an annotation naming another namespace', deploy('guestbook:apps/Deployment:prod/web'), undefined],
    [
      'a cluster-scoped object tracked with the app namespace',
      {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: 'shop', annotations: { [TRACKING_ID_ANNOTATION]: 'gb:/Namespace:shop/shop' } },
      },
      'gb',
    ],
  ])('owner of an object with %s', (_name, obj, owner) => {
    expect(trackedAppName(obj)).toBe(owner);
  });

  it('setTrackingId marks a copy so isTrackedBy recognises it', () => {
    const obj = deploy();
    const tracked = setTrackingId(obj, 'guestbook');
    expect(isTrackedBy(tracked, 'guestbook')).toBe(true);
    expect(isTrackedBy(tracked, 'other')).toBe(false);
    expect(obj.metadata?.annotations).toBeUndefined();
  });
});
