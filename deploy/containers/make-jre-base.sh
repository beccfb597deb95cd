#!/usr/bin/env bash
# Makes a local JRE base image without any public registry: a minimal Debian bookworm with the JRE (and the
# pocketsphinx engine the rehearsal's worker uses), built by debootstrap from the apt mirror this machine already uses,
# then imported into podman. Usage: make-jre-base.sh IMAGE_NAME WORK_DIR
set -euo pipefail
image=${1:?image name}
work=${2:?work directory}
packages=openjdk-17-jre-headless,pocketsphinx,pocketsphinx-en-us
# The first deb URI of the machine's apt sources (deb822 .sources or one-line .list).
mirror=$( { cat /etc/apt/sources.list.d/* /etc/apt/sources.list 2>/dev/null || true; } | grep -E '^(URIs:|deb )' \
  | grep -v security | head -1 | sed -E 's/^URIs:[[:space:]]*//; s/^deb[[:space:]]+(\[[^]]*\][[:space:]]+)?//; s/[[:space:]].*$//')
rootfs="$work/rootfs"
rm -rf "$rootfs"
mkdir -p "$rootfs"
debootstrap --variant=minbase --include="$packages" bookworm "$rootfs" "$mirror" >"$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log" >&2; exit 1; }
# The package lists and apt caches are not needed at run time.
rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
tar -C "$rootfs" -c . | podman import --change 'CMD ["/bin/bash"]' - "$image" >/dev/null
rm -rf "$rootfs"
echo "$image"
