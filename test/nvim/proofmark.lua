-- What the Neovim scripts share: output lines for the test (`out`, `fail`, `step`) and starting the
-- Proofmark server as an LSP client with the environment headless.ts sets (PROOFMARK_SERVER,
-- PROOFMARK_ROOT, PROOFMARK_STORAGE). Load with dofile(<this folder> .. '/proofmark.lua').
local M = {}

M.server = assert(os.getenv('PROOFMARK_SERVER'), 'PROOFMARK_SERVER is not set')
M.root = assert(os.getenv('PROOFMARK_ROOT'), 'PROOFMARK_ROOT is not set')
M.storage = os.getenv('PROOFMARK_STORAGE')

function M.out(s) io.stdout:write(s .. '\n') end
function M.fail(s) M.out('FAIL ' .. s); vim.cmd('cquit 1') end
function M.step(name, value) M.out('STEP ' .. name .. ' ' .. vim.fn.json_encode(value)) end

-- Starts the server on the root; `status.ready` turns true when it reports the folder indexed
-- (proofmark/indexStatus "ready", sent after the index's diagnostics). `extra` adds client options
-- (capabilities, on_exit). Returns the client id and the status table; fails when it cannot start.
function M.start(extra)
  local status = { ready = false }
  local config = {
    name = 'proofmark',
    cmd = { 'node', M.server, '--stdio' },
    root_dir = M.root,
    init_options = { storagePath = M.storage },
    handlers = {
      ['proofmark/indexStatus'] = function(_, result)
        if result and result.state == 'ready' then status.ready = true end
      end,
    },
  }
  for k, v in pairs(extra or {}) do config[k] = v end
  local client_id = vim.lsp.start_client(config)
  if not client_id then M.fail('start_client returned nil') end
  return client_id, status
end

return M
