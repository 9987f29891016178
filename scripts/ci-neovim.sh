#!/usr/bin/env bash
# Installs Neovim from Debian when it is missing, for the editor test
# (lsp/server TestNeovim: stock gopls and `singlepool lsp` on one buffer).
# Called by .ci/run.
set -euo pipefail

if command -v nvim >/dev/null; then
	echo "ci-neovim: found $(nvim --version | head -n1)"
	exit 0
fi

sudo=
if [ "$(id -u)" -ne 0 ]; then
	sudo=sudo
fi
echo "ci-neovim: installing Debian's neovim"
$sudo apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends neovim
nvim --version | head -n1
