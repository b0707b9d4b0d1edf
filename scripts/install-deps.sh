#!/usr/bin/env bash
# Installs everything the test suite needs on a Debian machine: the npm packages, and the real
# supervisord/supervisorctl, gunicorn + Flask, nginx and tmux that the compatibility and
# deployment tests run against, Prometheus' Python client whose parser reads our /metrics, and
# logrotate for the packaging test, an HCL parser (python3-pyhcl) for the Nomad job in deploy/,
# groff and man to check the man pages, and chromium, the headless browser the web UI tests
# drive (through puppeteer-core). Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v supervisord >/dev/null 2>&1 || need+=(supervisor)
command -v gunicorn >/dev/null 2>&1 || need+=(gunicorn)
/usr/bin/python3 -c 'import flask' >/dev/null 2>&1 || need+=(python3-flask)
/usr/bin/python3 -c 'import prometheus_client' >/dev/null 2>&1 || need+=(python3-prometheus-client)
command -v nginx >/dev/null 2>&1 || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v tmux >/dev/null 2>&1 || need+=(tmux)
command -v logrotate >/dev/null 2>&1 || [ -x /usr/sbin/logrotate ] || need+=(logrotate)
/usr/bin/python3 -c 'import hcl' >/dev/null 2>&1 || need+=(python3-pyhcl)
command -v groff >/dev/null 2>&1 || need+=(groff-base)
command -v man >/dev/null 2>&1 || need+=(man-db)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ ${#need[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "Missing Debian packages: ${need[*]} (run as root, or: sudo apt-get install -y ${need[*]})" >&2
    exit 1
  fi
  echo "Installing Debian packages: ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq "${need[@]}" >/dev/null
fi


# The lock file lists every platform's optional packages, so a clean install is exact.
npm ci --no-audit --no-fund
