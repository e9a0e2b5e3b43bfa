# tag: zhuyu-offline/haproxy:2
# Stands in for haproxy:2.8: Debian's HAProxy (2.6), reading
# /usr/local/etc/haproxy/haproxy.cfg as the user haproxy, in the foreground, like the
# official image.
FROM zhuyu-offline/debian:bookworm
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends haproxy \
 && rm -rf /var/lib/apt/lists/* \
 && mkdir -p /usr/local/etc/haproxy
ENV LANG=C.UTF-8
USER haproxy
EXPOSE 8080
CMD ["haproxy", "-W", "-db", "-f", "/usr/local/etc/haproxy/haproxy.cfg"]
