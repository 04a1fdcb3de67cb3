// Original file: proto/flotilla/json.proto

export interface JsonObject {
  json?: string;
}

export interface JsonObject__Output {
  json: string;
}
