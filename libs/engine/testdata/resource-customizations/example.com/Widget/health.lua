-- A Widget is healthy once all its replicas are ready; a Failed condition makes it Degraded.
local hs = {}
if obj.status == nil then
  hs.status = "Progressing"
  hs.message = "Waiting for the widget controller"
  return hs
end
local conditions = obj.status.conditions or {}
for i = 1, table.getn(conditions) do
  local c = conditions[i]
  if c.type == "Failed" and c.status == "True" then
    hs.status = "Degraded"
    hs.message = c.message
    return hs
  end
end
local ready = obj.status.readyReplicas or 0
local wanted = obj.spec.replicas or 1
local size = ""
if obj.spec.storageBytes ~= nil then
  size = ", " .. tostring(obj.spec.storageBytes / 1e9) .. " GB each"
end
if ready < wanted then
  hs.status = "Progressing"
  hs.message = ready .. " of " .. wanted .. " replicas ready (" .. tostring(ready / wanted * 100) .. "%)" .. size
  return hs
end
hs.status = "Healthy"
hs.message = "All " .. wanted .. " replicas ready" .. size
return hs
