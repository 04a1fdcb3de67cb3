// Opens an ApiClient for the command being run, from its global flags and the local config.
import type { Command } from 'commander';
import type { CliConfig } from '../cli.config';
import { ApiClient } from './api.client';
import { resolveServerTarget, type GlobalOptions } from './server-target';

export function globalsOf(cmd: Command): GlobalOptions {
  const o = cmd.optsWithGlobals<GlobalOptions & { flotillaContext?: string }>();
  return { server: o.server, authToken: o.authToken, plaintext: o.plaintext, insecure: o.insecure, config: o.config, context: o.flotillaContext };
}

/** Runs `fn` with a client for the resolved server and closes the client afterwards. */
export async function withApi<T>(cmd: Command, config: CliConfig, fn: (api: ApiClient) => Promise<T>): Promise<T> {
  const api = new ApiClient(resolveServerTarget(globalsOf(cmd), config));
  try {
    return await fn(api);
  } finally {
    api.close();
  }
}
