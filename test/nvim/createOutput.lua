-- Headless Neovim 0.7 (with documentChanges) applies Proofmark's "Create …" quick fixes the way
-- vim.lsp.buf.code_action does (the edit, then the command), on lines whose expected output exists on disk although the
-- server's index does not know it. Neovim 0.7 truncates the target of every CreateFile it applies
-- (io.open(fname, 'w')), so a fix that is sent for an existing file destroys it.
-- Steps, each printed as `STEP <name> <json>`:
--   ignored: the output lies under out/ (ignored by default) and exists;
--   later:   the output is written after the index, with no watched-file event;
--   between: the fix is asked for while the output is missing, the output is written, then the fix runs.
local pm = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/proofmark.lua')
local root = pm.root
local notes = assert(os.getenv('PROOFMARK_NOTES'), 'PROOFMARK_NOTES is not set')
local out, fail = pm.out, pm.fail

-- Neovim 0.7 does not announce documentChanges by default; users (and plugins) turn it on, and it
-- is what lets a server send CreateFile at all.
local capabilities = vim.lsp.protocol.make_client_capabilities()
capabilities.workspace.workspaceEdit.documentChanges = true

local client_id, status = pm.start({ capabilities = capabilities })

vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/TODO001.md'))
vim.lsp.buf_attach_client(0, client_id)
if not vim.wait(120000, function() return status.ready and #vim.diagnostic.get(0) > 0 end, 50) then fail('no diagnostics') end
local client = vim.lsp.get_client_by_id(client_id)
local bufnr = vim.api.nvim_get_current_buf()

local function write(rel)
  local f = assert(io.open(root .. '/' .. rel, 'w'))
  f:write(notes)
  f:close()
end

local function create_actions(line)
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(bufnr) },
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
    context = { diagnostics = {} },
  }
  local response = client.request_sync('textDocument/codeAction', params, 20000, bufnr)
  if not response or response.err then fail('codeAction failed: ' .. vim.inspect(response)) end
  local found = {}
  for _, action in ipairs(response.result or {}) do
    if action.title:sub(1, 7) == 'Create ' then table.insert(found, action) end
  end
  return found
end

-- As vim.lsp.buf.code_action applies a chosen action in 0.7: its edit, then its command.
local function apply(action)
  if action.edit then vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding) end
  if not action.command then return 'applied its edit' end
  local command = type(action.command) == 'table' and action.command or action
  local done, answer = false, nil
  client.request('workspace/executeCommand', command, function(err) answer = err and err.message or 'applied'; done = true end, bufnr)
  if not vim.wait(20000, function() return done end, 20) then fail('executeCommand did not answer') end
  return answer
end

-- The SHA-256 of a file's bytes as they are on disk, or vim.NIL when there is no file.
local function sha256(rel)
  local f = io.open(root .. '/' .. rel, 'rb')
  if not f then return vim.NIL end
  local bytes = f:read('*a')
  f:close()
  return vim.fn.sha256(bytes)
end

-- Applies the actions with `rel` on disk, and reports its hash just before and just after.
local function step(name, actions, rel)
  local titles, answers = {}, {}
  local before = sha256(rel)
  for _, action in ipairs(actions) do
    table.insert(titles, action.title)
    table.insert(answers, apply(action))
  end
  out('STEP ' .. name .. ' ' .. vim.fn.json_encode({ file = rel, offered = titles, answers = answers, before = before, after = sha256(rel) }))
end

local function run()
  local lines = vim.fn.json_decode((assert(os.getenv('PROOFMARK_LINES'), 'PROOFMARK_LINES is not set')))
  step('ignored', create_actions(lines.ignored), 'out/TODO001_phase2_decisions.md')
  write('TODO001_phase4_notes.md')
  step('later', create_actions(lines.later), 'TODO001_phase4_notes.md')
  local offered = create_actions(lines.between)
  write('TODO001_phase4_decisions.md')
  step('between', offered, 'TODO001_phase4_decisions.md')
end
local ok, err = pcall(run)
if not ok then fail(tostring(err)) end

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
out('DONE')
vim.cmd('qall!')
