#!/usr/bin/env bash
# Builds, from Debian's packages only, local stand-ins for the public base images the
# Dockerfiles and docker-compose.yml name (python:3.11-slim, rabbitmq, postgres), for
# machines that reach a Debian mirror but not Docker Hub:
#   zhuyu-offline/debian:bookworm   debootstrap + docker import
#   zhuyu-offline/python:3.11       Debian's Python 3.11 in a venv on PATH
#   zhuyu-offline/rabbitmq:3        Debian's rabbitmq-server, official image's env vars
#   zhuyu-offline/postgres:15       Debian's PostgreSQL 15, official image's env vars
# Then: PYTHON_IMAGE=zhuyu-offline/python:3.11 RABBITMQ_IMAGE=zhuyu-offline/rabbitmq:3 \
#       POSTGRES_IMAGE=zhuyu-offline/postgres:15 docker compose up --build
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"

if ! docker image inspect zhuyu-offline/debian:bookworm >/dev/null 2>&1; then
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
for name in python rabbitmq postgres; do
  tag=$(sed -n 's/^# tag: //p' "$here/$name.Dockerfile")
  docker build --network host -q -t "$tag" -f "$here/$name.Dockerfile" "$here" >/dev/null
  echo "built $tag"
done
