// The Azure DevOps Git REST API (api-version 7.1) as both generators reach it: the organisation URL is `api`
// (https://dev.azure.com by default) + "/" + organization, and a personal access token goes as basic auth
// with an empty user name. https://learn.microsoft.com/en-us/rest/api/azure/devops/git/
import { ScmHttpClient, ScmHttpError, type ScmAuth } from '../scm-http';

export const AZURE_DEVOPS_API = 'https://dev.azure.com';
export const API_VERSION = '7.1';

export function azureDevOpsOrganizationUrl(api: string | undefined, organization: string): string {
  const base = api || AZURE_DEVOPS_API;
  return `${base}${base.endsWith('/') ? '' : '/'}${organization}`;
}

export function azureDevOpsClient(api: string | undefined, organization: string, auth: () => Promise<ScmAuth>): ScmHttpClient {
  return new ScmHttpClient({ host: 'Azure DevOps', baseUrl: azureDevOpsOrganizationUrl(api, organization), auth });
}

/** A PAT as Azure DevOps takes it; an empty one is anonymous access. */
export const patAuth = (token: string): ScmAuth => (token ? { kind: 'basic', username: '', password: token } : { kind: 'none' });

/** The `typeKey` of an Azure DevOps error answer (e.g. GitItemNotFoundException), if the error is one. */
export function azureTypeKey(err: unknown): string | undefined {
  if (!(err instanceof ScmHttpError)) return undefined;
  const key = (err.body as { typeKey?: unknown } | undefined)?.typeKey;
  return typeof key === 'string' ? key : undefined;
}

export const seg = encodeURIComponent;
