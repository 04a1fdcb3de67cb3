export { DEFAULT_JQ_TIMEOUT_MS, describeJqError, JqWasmClient, lazyJq, loadJq } from './jq-wasm.client';
export type { JqOptions, JqPathsResult, JqPathStep } from './jq-wasm.client';
