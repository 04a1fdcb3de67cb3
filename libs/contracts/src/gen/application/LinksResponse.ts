// Original file: proto/application/application.proto

import type { LinkInfo as _application_LinkInfo, LinkInfo__Output as _application_LinkInfo__Output } from '../application/LinkInfo';

export interface LinksResponse {
  items?: _application_LinkInfo[];
}

export interface LinksResponse__Output {
  items: _application_LinkInfo__Output[];
}
