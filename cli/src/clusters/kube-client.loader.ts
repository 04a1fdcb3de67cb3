// The modules that use @kubernetes/client-node, loaded when a command first needs them: that package
// takes ~1 s to load, which every other command would pay at start-up.
//
// require() rather than import(): under `module: nodenext` a dynamic import() of a relative path needs
// a file extension, which the SWC-compiled CommonJS could not then resolve.
/* eslint-disable @typescript-eslint/no-require-imports */

export const loadKubeconfigReader = (): typeof import('./kubeconfig.reader') => require('./kubeconfig.reader') as typeof import('./kubeconfig.reader');

export const loadClusterManagerInstaller = (): typeof import('./cluster-manager.installer') =>
  require('./cluster-manager.installer') as typeof import('./cluster-manager.installer');
