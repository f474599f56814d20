#!/bin/sh
# The end-to-end tests drive Debian's Chromium (no browser download): install it when it is missing.
set -eu

if [ -x /usr/bin/chromium ]; then
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  sudo=''
else
  sudo='sudo'
fi

echo 'Installing Debian chromium for the end-to-end tests…'
$sudo apt-get update
$sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends chromium
