#!/usr/bin/env bash
# Makes an overlay's secrets/ files (deploy/k8s/make-secrets.sh deploy/k8s/overlays/<city>):
# random values for the secrets the suite makes up itself, empty ones for what a provider
# gives you (the SMS gateway's and SMTP secrets, the backup object store's keys; fill them in).
# A file that exists is never touched. The files stay out of git; keep a copy in the city's
# secret store (losing the survey secret breaks the survey links already sent).
set -euo pipefail
overlay="${1:?usage: $0 deploy/k8s/overlays/<city>}"
dir="$overlay/secrets"
mkdir -p "$dir"
chmod 700 "$dir"
random() { od -An -tx1 -N24 /dev/urandom | tr -d ' \n'; }
make() {  # make FILE KEY=VALUE...
  local file="$dir/$1"; shift
  if [ -e "$file" ]; then echo "kept $file"; return; fi
  (umask 077; printf '%s\n' "$@" > "$file")
  echo "made $file"
}
make gateway.env "jwt-secret=$(random)" "admin-password=$(random)"
make identity.env "identity-secret=$(random)"
make complaints.env "survey-token-secret=$(random)"
make notify.env "sms-gateway-secret=" "smtp-password="
make backup-store.env "ACCESS_KEY_ID=" "ACCESS_SECRET_KEY="
