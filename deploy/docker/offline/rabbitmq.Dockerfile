# tag: zhuyu-offline/rabbitmq:3
# Stands in for rabbitmq:3-management: Debian's rabbitmq-server with the management plugin,
# honouring RABBITMQ_DEFAULT_USER / RABBITMQ_DEFAULT_PASS like the official image.
FROM zhuyu-offline/debian:bookworm
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends rabbitmq-server \
 && rm -rf /var/lib/apt/lists/* \
 && rabbitmq-plugins --offline enable rabbitmq_management rabbitmq_prometheus >/dev/null
COPY rabbitmq-entrypoint.sh /usr/local/bin/
ENV RABBITMQ_MNESIA_BASE=/var/lib/rabbitmq/mnesia HOME=/var/lib/rabbitmq LANG=C.UTF-8
EXPOSE 5672 15672
ENTRYPOINT ["/usr/local/bin/rabbitmq-entrypoint.sh"]
