#!/usr/bin/env bash
# Installs what fulint needs to build, test and benchmark on Debian 12.
# Safe to run again: installs only what is missing.
set -euo pipefail
pkgs=(build-essential cmake ninja-build pkg-config
      nlohmann-json3-dev libre2-dev libhunspell-dev hunspell-en-us hunspell-en-gb
      catch2 libicu-dev libcli11-dev libbenchmark-dev libgoogle-perftools-dev neovim)
missing=()
# Tools that may come from elsewhere than Debian's packages (a newer Node
# bundles its own npm): only installed when the command is absent.
command -v python3 >/dev/null || pkgs+=(python3)
command -v node >/dev/null || pkgs+=(nodejs)
command -v npm >/dev/null || pkgs+=(npm)
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  echo "fulint: installing ${missing[*]}" >&2
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
