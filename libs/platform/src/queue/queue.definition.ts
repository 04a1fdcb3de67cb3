/** A queue's name and the type of its jobs' data, shared by producer and consumer. */
export interface QueueDef<TData> {
  readonly name: string;
  /** Type-only marker: carries TData, never set at runtime. */
  readonly __data?: TData;
}

/** Declares a queue once, in the module that owns its processor. */
export function defineQueue<TData>(name: string): QueueDef<TData> {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new Error(`queue name "${name}" may contain only letters, digits, - and _`);
  return { name };
}
