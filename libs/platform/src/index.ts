export * from './config';
export * from './observability';
export * from './grpc';
export * from './redis';
export * from './queue';
export * from './bootstrap';
export * from './kube';
export * from './jq';
