# tag: zhuyu-offline/redis:7
# Stands in for redis:7: Debian's redis-server, run as `redis-server ARGS` like the official
# image (compose passes the options, protected mode off included, in its command).
FROM zhuyu-offline/debian:bookworm
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends redis-server \
 && rm -rf /var/lib/apt/lists/*
ENV LANG=C.UTF-8
USER redis
WORKDIR /var/lib/redis
EXPOSE 6379
CMD ["redis-server", "--protected-mode", "no"]
