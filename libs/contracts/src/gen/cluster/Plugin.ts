// Original file: proto/settings/settings.proto

export interface Plugin {
  name?: string;
}

export interface Plugin__Output {
  name: string;
}
