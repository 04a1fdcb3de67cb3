import * as grpc from '@grpc/grpc-js';
import { EventEmitter } from 'node:events';
import { BoundedStreamSender, type StreamCall } from './server-stream';

/** A transport that takes `room` messages, then reports a full buffer until drained. */
class FakeCall extends EventEmitter {
  written: number[] = [];
  ended = false;
  status?: Partial<grpc.StatusObject>;
  constructor(public room: number) {
    super();
  }
  write(message: number): boolean {
    this.written.push(message);
    return --this.room > 0;
  }
  end(): void {
    this.ended = true;
  }
  override emit(event: string | symbol, ...args: unknown[]): boolean {
    if (event === 'error') {
      this.status = args[0] as Partial<grpc.StatusObject>;
      return true;
    }
    return super.emit(event, ...args);
  }
  drain(room: number): void {
    this.room = room;
    super.emit('drain');
  }
}

const senderOn = (call: FakeCall, limit: number) => new BoundedStreamSender<number>(call as unknown as StreamCall<unknown, number>, limit);

describe('BoundedStreamSender', () => {
  it('queues what the transport cannot take yet and writes it, in order, when it drains', () => {
    const call = new FakeCall(2);
    const sender = senderOn(call, 10);
    for (let i = 1; i <= 5; i++) sender.send(i);
    expect(call.written).toEqual([1, 2]);
    call.drain(100);
    expect(call.written).toEqual([1, 2, 3, 4, 5]);
    sender.send(6);
    expect(call.written).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('closes with RESOURCE_EXHAUSTED once more than its limit waits, and tells the producer to stop', () => {
    const call = new FakeCall(1);
    const sender = senderOn(call, 3);
    for (let i = 1; i <= 4; i++) sender.send(i);
    expect(call.status).toBeUndefined();
    sender.send(5);
    expect(sender.signal.aborted).toBe(true);
    expect(call.status).toEqual({
      code: grpc.status.RESOURCE_EXHAUSTED,
      details: 'stream closed: the client did not keep up, and more than 3 messages were waiting to be sent',
    });
    sender.send(6);
    call.drain(100);
    expect(call.written).toEqual([1]);
  });

  it('ends after what is queued is written, with the status of a failure', () => {
    const call = new FakeCall(1);
    const sender = senderOn(call, 10);
    sender.send(1);
    sender.send(2);
    sender.finish(new Error('tree gone'));
    expect(call.status).toBeUndefined();
    call.drain(100);
    expect(call.written).toEqual([1, 2]);
    expect(call.status).toEqual({ code: grpc.status.UNKNOWN, details: 'tree gone' });

    const ok = new FakeCall(5);
    const done = senderOn(ok, 10);
    done.send(1);
    done.finish();
    expect(ok.ended).toBe(true);
    expect(done.signal.aborted).toBe(true);
  });

  it('tells the producer when the client goes away', () => {
    const call = new FakeCall(5);
    const sender = senderOn(call, 10);
    call.emit('cancelled');
    expect(sender.signal.aborted).toBe(true);
    sender.send(1);
    expect(call.written).toEqual([]);
  });
});
