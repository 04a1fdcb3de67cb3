/**
 * Starts a login attempt for one client and user, atomically so that concurrent attempts (from any
 * replica) cannot slip past the backoff together. The attempt counts as a failure at once and
 * success clears it, so only N attempts ever run before the delay applies.
 *
 * KEYS[1]: hash, field -> "count:retryAtMs"; KEYS[2]: sorted set, field -> last attempt (ms).
 * ARGV: field, maxFailures, windowMs (0: never forget), maxEntries, baseDelayMs, maxDelayMs.
 * Returns {1, 0, count} when the attempt may go ahead, {0, waitMs, count} while backing off.
 */
export const BEGIN_LOGIN_ATTEMPT = `
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local field = ARGV[1]
local maxFailures, windowMs, maxEntries = tonumber(ARGV[2]), tonumber(ARGV[3]), tonumber(ARGV[4])
local baseMs, capMs = tonumber(ARGV[5]), tonumber(ARGV[6])
if windowMs > 0 then
  local stale = redis.call('ZRANGEBYSCORE', KEYS[2], '-inf', '(' .. (now - windowMs), 'LIMIT', 0, 100)
  if #stale > 0 then
    redis.call('HDEL', KEYS[1], unpack(stale))
    redis.call('ZREM', KEYS[2], unpack(stale))
  end
end
local count, retryAt = 0, 0
local entry = redis.call('HGET', KEYS[1], field)
if entry then
  local sep = string.find(entry, ':', 1, true)
  count = tonumber(string.sub(entry, 1, sep - 1))
  retryAt = tonumber(string.sub(entry, sep + 1))
end
if now < retryAt then return {0, retryAt - now, count} end
count = count + 1
retryAt = 0
if count >= maxFailures then retryAt = now + math.min(baseMs * 2 ^ (count - maxFailures), capMs) end
redis.call('HSET', KEYS[1], field, string.format('%d:%d', count, retryAt))
redis.call('ZADD', KEYS[2], now, field)
local excess = redis.call('ZCARD', KEYS[2]) - maxEntries
if excess > 0 then
  local evicted = redis.call('ZPOPMIN', KEYS[2], excess)
  for i = 1, #evicted, 2 do redis.call('HDEL', KEYS[1], evicted[i]) end
end
if windowMs > 0 then
  redis.call('PEXPIRE', KEYS[1], windowMs)
  redis.call('PEXPIRE', KEYS[2], windowMs)
end
return {1, 0, count}
`;
