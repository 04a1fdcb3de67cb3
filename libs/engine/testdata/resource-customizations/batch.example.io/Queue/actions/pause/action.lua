obj.spec.paused = true
obj.spec.pausedAt = os.time()
return obj
