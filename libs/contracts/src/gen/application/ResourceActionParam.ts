// Original file: proto/application/application.proto

export interface ResourceActionParam {
  name?: string;
  value?: string;
  type?: string;
  default?: string;
}

export interface ResourceActionParam__Output {
  name: string;
  value: string;
  type: string;
  default: string;
}
