-- Neovim (0.7 or later), headless: the stock gopls and `singlepool lsp`
-- on one buffer, as two servers (SP_MODE=beside) or as one, singlepool
-- running gopls behind it (SP_MODE=proxy: `singlepool lsp -gopls=...`).
-- TestNeovim runs it and reads what it writes to SP_OUT.
local dir, sp, gopls = os.getenv('SP_DIR'), os.getenv('SP_BIN'), os.getenv('SP_GOPLS')
local out = assert(io.open(os.getenv('SP_OUT'), 'w'))
local function say(s) out:write(s .. '\n'); out:flush() end

vim.cmd('edit ' .. dir .. '/users/users.go')
local buf = vim.api.nvim_get_current_buf()
local gid, sid
if os.getenv('SP_MODE') == 'proxy' then
  gid = vim.lsp.start_client({ name = 'gopls', cmd = { sp, 'lsp', '-gopls=' .. gopls }, root_dir = dir })
  sid = gid
  vim.lsp.buf_attach_client(buf, gid)
else
  gid = vim.lsp.start_client({ name = 'gopls', cmd = { gopls }, root_dir = dir })
  sid = vim.lsp.start_client({ name = 'singlepool', cmd = { sp, 'lsp' }, root_dir = dir })
  vim.lsp.buf_attach_client(buf, gid)
  vim.lsp.buf_attach_client(buf, sid)
end

-- The diagnostics of client id that are singlepool's (ours) or not.
local function pick(id, ours)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(buf, { namespace = vim.lsp.diagnostic.get_namespace(id) })) do
    if (d.source == 'singlepool') == ours then table.insert(out, d) end
  end
  return out
end
local function ours() return pick(sid, true) end
local function theirs() return pick(gid, false) end

-- An unsaved edit: a pool of its own, and a printf mistake for gopls.
vim.api.nvim_buf_set_lines(buf, 0, -1, false, vim.split(os.getenv('SP_EDITED'), '\n', { plain = true }))

vim.wait(120000, function() return #ours() > 0 and #theirs() > 0 end, 100)
for _, d in ipairs(ours()) do say('singlepool: ' .. d.message) end
for _, d in ipairs(theirs()) do say('gopls: ' .. d.message) end

local d = ours()[1]
if d then
  local client = vim.lsp.get_client_by_id(sid)
  local resp = client.request_sync('textDocument/codeAction', {
    textDocument = { uri = vim.uri_from_bufnr(buf) },
    range = { start = { line = d.lnum, character = d.col }, ['end'] = { line = d.end_lnum, character = d.end_col } },
    context = { diagnostics = { d.user_data.lsp } },
  }, 60000, buf)
  for _, a in ipairs((resp and resp.result) or {}) do
    if a.isPreferred and a.diagnostics and a.diagnostics[1] and a.diagnostics[1].source == 'singlepool' then
      vim.lsp.util.apply_workspace_edit(a.edit, 'utf-16')
      say('applied: ' .. a.title)
      break
    end
  end
  vim.cmd('write')
  vim.wait(120000, function() return #ours() == 0 end, 100)
  say('singlepool after the fix: ' .. #ours())
  vim.wait(30000, function() return #theirs() > 0 end, 100)
  for _, g in ipairs(theirs()) do say('gopls after the fix: ' .. g.message) end
end
say('done')
out:close()
vim.cmd('qa!')
