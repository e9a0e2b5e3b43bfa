#!/bin/bash
set -euo pipefail
mkdir -p /etc/rabbitmq
{
  echo "default_user = ${RABBITMQ_DEFAULT_USER:-guest}"
  echo "default_pass = ${RABBITMQ_DEFAULT_PASS:-guest}"
  echo "loopback_users = none"
} > /etc/rabbitmq/rabbitmq.conf
chown -R rabbitmq:rabbitmq /var/lib/rabbitmq /var/log/rabbitmq
exec runuser -u rabbitmq -- /usr/lib/rabbitmq/bin/rabbitmq-server
