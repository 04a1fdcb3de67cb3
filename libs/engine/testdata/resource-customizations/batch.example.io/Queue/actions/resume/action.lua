obj.spec.paused = false
obj.spec.pausedAt = nil
return obj
