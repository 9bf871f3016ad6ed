-- wrk script: POST /v1/classify with real descriptions, one per line of the
-- file named by the environment variable ICP_LOAD_TEXTS (JSON bodies made here).
local texts = {}
local function json_string(s)
  return '"' .. s:gsub('[%c"\\]', function(c)
    if c == '"' then return '\\"' elseif c == '\\' then return '\\\\' end
    return string.format('\\u%04x', c:byte())
  end) .. '"'
end
for line in io.lines(os.getenv("ICP_LOAD_TEXTS")) do
  if #line > 0 then texts[#texts + 1] = '{"text":' .. json_string(line) .. '}' end
end
local i = 0
request = function()
  i = i % #texts + 1
  return wrk.format("POST", "/v1/classify", { ["Content-Type"] = "application/json" }, texts[i])
end
local non_200 = 0
response = function(status) if status ~= 200 then non_200 = non_200 + 1 end end
done = function(summary, latency)
  io.write(string.format("RESULT requests=%d rps=%.0f p50_ms=%.2f p99_ms=%.2f errors=%d\n",
    summary.requests, summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000,
    latency:percentile(99) / 1000, summary.errors.connect + summary.errors.read + summary.errors.write +
    summary.errors.status + summary.errors.timeout))
end
