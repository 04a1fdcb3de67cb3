local actions = {}
actions["pause"] = { ["disabled"] = obj.spec.paused == true }
actions["resume"] = { ["disabled"] = obj.spec.paused ~= true }
return actions
