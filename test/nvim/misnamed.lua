-- Headless Neovim 0.7 on a git repository where a file was renamed and an expected output is cited
-- under a name that drifted. Prints, each as `STEP <name> <json>`:
--   moved:   the diagnostics of REPORT once one tells the git history of its missing file;
--   offered: the quick fixes offered on LINE of TODO (0-based) for the drifted name;
--   fixed:   that line after the "Write …" fix was applied as vim.lsp.buf.code_action applies it.
local pm = dofile(vim.fn.fnamemodify(debug.getinfo(1, 'S').source:sub(2), ':h') .. '/proofmark.lua')
local root = pm.root
local line = tonumber((assert(os.getenv('PROOFMARK_LINE'), 'PROOFMARK_LINE is not set')))
local out, fail, step = pm.out, pm.fail, pm.step

local client_id, status = pm.start()
local client = vim.lsp.get_client_by_id(client_id)

local function messages(bufnr)
  local found = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do table.insert(found, d.message) end
  return found
end

local function run()
  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/docs/REFACTOR_SUMMARY.md'))
  vim.lsp.buf_attach_client(0, client_id)
  local report = vim.api.nvim_get_current_buf()
  local told = vim.wait(120000, function()
    for _, m in ipairs(messages(report)) do
      if m:find('was moved to', 1, true) then return true end
    end
    return false
  end, 50)
  step('moved', { told = told, messages = messages(report) })

  vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/TODO001.md'))
  vim.lsp.buf_attach_client(0, client_id)
  local todo = vim.api.nvim_get_current_buf()
  if not vim.wait(60000, function() return status.ready and #vim.diagnostic.get(todo) > 0 end, 50) then fail('no diagnostics for TODO001.md') end
  local params = {
    textDocument = { uri = vim.uri_from_bufnr(todo) },
    range = { start = { line = line, character = 0 }, ['end'] = { line = line, character = 0 } },
    context = { diagnostics = {} },
  }
  local response = client.request_sync('textDocument/codeAction', params, 20000, todo)
  if not response or response.err then fail('codeAction failed: ' .. vim.inspect(response)) end
  local titles, chosen = {}, nil
  for _, action in ipairs(response.result or {}) do
    if action.title:sub(1, 6) == 'Write ' then
      table.insert(titles, action.title)
      chosen = chosen or action
    end
  end
  step('offered', titles)
  if not chosen or not chosen.edit then fail('no "Write" fix with an edit') end
  vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
  step('fixed', vim.api.nvim_buf_get_lines(todo, line, line + 1, false))
end
local ok, err = pcall(run)
if not ok then fail(tostring(err)) end

vim.lsp.stop_client(client_id)
vim.wait(5000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
out('DONE')
vim.cmd('qall!')
