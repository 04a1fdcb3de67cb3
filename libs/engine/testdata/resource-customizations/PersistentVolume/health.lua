-- A PersistentVolume by its phase; the capacity is printed in GiB.
local phase = obj.status and obj.status.phase or "Pending"
local gib = ""
if obj.metadata.annotations ~= nil and obj.metadata.annotations["example.com/bytes"] ~= nil then
  gib = " (" .. tonumber(obj.metadata.annotations["example.com/bytes"]) / math.pow(2, 30) .. " GiB)"
end
if phase == "Bound" or phase == "Available" then
  return { status = "Healthy", message = phase .. gib }
elseif phase == "Failed" then
  return { status = "Degraded", message = (obj.status.message or "failed") .. gib }
end
return { status = "Progressing", message = phase .. gib }
