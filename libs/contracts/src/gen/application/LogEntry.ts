// Original file: proto/application/application.proto

/**
 * A line of a pod's log as Argo's PodLogs streams it. Argo declares every field required, so the REST
 * gateway writes each one even when empty or false (the closing entry, last, has no content or pod).
 */
export interface LogEntry {
  content?: string;
  /**
   * RFC 3339 to the second, as Kubernetes' meta.v1.Time writes it.
   */
  timeStamp?: string;
  last?: boolean;
  /**
   * RFC 3339 with nanoseconds.
   */
  timeStampStr?: string;
  podName?: string;
}

/**
 * A line of a pod's log as Argo's PodLogs streams it. Argo declares every field required, so the REST
 * gateway writes each one even when empty or false (the closing entry, last, has no content or pod).
 */
export interface LogEntry__Output {
  content: string;
  /**
   * RFC 3339 to the second, as Kubernetes' meta.v1.Time writes it.
   */
  timeStamp: string;
  last: boolean;
  /**
   * RFC 3339 with nanoseconds.
   */
  timeStampStr: string;
  podName: string;
}
