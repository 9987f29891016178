#!/usr/bin/env bash
# Installs the editors the editor tests run, from Debian, when missing:
# Neovim (lsp/server TestNeovim: the stock gopls and `singlepool lsp` on
# one buffer, beside and in front of gopls) and Emacs with eglot and
# go-mode (TestEglot: `singlepool lsp -gopls=...`). Called by .ci/run.
set -euo pipefail

need=()
if command -v nvim >/dev/null; then
	echo "ci-editors: found $(nvim --version | head -n1)"
else
	need+=(neovim)
fi
if command -v emacs >/dev/null && emacs --batch --eval "(progn (require 'eglot) (require 'go-mode))" >/dev/null 2>&1; then
	echo "ci-editors: found $(emacs --version | head -n1) with eglot and go-mode"
else
	need+=(emacs-nox elpa-eglot elpa-go-mode)
fi
if [ ${#need[@]} -eq 0 ]; then
	exit 0
fi

sudo=
if [ "$(id -u)" -ne 0 ]; then
	sudo=sudo
fi
echo "ci-editors: installing Debian's ${need[*]}"
$sudo apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
nvim --version | head -n1
emacs --version | head -n1
