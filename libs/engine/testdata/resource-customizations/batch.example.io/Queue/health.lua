-- A Queue is Degraded when its oldest pending message has waited longer than spec.maxAgeSeconds.
if obj.spec.paused then
  return { status = "Suspended", message = "Paused since " .. os.date("!%Y-%m-%d %H:%M", obj.spec.pausedAt) .. " UTC" }
end
local pending = {}
if obj.status ~= nil and obj.status.pending ~= nil then
  pending = obj.status.pending
end
if table.getn(pending) == 0 then
  return { status = "Healthy", message = "No pending messages" }
end
local ages = {}
for _, p in ipairs(pending) do
  table.insert(ages, p.ageSeconds)
end
table.sort(ages, function(a, b) return a >= b end)
local limit = obj.spec.maxAgeSeconds or 300
if ages[1] > limit then
  return { status = "Degraded", message = "Oldest message waited " .. ages[1] .. "s, over the limit of " .. limit .. "s" }
end
return { status = "Progressing", message = table.getn(pending) .. " pending, oldest " .. ages[1] / 60 .. " min" }
