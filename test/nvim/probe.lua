-- Headless Neovim 0.7 as an independent LSP client of the Proofmark server.
-- Starts `node dist/server.js --stdio` on ROOT, opens FILE, waits until the server reports the
-- folder indexed (proofmark/indexStatus "ready", sent after the index's diagnostics) and the
-- buffer has diagnostics, prints each as `DIAG <json>`, and exits non-zero when none arrive.
local pm = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/proofmark.lua')
local file = assert(os.getenv('PROOFMARK_FILE'), 'PROOFMARK_FILE is not set')
local out = pm.out

local client_id, status = pm.start({ on_exit = function(code) out('EXIT ' .. tostring(code)) end })

vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, client_id)
local ok = vim.wait(300000, function() return status.ready and #vim.diagnostic.get(0) > 0 end, 100)
local v = vim.version()
out(string.format('NVIM %d.%d.%d ready=%s', v.major, v.minor, v.patch, tostring(status.ready)))
for _, d in ipairs(vim.diagnostic.get(0)) do
  out('DIAG ' .. vim.fn.json_encode({ lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, code = d.code, source = d.source, message = d.message }))
end
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
if not ok then out('FAIL no diagnostics'); vim.cmd('cquit 1') end
vim.cmd('qall!')
