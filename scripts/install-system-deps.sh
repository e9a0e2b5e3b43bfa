#!/usr/bin/env bash
# Installs what the suite needs from Debian's packages when it is missing:
# rabbitmq-server and redis-server (unless --docker alone), PostgreSQL (for tests), with --browser
# Chromium (for the console's browser tests), and with --docker the Docker engine, docker-compose
# and debootstrap (for deploy/docker/offline/build-bases.sh).
set -euo pipefail

want_docker=0
for arg in "$@"; do
  case "$arg" in
    --docker) want_docker=1 ;;
    --postgres) want_postgres=1 ;;
    --browser) want_browser=1 ;;
  esac
done
: "${want_postgres:=0}"
: "${want_browser:=0}"

missing=()
# `--docker` alone is the container deployment's host: its broker and Redis run in containers.
if [ "$want_docker" = 0 ] || [ "$want_postgres" = 1 ] || [ "$want_browser" = 1 ]; then
  [ -x /usr/lib/rabbitmq/bin/rabbitmq-server ] || missing+=(rabbitmq-server)
  command -v redis-server >/dev/null 2>&1 || [ -x /usr/bin/redis-server ] || missing+=(redis-server)
fi
if [ "$want_postgres" = 1 ] && ! command -v initdb >/dev/null 2>&1 && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  missing+=(postgresql)
fi
if [ "$want_browser" = 1 ]; then
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  # The console is Chinese: without a CJK font its screenshots show empty boxes.
  [ -n "$(fc-list :lang=zh 2>/dev/null)" ] || [ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] \
    || missing+=(fonts-wqy-microhei)
fi
if [ "$want_docker" = 1 ]; then
  command -v dockerd >/dev/null 2>&1 || missing+=(docker.io)
  command -v docker-compose >/dev/null 2>&1 || missing+=(docker-compose)
  command -v debootstrap >/dev/null 2>&1 || missing+=(debootstrap)
fi
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1; then
  SUDO="sudo"
else
  echo "Missing packages: ${missing[*]}. Install them as root: apt-get install -y ${missing[*]}" >&2
  exit 1
fi
echo "Installing ${missing[*]} with apt-get" >&2
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# Package scripts may try to start the system service; that may fail without systemd, and
# the suite runs its own private node anyway.
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
