#include "lsp/server.hpp"

#include <cstdio>
#include <iostream>

namespace fulint::lsp {

int serve(std::istream&, std::ostream&) { return 1; }

int serve_stdio() {
  std::fprintf(stderr, "fulint: the language server is not built yet\n");
  return 2;
}

}  // namespace fulint::lsp
