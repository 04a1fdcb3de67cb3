/** Failures a test can switch on to see how clients survive an unhealthy cluster. */
export interface FaultSettings {
  /** Close the listening socket and drop open connections: clients see ECONNREFUSED. */
  refuseConnections: boolean;
  /** Accept requests and never answer them. */
  hang: boolean;
  /** Delay before every answer, in milliseconds. */
  latencyMs: number;
  /** Share (0..1) of requests answered with `errorCode` instead of being served. */
  errorRate: number;
  errorCode: 500 | 429 | 503;
}

export const NO_FAULTS: FaultSettings = { refuseConnections: false, hang: false, latencyMs: 0, errorRate: 0, errorCode: 500 };

/** The `faults` handle of a running sim; changes take effect on the next request. */
export interface Faults {
  readonly current: Readonly<FaultSettings>;
  set(change: Partial<FaultSettings>): Promise<void>;
  /** Invalidates one bearer token (a ServiceAccount token or the admin token). */
  revokeToken(token: string): void;
  clear(): Promise<void>;
}
