#!/bin/bash
# The `backup` container of docker-compose.yml: `zhuyu backup` of every store every
# ZHUYU_BACKUP_INTERVAL_SECONDS (default an hour) into /var/lib/zhuyu/backups/<UTC time>
# (the `backups` volume), keeping the newest ZHUYU_BACKUP_KEEP (default 48). A run that
# fails leaves LAST-FAILED there, which turns the container unhealthy until one succeeds.
set -uo pipefail
dir=/var/lib/zhuyu/backups
interval="${ZHUYU_BACKUP_INTERVAL_SECONDS:-3600}"
keep="${ZHUYU_BACKUP_KEEP:-48}"
trap 'exit 0' TERM INT
python -m kit.dev_secrets || exit

while true; do
  sleep "$interval" & wait $!
  if out=$(zhuyu backup 2>&1); then
    rm -f "$dir/LAST-FAILED"
    echo "$out"
    # Directories are named by UTC time, so the oldest sort first.
    ls -1d "$dir"/[0-9]*T*Z 2>/dev/null | head -n "-$keep" | xargs -r rm -rf
  else
    echo "$out" | tee "$dir/LAST-FAILED" >&2
  fi
done
