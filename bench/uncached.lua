-- Adds a parameter the portal ignores, different on every request, so the page cache never answers: what a page costs
-- to render (as on the first request after an edit), not what the cache costs.
local n = 0
request = function()
  n = n + 1
  local path = wrk.path
  local sep = string.find(path, "?", 1, true) and "&" or "?"
  return wrk.format(nil, path .. sep .. "nocache=" .. n)
end
