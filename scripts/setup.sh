#!/usr/bin/env bash
# Installs what is missing (Debian 12), builds a release fulint and runs it on
# the bundled example draft.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DFULINT_TESTS=OFF -DFULINT_BENCH=OFF >/dev/null
cmake --build build -j"$(nproc)" --target fulint
echo
echo "\$ build/fulint examples/thank-you.txt examples/needs-work.eml"
status=0
build/fulint examples/thank-you.txt examples/needs-work.eml || status=$?
echo
echo "fulint is built: build/fulint (exit status $status above: 1 means findings, as expected for needs-work.eml)"
