#!/usr/bin/env bash
# Installs PostgreSQL from Debian when no server binaries are present, for
# the end-to-end demo test (internal/e2e/demo). Called by .ci/run.
set -euo pipefail

if ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
	echo "ci-postgres: found $(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n1)"
	exit 0
fi

sudo=
if [ "$(id -u)" -ne 0 ]; then
	sudo=sudo
fi
export DEBIAN_FRONTEND=noninteractive
echo "ci-postgres: installing Debian's postgresql"
$sudo apt-get update -q
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql
ls /usr/lib/postgresql/*/bin/initdb
