#!/usr/bin/env bash
# Installs the .deb on a clean Debian (12 unless told otherwise) as a user
# would, with apt resolving its dependencies, and runs both programs inside:
# cartograph-cli builds the bundled samples and draws a PNG, cartograph starts
# on the offscreen platform, and the MIME trigger registers the project type.
# The system lives in a scratch folder under /tmp (debootstrap, minbase) and
# is removed on exit, mounts included. Needs root (chroot, mount) and
# debootstrap, which it installs when missing.
#   packaging/test-deb-chroot.sh DEB [SUITE] [MIRROR]
#   e.g. packaging/test-deb-chroot.sh build-deb/cartograph_0.1.0_amd64.deb bookworm
# DEBOOTSTRAP_CACHE=DIR keeps the downloaded base packages between runs.
set -euo pipefail
deb="$(realpath "$1")"
suite="${2:-bookworm}"
mirror="${3:-http://deb.debian.org/debian}"
[[ $(id -u) -eq 0 ]] || { echo "test-deb-chroot: run as root (chroot and mount need it)" >&2; exit 1; }
if ! command -v debootstrap >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

root="$(mktemp -d /tmp/cartograph-chroot.XXXXXX)"
mounts=()
cleanup() {
    local i
    for ((i = ${#mounts[@]} - 1; i >= 0; i--)); do
        umount "${mounts[i]}" 2>/dev/null || umount -l "${mounts[i]}"
    done
    # --one-file-system: never follow a mount that failed to come off.
    rm -rf --one-file-system "$root"
}
trap cleanup EXIT
mount_in() { # type-or-bind source target
    if [[ "$1" == bind ]]; then
        mount --bind "$2" "$root/$3"
        # A slave gets the host's mount events but sends none back: where /
        # is shared (systemd's default), a mount under the chroot's /dev
        # would otherwise appear under the host's /dev as well.
        mount --make-slave "$root/$3"
    else
        mount -t "$1" "$2" "$root/$3"
    fi
    mounts+=("$root/$3")
}

cache=()
if [[ -n "${DEBOOTSTRAP_CACHE:-}" ]]; then
    mkdir -p "$DEBOOTSTRAP_CACHE"
    cache=(--cache-dir="$(realpath "$DEBOOTSTRAP_CACHE")")
fi
echo "test-deb-chroot: debootstrap $suite into $root"
debootstrap --variant=minbase "${cache[@]}" "$suite" "$root" "$mirror" >"$root.log" 2>&1 \
    || { tail -20 "$root.log" >&2; rm -f "$root.log"; exit 1; }
rm -f "$root.log"
mount_in proc proc proc
mount_in sysfs sysfs sys
mount_in bind /dev dev
mount_in bind /dev/pts dev/pts
cp /etc/resolv.conf "$root/etc/resolv.conf"
install -m 644 "$deb" "$root/tmp/cartograph.deb"

cat >"$root/tmp/check.sh" <<'CHECK'
set -eu
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8
apt-get update -qq
apt-get install -y -qq --no-install-recommends /tmp/cartograph.deb >/tmp/apt.log 2>&1 || { cat /tmp/apt.log; exit 1; }
echo "installed: $(dpkg-query -W -f='${Package} ${Version}, ${Installed-Size} KiB' cartograph)"
cartograph-cli --version
cartograph-cli build /usr/share/cartograph/samples --top 3 | tee /tmp/summary.txt
grep -q '^Concepts ' /tmp/summary.txt
cartograph-cli build /usr/share/cartograph/samples --png /tmp/map.png --quiet
test -s /tmp/map.png
echo "map.png: $(stat -c %s /tmp/map.png) bytes"
QT_QPA_PLATFORM=offscreen cartograph --version
grep -q 'application/x-cartograph-project' /usr/share/mime/globs2
echo "MIME type registered by the shared-mime-info trigger"
apt-get purge -y -qq cartograph >/dev/null
test ! -e /usr/bin/cartograph
echo "purged cleanly"
CHECK
chroot "$root" /bin/sh /tmp/check.sh
echo "test-deb-chroot: $(basename "$deb") installs and runs on a clean $suite"
