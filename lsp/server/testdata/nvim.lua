-- Neovim (0.7 or later), headless: the stock gopls and `singlepool lsp`
-- on one buffer. TestNeovim runs it and reads what it writes to SP_OUT.
local dir, sp, gopls = os.getenv('SP_DIR'), os.getenv('SP_BIN'), os.getenv('SP_GOPLS')
local out = assert(io.open(os.getenv('SP_OUT'), 'w'))
local function say(s) out:write(s .. '\n'); out:flush() end

vim.cmd('edit ' .. dir .. '/users/users.go')
local buf = vim.api.nvim_get_current_buf()
local gid = vim.lsp.start_client({ name = 'gopls', cmd = { gopls }, root_dir = dir })
local sid = vim.lsp.start_client({ name = 'singlepool', cmd = { sp, 'lsp' }, root_dir = dir })
vim.lsp.buf_attach_client(buf, gid)
vim.lsp.buf_attach_client(buf, sid)

local function diags(id)
  return vim.diagnostic.get(buf, { namespace = vim.lsp.diagnostic.get_namespace(id) })
end

-- An unsaved edit: a pool of its own, and a printf mistake for gopls.
vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(os.getenv('SP_EDITED'), '\n', { plain = true }))

vim.wait(120000, function() return #diags(sid) > 0 and #diags(gid) > 0 end, 100)
for _, d in ipairs(diags(sid)) do say('singlepool: ' .. d.message) end
for _, d in ipairs(diags(gid)) do say('gopls: ' .. d.message) end

local d = diags(sid)[1]
if d then
  local client = vim.lsp.get_client_by_id(sid)
  local resp = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = { d.user_data.lsp } },
  }, 60000, buf)
  for _, a in ipairs((resp and resp.result) or {}) do
    if a.isPreferred then
      vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
      say('applied: ' .. a.title)
    end
  end
  vim.cmd('write')
  vim.wait(120000, function() return #diags(sid) == 0 end, 100)
  say('singlepool after the fix: ' .. #diags(sid))
  vim.wait(30000, function() return #diags(gid) > 0 end, 100)
  for _, g in ipairs(diags(gid)) do say('gopls after the fix: ' .. g.message) end
end
say('done')
out:close()
vim.cmd('qa!')
