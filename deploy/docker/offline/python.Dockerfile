# tag: zhuyu-offline/python:3.11
# Stands in for python:3.11-slim: `python` and `pip` of a venv on PATH, so that the
# services' Dockerfiles run unchanged.
FROM zhuyu-offline/debian:bookworm
RUN apt-get update -qq \
 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends python3 python3-venv \
 && rm -rf /var/lib/apt/lists/* \
 && python3 -m venv /usr/local/python
COPY host-ca-bundle.crt /etc/ssl/certs/zhuyu-host-bundle.crt
ENV PATH=/usr/local/python/bin:$PATH LANG=C.UTF-8 PIP_CERT=/etc/ssl/certs/zhuyu-host-bundle.crt
