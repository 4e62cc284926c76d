// The language server: `fulint --lsp`. Links the core; knows nothing of the CLI.
#pragma once

#include <istream>
#include <ostream>

namespace fulint::lsp {

// Serves LSP over the streams until `exit`; returns the process exit status
// (0 after shutdown, 1 without).
int serve(std::istream& in, std::ostream& out);
// Serves on the process's stdin/stdout (binary mode, unbuffered).
int serve_stdio();

}  // namespace fulint::lsp
