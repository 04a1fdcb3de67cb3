export * from './kube-api.error';
export * from './kube.types';
export * from './kube.client';
export * from './informer';
export * from './kube-client.factory';
export * from './crd.installer';
export * from './event.recorder';
export * from './namespace.reader';
