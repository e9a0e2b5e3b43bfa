#!/usr/bin/env bash
# Builds, from Debian's packages only, local stand-ins for the public base images the
# Dockerfiles and docker-compose.yml name (python:3.11-slim-bookworm, rabbitmq, postgres,
# redis, haproxy), for machines that reach a Debian mirror but not Docker Hub:
#   zhuyu-offline/debian:bookworm   debootstrap + docker import
#   zhuyu-offline/python:3.11       Debian's Python 3.11 in a venv on PATH
#   zhuyu-offline/rabbitmq:3        Debian's rabbitmq-server, official image's env vars
#   zhuyu-offline/postgres:15       Debian's PostgreSQL 15, official image's env vars
#   zhuyu-offline/redis:7           Debian's redis-server
#   zhuyu-offline/haproxy:2         Debian's HAProxy, official image's config path
# Needs docker and debootstrap (scripts/install-system-deps.sh --docker installs both).
# Then point the compose file at them: cat deploy/docker/offline/offline.env >> .env
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if ! docker image inspect zhuyu-offline/debian:bookworm >/dev/null 2>&1; then
  command -v debootstrap >/dev/null 2>&1 || {
    echo "debootstrap is missing: run scripts/install-system-deps.sh --docker (or apt-get install debootstrap)" >&2
    exit 1
  }
  root="$(mktemp -d)"
  debootstrap --variant=minbase --include=ca-certificates bookworm "$root" "$mirror" >/dev/null
  cp /etc/apt/sources.list.d/debian.sources "$root/etc/apt/sources.list.d/" 2>/dev/null || true
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  tar -C "$root" -c . | docker import - zhuyu-offline/debian:bookworm >/dev/null
  rm -rf "$root"
fi
# pip inside the images must trust what this machine trusts (a TLS-inspecting proxy's CA
# may stand between it and the package index).
cp /etc/ssl/certs/ca-certificates.crt "$here/host-ca-bundle.crt"
trap 'rm -f "$here/host-ca-bundle.crt"' EXIT
for name in python rabbitmq postgres redis haproxy; do
  tag=$(sed -n 's/^# tag: //p' "$here/$name.Dockerfile")
  docker build --network host -q -t "$tag" -f "$here/$name.Dockerfile" "$here" >/dev/null
  echo "built $tag"
done
