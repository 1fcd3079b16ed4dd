-- Third-party LSP client check: Debian's neovim (0.7+, headless, no user config) talks to
-- `node bin/status-hints-language-server.js --stdio` over stdio, like any editor would.
-- Run by test/e2e/lib/nvim.mjs:
--   nvim --headless -u NONE -i NONE -c 'luafile lsp-check.lua' <fixture>
-- Env: SH_SERVER_CMD (JSON array), SH_RESULT (JSON file written at the end), SH_ROOT (workspace root).
-- Uses only APIs neovim 0.7 has: vim.lsp.start_client, buf_attach_client, buf_request_sync.
local result = { checks = {} }
local function check(name, ok, detail)
  table.insert(result.checks, { name = name, ok = ok and true or false, detail = detail })
end
local function finish()
  local f = assert(io.open(os.getenv('SH_RESULT'), 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
  vim.cmd('qa!')
end

local ok, err = pcall(function()
  local buf = vim.api.nvim_get_current_buf()
  vim.bo[buf].filetype = 'javascript'
  local cmd = vim.fn.json_decode(os.getenv('SH_SERVER_CMD'))
  local client_id = vim.lsp.start_client({
    name = 'status-hints',
    cmd = cmd,
    root_dir = os.getenv('SH_ROOT'),
    on_exit = function(code) result.server_exit = code end,
  })
  check('server starts', client_id ~= nil, 'start_client returned ' .. tostring(client_id))
  vim.lsp.buf_attach_client(buf, client_id)
  local client = vim.lsp.get_client_by_id(client_id)
  vim.wait(20000, function() return client.initialized end, 50)
  check('initialize handshake', client.initialized, vim.inspect(client.server_capabilities and vim.tbl_keys(client.server_capabilities)))

  -- diagnostics are pushed by the server (textDocument/publishDiagnostics)
  local diag
  vim.wait(20000, function()
    for _, d in ipairs(vim.diagnostic.get(buf)) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
      if d.source == 'status-hints' and code == 'error-in-success-response' then diag = d return true end
    end
    return false
  end, 50)
  local all = {}
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(all, string.format('%s:%s@%d', tostring(d.source), tostring(d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)), d.lnum + 1))
  end
  check("diagnostic 'error-in-success-response' from source status-hints", diag ~= nil, table.concat(all, ', '))

  -- hover on the 404 of res.status(404)
  local lnum, col
  for i, l in ipairs(vim.api.nvim_buf_get_lines(buf, 0, -1, false)) do
    local s = l:find('res.status(404)', 1, true)
    if s then lnum, col = i - 1, s - 1 + #'res.status(' + 1 end
  end
  local hover_text = ''
  if lnum then
    local params = { textDocument = { uri = vim.uri_from_bufnr(buf) }, position = { line = lnum, character = col } }
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/hover', params, 10000) or {}
    for _, r in pairs(resp) do
      if r.result and r.result.contents then
        local c = r.result.contents
        if type(c) == 'string' then hover_text = hover_text .. c
        elseif c.value then hover_text = hover_text .. c.value
        else for _, x in ipairs(c) do hover_text = hover_text .. (type(x) == 'string' and x or x.value or '') end end
      end
    end
  end
  check('hover on 404 contains "404 Not Found"', hover_text:find('404 Not Found', 1, true) ~= nil, hover_text:sub(1, 200))

  -- code action for the diagnostic, then apply its edit and see the text change
  if diag then
    -- rebuild the LSP diagnostic (0.7 keeps code/data under user_data.lsp, the range in lnum/col)
    local extra = (diag.user_data and diag.user_data.lsp) or {}
    local lsp_diag = {
      range = { start = { line = diag.lnum, character = diag.col }, ['end'] = { line = diag.end_lnum, character = diag.end_col } },
      message = diag.message, source = diag.source, severity = diag.severity,
      code = extra.code or diag.code, codeDescription = extra.codeDescription, data = extra.data,
    }
    local params = {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      range = lsp_diag.range,
      context = { diagnostics = { lsp_diag }, only = { 'quickfix' } },
    }
    local resp = vim.lsp.buf_request_sync(buf, 'textDocument/codeAction', params, 10000) or {}
    local action
    for _, r in pairs(resp) do
      for _, a in ipairs(r.result or {}) do action = action or a end
    end
    check('textDocument/codeAction returns a quick fix', action ~= nil, action and action.title or vim.inspect(resp))
    if action and not action.edit and client.server_capabilities.codeActionProvider
      and type(client.server_capabilities.codeActionProvider) == 'table'
      and client.server_capabilities.codeActionProvider.resolveProvider then
      local r = client.request_sync('codeAction/resolve', action, 10000, buf)
      if r and r.result then action = r.result end
    end
    if action and action.edit then
      local before = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
      vim.lsp.util.apply_workspace_edit(action.edit, client.offset_encoding or 'utf-16')
      local after = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
      check('applying the quick fix edit changes the buffer', before ~= after, action.title)
      local gone = vim.wait(20000, function()
        for _, d in ipairs(vim.diagnostic.get(buf)) do
          local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
          if d.source == 'status-hints' and code == 'error-in-success-response' then return false end
        end
        return true
      end, 50)
      check('the diagnostic disappears after the fix', gone, '')
    elseif action then
      check('the quick fix carries an edit', false, vim.inspect(action))
    end
  end
  vim.lsp.stop_client(client_id)
end)
if not ok then check('lua script ran', false, tostring(err)) end
finish()
