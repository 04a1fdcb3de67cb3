import { actionsFor, parseActionOverrides } from './action-overrides';
import type { CustomizationsLibrary } from './customizations-dir';

const library: CustomizationsLibrary = {
  kinds: [{ key: 'apps/Deployment', dir: '/lib/apps/Deployment', actions: { discovery: 'library discovery', scripts: { restart: 'library restart', pause: 'library pause' } } }],
  warnings: [],
};

describe("argocd-cm's resource actions", () => {
  it('reads split keys and the actions field of resource.customizations, warning about bad definitions', () => {
    const { actions, warnings } = parseActionOverrides({
      'resource.customizations.actions.apps_Deployment': 'discovery.lua: cm discovery\ndefinitions:\n- name: restart\n  action.lua: cm restart\n- name: broken\nmergeBuiltinActions: true\n',
      'resource.customizations': 'example.com/Widget:\n  actions: |\n    discovery.lua: widget discovery\n',
    });
    expect(actions).toEqual({
      'apps/Deployment': { discovery: 'cm discovery', definitions: { restart: 'cm restart' }, mergeBuiltinActions: true },
      'example.com/Widget': { discovery: 'widget discovery', definitions: {}, mergeBuiltinActions: false },
    });
    expect(warnings).toEqual(['resource.customizations.actions.apps_Deployment: each definition needs a name and an action.lua']);
  });

  it("puts argocd-cm's scripts before the library's, and its discovery replaces the library's unless merged", () => {
    const merged = parseActionOverrides({ 'resource.customizations.actions.apps_Deployment': 'discovery.lua: cm\nmergeBuiltinActions: true\ndefinitions:\n- name: restart\n  action.lua: cm restart\n' }).actions;
    const kind = actionsFor(merged, library, 'apps/Deployment');
    expect(kind.discovery).toEqual(['cm', 'library discovery']);
    expect([kind.script('restart'), kind.script('pause'), kind.script('nope')]).toEqual(['cm restart', 'library pause', undefined]);
    const replaced = parseActionOverrides({ 'resource.customizations.actions.apps_Deployment': 'discovery.lua: cm\n' }).actions;
    expect(actionsFor(replaced, library, 'apps/Deployment').discovery).toEqual(['cm']);
    expect(actionsFor({}, library, 'apps/Deployment').discovery).toEqual(['library discovery']);
  });
});
