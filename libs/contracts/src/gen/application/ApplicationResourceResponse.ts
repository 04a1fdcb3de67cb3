// Original file: proto/application/application.proto

export interface ApplicationResourceResponse {
  /**
   * The live object as JSON text (a Secret's values masked).
   */
  manifest?: string;
}

export interface ApplicationResourceResponse__Output {
  /**
   * The live object as JSON text (a Secret's values masked).
   */
  manifest: string;
}
