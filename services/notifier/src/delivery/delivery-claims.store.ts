// A notification goes out once even when its delivery runs twice: after a replica died mid-delivery
// (BullMQ hands the stalled job to another), or when the same event was queued again after its job
// had been removed. Before sending, the delivery claims the event (its job id) in Redis; once sent,
// the event is marked sent and remembered for a week. A second delivery finds it sent and sends
// nothing, or finds it being sent and waits for that outcome. Only a replica dying between the
// receiver taking the request and the mark being written can still cause a second send.
import type { Redis } from 'ioredis';

/** How long a sent event is remembered: far longer than any retry or re-queue of it can come. */
const SENT_RETENTION_MS = 7 * 24 * 3600 * 1000;
const SENT = 'sent';
const POLL_MS = 200;

// Claim a free event (or renew our own claim); report one sent or being sent by someone else.
const CLAIM = `local v = redis.call('get', KEYS[1])
if v == false then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) return 'claimed' end
if v == '${SENT}' then return '${SENT}' end
if v == ARGV[1] then redis.call('pexpire', KEYS[1], ARGV[2]) return 'claimed' end
return 'busy'`;
const RELEASE = `if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end`;

export type ClaimOutcome = 'claimed' | 'sent';

export class DeliveryClaims {
  private readonly holder: string;

  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    identity: string,
    /** How long a claim outlives a replica that died holding it; longer than any send takes. */
    private readonly claimMs: number,
  ) {
    this.holder = `sending:${identity}`;
  }

  /**
   * Claims the event for sending, or says it was sent already. While another delivery holds it this
   * waits for its outcome (it is sent, or the claim is released or lapses); throws if that takes
   * longer than a claim lives.
   */
  async claim(eventId: string): Promise<ClaimOutcome> {
    const deadline = Date.now() + this.claimMs + POLL_MS * 5;
    for (;;) {
      const outcome = (await this.redis.eval(CLAIM, 1, this.key(eventId), this.holder, String(this.claimMs))) as ClaimOutcome | 'busy';
      if (outcome !== 'busy') return outcome;
      if (Date.now() > deadline) throw new Error(`notification ${eventId} is being sent by another replica`);
      await new Promise((r) => setTimeout(r, POLL_MS));
    }
  }

  /** The event went out: no other delivery of it sends again. */
  async sent(eventId: string): Promise<void> {
    await this.redis.set(this.key(eventId), SENT, 'PX', SENT_RETENTION_MS);
  }

  /** Sending failed: the next attempt (here or elsewhere) may claim it at once. */
  async release(eventId: string): Promise<void> {
    await this.redis.eval(RELEASE, 1, this.key(eventId), this.holder);
  }

  private key(eventId: string): string {
    return `${this.prefix}:${eventId}`;
  }
}
