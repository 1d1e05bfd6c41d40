-- Headless Neovim 0.7 as an independent LSP client of the Proofmark server.
-- Starts `node dist/server.js --stdio` on ROOT, opens FILE, waits until the server reports the
-- folder indexed (proofmark/indexStatus "ready", sent after the index's diagnostics) and the
-- buffer has diagnostics, prints each as `DIAG <json>`, and exits non-zero when none arrive.
local server = assert(os.getenv('PROOFMARK_SERVER'), 'PROOFMARK_SERVER is not set')
local root = assert(os.getenv('PROOFMARK_ROOT'), 'PROOFMARK_ROOT is not set')
local file = assert(os.getenv('PROOFMARK_FILE'), 'PROOFMARK_FILE is not set')
local storage = os.getenv('PROOFMARK_STORAGE')
local function out(s) io.stdout:write(s .. '\n') end

local ready = false
local client_id = vim.lsp.start_client({
  name = 'proofmark',
  cmd = { 'node', server, '--stdio' },
  root_dir = root,
  init_options = { storagePath = storage },
  handlers = {
    ['proofmark/indexStatus'] = function(_, result)
      if result and result.state == 'ready' then ready = true end
    end,
  },
  on_exit = function(code) out('EXIT ' .. tostring(code)) end,
})
if not client_id then out('FAIL start_client returned nil'); vim.cmd('cquit 2') end

vim.cmd('edit ' .. vim.fn.fnameescape(file))
vim.lsp.buf_attach_client(0, client_id)
local ok = vim.wait(300000, function() return ready and #vim.diagnostic.get(0) > 0 end, 100)
local v = vim.version()
out(string.format('NVIM %d.%d.%d ready=%s', v.major, v.minor, v.patch, tostring(ready)))
for _, d in ipairs(vim.diagnostic.get(0)) do
  out('DIAG ' .. vim.fn.json_encode({ lnum = d.lnum, col = d.col, end_lnum = d.end_lnum, end_col = d.end_col, severity = d.severity, code = d.code, source = d.source, message = d.message }))
end
vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
if not ok then out('FAIL no diagnostics'); vim.cmd('cquit 1') end
vim.cmd('qall!')
