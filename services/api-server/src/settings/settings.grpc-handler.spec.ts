import { ApiServerHarness, call, startApiServer } from '../testing/api-server.harness';

// Field names and JSON types are those of Argo CD's cluster.Settings and version.VersionMessage
// (assets/swagger.json): zero values are left out, as Argo's gateway leaves them out.
describe('settings, version and /healthz (the api-server process on a kube-sim hub)', () => {
  let api: ApiServerHarness;

  beforeAll(async () => {
    api = await startApiServer({ FLOTILLA_REPO_SERVER: '127.0.0.1:1' });
    await api.login();
  }, 90_000);

  afterAll(async () => {
    await api?.stop();
  });

  const setArgocdCm = async (data: Record<string, string>): Promise<void> => {
    const path = `/api/v1/namespaces/${api.namespace}/configmaps`;
    const existing = await api.kube('GET', `${path}/argocd-cm`);
    const cm = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'argocd-cm' }, data };
    if (existing.status === 404) expect((await api.kube('POST', path, cm)).status).toBe(201);
    else expect((await api.kube('PUT', `${path}/argocd-cm`, { ...cm, metadata: existing.body.metadata })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1100)); // settings are cached for a second
  };

  describe('GET /api/v1/settings', () => {
    afterEach(() => setArgocdCm({}));

    it('answers an anonymous caller with the public part only, with Argo types', async () => {
      const res = await api.rest('/api/v1/settings', { token: null });
      expect(res.status).toBe(200);
      expect(await res.json()).toEqual({
        appLabelKey: 'app.kubernetes.io/instance',
        googleAnalytics: { anonymizeUsers: true },
        kustomizeOptions: {},
        help: {},
        trackingMethod: 'annotation',
        syncWithReplaceAllowed: true,
        resourceViewEnabled: true,
      });
    });

    it('tells a logged-in caller the controller namespace, password pattern and banner', async () => {
      await setArgocdCm({ 'ui.bannercontent': 'Maintenance at noon', 'ui.bannerpermanent': 'true', 'ui.bannerposition': 'top' });
      const settings = await (await api.rest('/api/v1/settings')).json();
      expect(settings).toMatchObject({
        controllerNamespace: api.namespace,
        passwordPattern: '^.{8,32}$',
        uiBannerContent: 'Maintenance at noon',
        uiBannerPermanent: true,
        uiBannerPosition: 'top',
      });
      const anonymous = await (await api.rest('/api/v1/settings', { token: 'not.a.token' })).json();
      expect(anonymous.controllerNamespace).toBeUndefined();
      expect(anonymous.uiBannerContent).toBeUndefined();
      expect(anonymous.passwordPattern).toBeUndefined();
    });

    it('reads argocd-cm as Argo CD does: help, analytics, kustomize, urls, dex and OIDC without their secrets', async () => {
      await setArgocdCm({
        url: 'https://cd.example.com',
        additionalUrls: '- https://cd.internal.example.com\n- https://cd2.example.com\n',
        'statusbadge.enabled': 'true',
        'statusbadge.url': 'https://badges.example.com/',
        'help.chatUrl': 'https://chat.example.com',
        'help.download.linux-amd64': 'https://dl.example.com/argocd-linux-amd64',
        'ga.trackingid': 'UA-1',
        'ga.anonymizeusers': 'false',
        'kustomize.buildOptions': '--enable-helm',
        'kustomize.version.v5.4.3': '/usr/local/bin/kustomize-5.4.3',
        'exec.enabled': 'true',
        'ui.view.resources.disabled': 'true',
        installationID: 'fleet-eu',
        'admin.enabled': 'false',
        'dex.config': 'connectors:\n- type: github\n  id: gh\n  name: GitHub\n  config:\n    clientSecret: dex-secret-value\n',
        'dex.auth.connectorId': 'gh',
        'oidc.config':
          'name: Okta\nissuer: https://okta.example.com\nclientID: abc\nclientSecret: oidc-secret-value\nrequestedScopes: [openid, groups]\n',
      });
      const text = await (await api.rest('/api/v1/settings', { token: null })).text();
      expect(text).not.toContain('dex-secret-value');
      expect(text).not.toContain('oidc-secret-value');
      expect(JSON.parse(text)).toEqual({
        url: 'https://cd.example.com',
        additionalUrls: ['https://cd.internal.example.com', 'https://cd2.example.com'],
        appLabelKey: 'app.kubernetes.io/instance',
        statusBadgeEnabled: true,
        statusBadgeRootUrl: 'https://badges.example.com/',
        googleAnalytics: { trackingID: 'UA-1' },
        kustomizeOptions: { buildOptions: '--enable-helm' },
        kustomizeVersions: ['v5.4.3'],
        help: {
          chatUrl: 'https://chat.example.com',
          chatText: 'Chat now!',
          binaryUrls: { 'linux-amd64': 'https://dl.example.com/argocd-linux-amd64' },
        },
        // admin is disabled and no other account may log in.
        userLoginsDisabled: true,
        execEnabled: true,
        installationID: 'fleet-eu',
        trackingMethod: 'annotation',
        syncWithReplaceAllowed: true,
        dexConfig: { connectors: [{ type: 'github', id: 'gh', name: 'GitHub' }], dexAuthConnectorID: 'gh' },
        oidcConfig: { name: 'Okta', issuer: 'https://okta.example.com', clientID: 'abc', scopes: ['openid', 'groups'] },
      });
    });

    it("shows a logged-in caller argocd-cm's resource customizations as Argo's resourceOverrides, and no plugins", async () => {
      const none = 'jqPathExpressions: null\njsonPointers: null\nmanagedFieldsManagers: null\n';
      // By default status is ignored for every kind (resource.compareoptions' ignoreResourceStatusField: all).
      expect((await (await api.rest('/api/v1/settings')).json()).resourceOverrides).toEqual({
        '*/*': { ignoreDifferences: 'jqPathExpressions: null\njsonPointers:\n- /status\nmanagedFieldsManagers: null\n', ignoreResourceUpdates: none },
      });
      await setArgocdCm({
        'resource.customizations':
          'argoproj.io/Rollout:\n  health.lua: |\n    hs = {}\n    return hs\n  actions: |\n    discovery.lua: |\n      return {}\n  ignoreDifferences: |\n    jsonPointers:\n    - /spec/replicas\n',
        'resource.customizations.ignoreResourceUpdates.apps_Deployment': 'jqPathExpressions:\n- .status.observedGeneration\n',
        'resource.customizations.knownTypeFields.argoproj.io_Rollout': '- field: spec.template.spec\n  type: core/v1/PodSpec\n',
        'resource.customizations.useOpenLibs.argoproj.io_Rollout': 'true',
        'resource.customizations.health.ConfigMap': 'return {status = "Healthy"}',
        'resource.compareoptions': 'ignoreResourceStatusField: crd\n',
      });
      const expected = {
        'apiextensions.k8s.io/CustomResourceDefinition': { ignoreDifferences: 'jqPathExpressions: null\njsonPointers:\n- /status\nmanagedFieldsManagers: null\n', ignoreResourceUpdates: none },
        'apps/Deployment': { ignoreDifferences: none, ignoreResourceUpdates: 'jqPathExpressions:\n- .status.observedGeneration\njsonPointers: null\nmanagedFieldsManagers: null\n' },
        'argoproj.io/Rollout': {
          'health.lua': 'hs = {}\nreturn hs\n',
          'health.lua.useOpenLibs': true,
          actions: 'discovery.lua: |\n  return {}\n',
          ignoreDifferences: 'jqPathExpressions: null\njsonPointers:\n- /spec/replicas\nmanagedFieldsManagers: null\n',
          ignoreResourceUpdates: none,
          knownTypeFields: [{ field: 'spec.template.spec', type: 'core/v1/PodSpec' }],
        },
        ConfigMap: { 'health.lua': 'return {status = "Healthy"}', ignoreDifferences: none, ignoreResourceUpdates: none },
      };
      const settings = await (await api.rest('/api/v1/settings')).json();
      expect(settings.resourceOverrides).toEqual(expected);
      expect(settings.plugins).toBeUndefined();
      const overGrpc = await call(api.clients.settings, 'Get', {}, api.md());
      expect(JSON.parse(overGrpc.resourceOverrides.json)).toEqual(expected);
      expect(overGrpc.plugins).toEqual([]);
      // Argo keeps them from a caller who has not logged in.
      expect((await (await api.rest('/api/v1/settings', { token: null })).json()).resourceOverrides).toBeUndefined();
      expect((await call(api.clients.settings, 'Get', {})).resourceOverrides).toBeNull();
    });

    it('answers over gRPC with the same message', async () => {
      const settings = await call(api.clients.settings, 'Get', {});
      expect(settings).toMatchObject({ appLabelKey: 'app.kubernetes.io/instance', userLoginsDisabled: false, resourceViewEnabled: true });
      expect(settings.controllerNamespace).toBe('');
      expect((await call(api.clients.settings, 'Get', {}, api.md())).controllerNamespace).toBe(api.namespace);
    });
  });

  describe('GET /api/version', () => {
    it("answers Argo's VersionMessage fields, without login, over REST and gRPC", async () => {
      const res = await api.rest('/api/version', { token: null });
      expect(res.status).toBe(200);
      const version = await res.json();
      expect(version).toMatchObject({
        Version: expect.stringMatching(/^v\d+\.\d+\.\d+/),
        GitCommit: expect.stringMatching(/^[0-9a-f]{40}$/),
        GitTreeState: expect.stringMatching(/^(clean|dirty)$/),
        Platform: expect.stringMatching(/^linux\/(amd64|arm64)$/),
        ExtraBuildInfo: `Node.js ${process.version}`,
      });
      const known = [
        'Version',
        'BuildDate',
        'GitCommit',
        'GitTag',
        'GitTreeState',
        'GoVersion',
        'Compiler',
        'Platform',
        'KustomizeVersion',
        'HelmVersion',
        'KubectlVersion',
        'JsonnetVersion',
        'ExtraBuildInfo',
      ];
      for (const [key, value] of Object.entries(version)) {
        expect(known).toContain(key);
        expect(typeof value).toBe('string');
      }
      expect(await call(api.clients.version, 'Version', {})).toMatchObject({
        Version: version.Version,
        ExtraBuildInfo: version.ExtraBuildInfo,
      });
    });
  });

  describe('/healthz', () => {
    it('answers ok on the API port, and with full=true once the clusters can be read', async () => {
      const res = await api.rest('/healthz', { token: null });
      expect(res.status).toBe(200);
      expect(await res.text()).toBe('ok\n');
      const full = await api.rest('/healthz?full=true', { token: null });
      expect(full.status).toBe(200);
      expect(await full.text()).toBe('ok\n');
    });
  });
});
