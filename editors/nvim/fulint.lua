-- fulint in Neovim: diagnostics, quick fixes and hover for interview follow-up
-- drafts (.eml, and .txt drafts in folders you choose), with Neovim's built-in
-- LSP client. No plugin manager or nvim-lspconfig needed.
--
-- Install: copy this file to ~/.config/nvim/plugin/fulint.lua (or `require` it
-- from init.lua), and put `fulint` on your PATH (or set vim.g.fulint_cmd).
--
-- Options (set before this file runs):
--   vim.g.fulint_cmd       = { '/path/to/fulint', '--lsp' }
--   vim.g.fulint_txt_globs = { '*/drafts/*.txt' }       -- .txt files that are drafts
--   vim.g.fulint_settings  = { rules = { emoji = 'off' } } -- same shape as .fulint.json
--
-- Works with Neovim 0.7 (vim.lsp.start_client) and 0.8+ (vim.lsp.start).
-- Code actions: `:lua vim.lsp.buf.code_action()`; hover: `K` (maps below).

local cmd = vim.g.fulint_cmd or { 'fulint', '--lsp' }
local txt_globs = vim.g.fulint_txt_globs or { '*/drafts/*.txt', '*/follow-ups/*.txt' }
local settings = { fulint = vim.g.fulint_settings or vim.empty_dict() }

-- The workspace: the folder of the nearest .fulint.json (or .git), else the file's folder.
local function root_dir(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local dir = vim.fn.fnamemodify(file, ':p:h')
  local found = vim.fn.findfile('.fulint.json', dir .. ';')
  if found == '' then
    local git = vim.fn.finddir('.git', dir .. ';')
    if git ~= '' then return vim.fn.fnamemodify(git, ':p:h:h') end
    return dir
  end
  return vim.fn.fnamemodify(found, ':p:h')
end

local function on_attach(_, bufnr)
  local opts = { buffer = bufnr, silent = true }
  if vim.keymap then  -- 0.7+
    vim.keymap.set('n', 'K', vim.lsp.buf.hover, opts)
    vim.keymap.set('n', '<leader>ca', vim.lsp.buf.code_action, opts)
  end
end

local clients = {}  -- root -> client id (0.7)

local function attach(args)
  local bufnr = args.buf
  local root = root_dir(bufnr)
  local config = {
    name = 'fulint',
    cmd = cmd,
    root_dir = root,
    settings = settings,
    on_attach = on_attach,
  }
  if vim.lsp.start then  -- 0.8+: finds or starts the client for this root
    vim.lsp.start(config)
    return
  end
  local id = clients[root]
  if not id or not vim.lsp.get_client_by_id(id) then
    id = vim.lsp.start_client(config)
    clients[root] = id
  end
  if id then vim.lsp.buf_attach_client(bufnr, id) end
end

local group = vim.api.nvim_create_augroup('fulint', { clear = true })
vim.api.nvim_create_autocmd('FileType', { group = group, pattern = 'mail', callback = attach })
vim.api.nvim_create_autocmd({ 'BufReadPost', 'BufNewFile' }, {
  group = group,
  pattern = vim.list_extend({ '*.eml' }, txt_globs),
  callback = function(args)
    if vim.bo[args.buf].filetype ~= 'mail' then attach(args) end
  end,
})
