#!/usr/bin/env bash
# Runs a bootstrap.sh action (default: test) inside a Debian 13 (trixie) chroot,
# so CI checks Qt 6.8 and GCC 14 on a Debian 12 host.
#
#   .ci/debian13.sh [deps|build|test]
#   .ci/debian13.sh shell [COMMAND]   a shell (or COMMAND) in the chroot, checkout at /src/cartograph
#
# The chroot is made with debootstrap and kept in CARTO_CI_CACHE (default
# /var/cache/cartograph-ci) with its installed packages and its ccache, so a warm
# run only builds; when the cache is gone the run rebuilds it (cold). The base
# system is also kept as a tarball, so a broken chroot is replaced without
# downloading it again. The checkout and ../shared are bound into the chroot at
# /src/cartograph and /src/shared (so CARTO_SHARED_DIR's default ../shared holds);
# the build goes to /root/build inside the chroot, never into the checkout, and
# starts clean unless CARTO_CI_KEEP_BUILD=1 (for iterating by hand).
set -euo pipefail

action="${1:-test}"
source_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
shared_dir="${CARTO_SHARED_DIR:-$(cd "$source_dir/.." && pwd)/shared}"
cache="${CARTO_CI_CACHE:-/var/cache/cartograph-ci}"
suite=trixie
mirror="${CARTO_CI_MIRROR:-http://deb.debian.org/debian}"
root="$cache/$suite-root"
tarball="$cache/$suite-base.tar"
mounted=()

log() { echo "debian13: $*" >&2; }

if [[ $(id -u) -ne 0 ]]; then
    log "must run as root (debootstrap, chroot and mount need it)"
    exit 2
fi
if [[ ! -d "$shared_dir" ]]; then
    log "no shared data at $shared_dir; the tests need it"
    exit 2
fi

# Mount points below $root, deepest first.
mounts_under_root() {
    awk -v r="$root/" '{ gsub(/\\040/, " ", $5); if (index($5 "/", r) == 1) print $5 }' /proc/self/mountinfo | sort -r
}

unmount_all() {
    local m
    while read -r m; do
        [[ -n "$m" ]] || continue
        umount "$m" 2>/dev/null || umount -l "$m" || log "could not unmount $m"
    done < <(mounts_under_root)
    mounted=()
}
# Every exit path (success, failure, Ctrl-C, CI's kill) leaves no mount behind.
trap unmount_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# Removes the chroot only once nothing is mounted in it: a bound checkout or
# /dev under a recursive delete would be lost with it.
remove_root() {
    local dir="$1"
    unmount_all
    if [[ -n "$(awk -v r="$dir/" 'index($5 "/", r) == 1' /proc/self/mountinfo)" ]]; then
        log "refusing to delete $dir: something is still mounted in it"
        exit 1
    fi
    rm -rf --one-file-system "$dir"
}

ensure_debootstrap() {
    if ! command -v debootstrap >/dev/null; then
        log "installing debootstrap"
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
    fi
}

# Configuration every chroot gets, also one unpacked from an older tarball.
configure_root() {
    cat > "$root/etc/apt/sources.list" <<EOF
deb $mirror $suite main
deb $mirror $suite-updates main
EOF
    # Packages installed in a chroot must not start services on the host.
    printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
    chmod 755 "$root/usr/sbin/policy-rc.d"
    # Keep downloaded .debs: a re-made chroot then installs without the network.
    rm -f "$root/etc/apt/apt.conf.d/docker-clean"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
}

create_root() {
    local t0=$SECONDS
    mkdir -p "$cache"
    remove_root "$root.new"
    if [[ -s "$tarball" ]]; then
        log "unpacking the cached base system $tarball"
        mkdir -p "$root.new"
        tar -C "$root.new" -xf "$tarball"
    else
        ensure_debootstrap
        log "debootstrap $suite from $mirror (cold cache)"
        debootstrap --variant=minbase --include=ca-certificates "$suite" "$root.new" "$mirror" >"$cache/debootstrap.log" 2>&1 || {
            tail -n 30 "$cache/debootstrap.log" >&2
            exit 1
        }
        # Written beside, then renamed: a half-written tarball is never used.
        tar -C "$root.new" -cf "$tarball.new" . && mv "$tarball.new" "$tarball"
    fi
    remove_root "$root"
    mv "$root.new" "$root"
    touch "$root/.cartograph-ci-ready"
    log "base system ready in $((SECONDS - t0)) s"
}

bind() { # source target [ro]
    mkdir -p "$2"
    mount --bind "$1" "$2"
    mounted+=("$2")
    if [[ "${3:-}" == ro ]]; then
        mount -o remount,bind,ro "$2"
    fi
}

mount_all() {
    mkdir -p "$root/proc" "$root/sys" "$root/dev"
    mount -t proc proc "$root/proc"
    mount -t sysfs sysfs "$root/sys"
    bind /dev "$root/dev"
    bind /dev/pts "$root/dev/pts"
    # Qt and ctest use POSIX shared memory.
    mkdir -p "$root/dev/shm"
    mount -t tmpfs -o mode=1777,nosuid,nodev shm "$root/dev/shm"
    bind "$source_dir" "$root/src/cartograph" ro
    bind "$shared_dir" "$root/src/shared" ro
}

if [[ ! -e "$root/.cartograph-ci-ready" ]]; then
    create_root
fi
unmount_all # a previous run killed before its trap could run
configure_root
mount_all

# A clean environment: none of the host's variables leak in, except CI's marker.
if [[ $action == shell ]]; then
    shift
    script="cd /src/cartograph; ${*:-exec bash -i}"
else
    log "running 'packaging/bootstrap.sh $action' in $suite"
    script='[[ $KEEP_BUILD == 1 ]] || rm -rf "$BUILD_DIR"; cd /src/cartograph; exec packaging/bootstrap.sh "$1"'
fi
chroot "$root" /usr/bin/env -i \
    PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME=/root LANG=C.UTF-8 TERM="${TERM:-dumb}" CI="${CI:-}" \
    DEBIAN_FRONTEND=noninteractive \
    CCACHE_DIR=/var/cache/ccache CCACHE_MAXSIZE=4G \
    BUILD_DIR=/root/build BUILD_TYPE="${BUILD_TYPE:-RelWithDebInfo}" \
    CARTOGRAPH_CMAKE_ARGS="${CARTOGRAPH_CMAKE_ARGS:-}" KEEP_BUILD="${CARTO_CI_KEEP_BUILD:-0}" \
    /bin/bash -c "set -e; $script" bash "$action"
