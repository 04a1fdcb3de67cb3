// Original file: proto/reposerver/reposerver.proto

export interface AppList {
  apps?: { [key: string]: string };
}

export interface AppList__Output {
  apps: { [key: string]: string };
}
