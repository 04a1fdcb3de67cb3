// Original file: proto/application/application.proto

export interface ResourceActionParameters {
  name?: string;
  value?: string;
}

export interface ResourceActionParameters__Output {
  name: string;
  value: string;
}
