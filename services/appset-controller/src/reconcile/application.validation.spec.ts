import type { Application, ApplicationSet } from '@flotilla/api-types';
import { validateApplications, validationMessage } from './application.validation';

const appSet = { metadata: { name: 'gb', namespace: 'argocd' } } as ApplicationSet;
const app = (name: string, project = 'default', destination: object = { server: 'https://dev' }) =>
  ({ metadata: { name }, spec: { project, destination } }) as unknown as Application;
const inputs = {
  projects: new Set(['default']),
  clusters: [
    { name: 'dev', server: 'https://dev' },
    { name: 'in-cluster', server: 'https://kubernetes.default.svc' },
    { name: 'twin', server: 'https://t1' },
    { name: 'twin', server: 'https://t2' },
  ],
};

describe('validateApplications', () => {
  it.each([
    ['a valid Application', app('a'), undefined],
    ['a destination by name', app('a', 'default', { name: 'dev' }), undefined],
    ['a server with a trailing slash', app('a', 'default', { server: 'https://dev/' }), undefined],
    [
      'no name',
      app(''),
      "ApplicationSet gb contains an application with no name; set the template's metadata.name (generateName is not supported)",
    ],
    ['a missing project', app('a', 'nope'), 'application references project nope which does not exist'],
    [
      'an unknown server',
      app('a', 'default', { server: 'https://x' }),
      'application destination spec is invalid: error getting cluster by server "https://x": cluster "https://x" not found',
    ],
    [
      'an unknown name',
      app('a', 'default', { name: 'x' }),
      'application destination spec is invalid: there are no clusters with this name: x',
    ],
    [
      'an ambiguous name',
      app('a', 'default', { name: 'twin' }),
      'application destination spec is invalid: there are 2 clusters with the same name: [https://t1 https://t2]',
    ],
    [
      'both name and server',
      app('a', 'default', { name: 'dev', server: 'https://dev' }),
      "application destination spec is invalid: application destination can't have both name and server defined: dev https://dev",
    ],
    [
      'no destination',
      app('a', 'default', { namespace: 'x' }),
      'application destination spec is invalid: Destination server missing from app spec',
    ],
  ])('%s', (_case, application, error) => {
    expect(validateApplications(appSet, [application], inputs).get(application.metadata.name)).toBe(error);
  });

  it('flags duplicate names, so that name is applied nowhere', () => {
    const errors = validateApplications(appSet, [app('a'), app('b'), app('a')], inputs);
    expect([...errors]).toEqual([['a', 'ApplicationSet gb contains applications with duplicate name: a']]);
  });

  it('summarises several errors with the last one and a count', () => {
    const errors = validateApplications(appSet, [app('a', 'x'), app('b', 'y')], inputs);
    expect(validationMessage(errors)).toBe('application references project y which does not exist (and 1 more)');
  });
});
