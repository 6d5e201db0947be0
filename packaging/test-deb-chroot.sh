#!/usr/bin/env bash
# Installs the .deb on a clean Debian (12 unless told otherwise) as a user
# would, with apt resolving its dependencies, and checks it inside: the files
# are where a desktop and man look for them, cartograph-cli builds the bundled
# samples and exports JSON and a PNG with no display, cartograph starts on the
# offscreen platform, the MIME trigger registers the project type, and a purge
# leaves nothing behind. Every check runs and prints PASS or FAIL; a summary
# closes the run, which fails when any check did.
# The system lives in a scratch folder (debootstrap, minbase) under
# CARTO_CHROOT_DIR (default /var/tmp: on disk, not a RAM /tmp) and is removed
# on every exit, mounts first. Needs root (chroot, mount) and debootstrap,
# which it installs when missing.
#   packaging/test-deb-chroot.sh DEB [SUITE] [MIRROR]
#   e.g. packaging/test-deb-chroot.sh build-deb/cartograph_0.1.0_amd64.deb bookworm
# DEBOOTSTRAP_CACHE=DIR keeps the downloaded base packages between runs.
set -euo pipefail
[[ $# -ge 1 && -f "$1" ]] || { echo "usage: test-deb-chroot.sh DEB [SUITE] [MIRROR]" >&2; exit 2; }
deb="$(realpath "$1")"
suite="${2:-bookworm}"
mirror="${3:-http://deb.debian.org/debian}"
[[ $(id -u) -eq 0 ]] || { echo "test-deb-chroot: run as root (chroot and mount need it)" >&2; exit 1; }
if ! command -v debootstrap >/dev/null; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

parent="${CARTO_CHROOT_DIR:-/var/tmp}"
mkdir -p "$parent"
root="$(mktemp -d "$parent/cartograph-chroot.XXXXXX")"
# Everything mounted under the chroot, deepest first: ours, and any that an
# interrupted debootstrap left (it mounts /proc and /sys in its target).
mounts_under_root() {
    awk -v r="$root/" '{ gsub(/\\040/, " ", $5); if (index($5 "/", r) == 1) print $5 }' /proc/self/mountinfo | sort -r
}
cleanup() {
    local m
    while read -r m; do
        [[ -n "$m" ]] && { umount "$m" 2>/dev/null || umount -l "$m" || echo "test-deb-chroot: could not unmount $m" >&2; }
    done < <(mounts_under_root)
    if [[ -n "$(mounts_under_root)" ]]; then
        echo "test-deb-chroot: $root still has mounts; left in place" >&2
        return
    fi
    # --one-file-system: never follow a mount that failed to come off.
    rm -rf --one-file-system "$root" "$root.log"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM HUP
bind() { # source target
    mount --bind "$1" "$root/$2"
    # A slave gets the host's mount events but sends none back: where / is
    # shared (systemd's default), a mount under the chroot's /dev would
    # otherwise appear under the host's /dev as well.
    mount --make-slave "$root/$2"
}

cache=()
if [[ -n "${DEBOOTSTRAP_CACHE:-}" ]]; then
    mkdir -p "$DEBOOTSTRAP_CACHE"
    cache=(--cache-dir="$(realpath "$DEBOOTSTRAP_CACHE")")
fi
echo "test-deb-chroot: debootstrap $suite into $root"
if ! debootstrap --variant=minbase "${cache[@]}" "$suite" "$root" "$mirror" >"$root.log" 2>&1; then
    tail -20 "$root.log" >&2
    echo "FAIL: debootstrap $suite"
    echo "test-deb-chroot: FAIL ($(basename "$deb") on $suite: no base system)"
    exit 1
fi
mount -t proc proc "$root/proc"
mount -t sysfs sysfs "$root/sys"
bind /dev dev
bind /dev/pts dev/pts
cp /etc/resolv.conf "$root/etc/resolv.conf"
install -m 644 "$deb" "$root/tmp/$(basename "$deb")"

# The checks run inside, with bash (Essential, so in every minbase system).
# A user's session has no display here: cartograph-cli must not need one,
# and cartograph is started on the offscreen platform.
cat >"$root/tmp/check.sh" <<'CHECK'
set -u
export DEBIAN_FRONTEND=noninteractive LC_ALL=C.UTF-8 HOME=/tmp/home XDG_RUNTIME_DIR=/tmp/runtime
unset DISPLAY WAYLAND_DISPLAY QT_QPA_PLATFORM
mkdir -p "$HOME" && mkdir -m 700 "$XDG_RUNTIME_DIR"
deb="$1"
id=io.github.cartograph.Cartograph
passed=0
failed=()
check() { # name command...: runs the command, output to /tmp/NAME.log
    local name="$1" log="/tmp/check-$1.log"
    shift
    if "$@" >"$log" 2>&1; then
        echo "PASS: $name"
        # The last line of its output says what was found.
        tail -n 1 "$log" | cut -c 1-120 | sed 's/^/    /'
        passed=$((passed + 1))
    else
        echo "FAIL: $name"
        sed 's/^/    /' "$log" | tail -15
        failed+=("$name")
    fi
}

install_deb() {
    apt-get update -qq && cd /tmp && apt-get install -y -q --no-install-recommends "./$deb" &&
        [[ "$(dpkg-query -W -f='${db:Status-Abbrev}' cartograph)" == "ii " ]] &&
        apt-get check
}
check apt-install install_deb
version="$(dpkg-query -W -f='${Version}' cartograph 2>/dev/null || true)"
echo "    installed: cartograph $version, $(dpkg-query -W -f='${Installed-Size}' cartograph 2>/dev/null) KiB," \
    "$(grep -c '^Package:' /var/lib/dpkg/status) packages in the system"

layout() {
    local path missing=0
    local paths=(
        /usr/bin/cartograph /usr/bin/cartograph-cli
        /usr/share/man/man1/cartograph.1.gz /usr/share/man/man1/cartograph-cli.1.gz
        "/usr/share/applications/$id.desktop"
        "/usr/share/metainfo/$id.metainfo.xml"
        "/usr/share/mime/packages/$id.xml"
        "/usr/share/icons/hicolor/scalable/apps/$id.svg"
        /usr/share/doc/cartograph/copyright /usr/share/doc/cartograph/changelog.gz
        /usr/share/lintian/overrides/cartograph
    )
    for size in 16 22 24 32 48 64 128 256 512; do
        paths+=("/usr/share/icons/hicolor/${size}x${size}/apps/$id.png")
    done
    for path in "${paths[@]}"; do
        if [[ ! -s "$path" ]] || ! dpkg -S "$path" >/dev/null 2>&1; then
            echo "missing or not the package's: $path"
            missing=1
        fi
    done
    [[ -x /usr/bin/cartograph && -x /usr/bin/cartograph-cli ]] || { echo "binaries not executable"; missing=1; }
    for page in cartograph cartograph-cli; do
        zcat "/usr/share/man/man1/$page.1.gz" | grep -q '^\.TH' || { echo "$page.1 has no .TH"; missing=1; }
    done
    # Nothing outside /usr (a usrmerged system's /bin is /usr/bin anyway).
    if dpkg -L cartograph | grep -v -e '^/usr\(/\|$\)' -e '^/\.$'; then
        echo "files outside /usr"
        missing=1
    fi
    echo "$(dpkg -L cartograph | wc -l) paths, $(find /usr/share/cartograph/samples -type f | wc -l) sample files"
    return $missing
}
check layout layout

check cli-version eval 'out="$(cartograph-cli --version)" && echo "$out" && [[ "$out" == "cartograph-cli $version" ]]'
check cli-build eval 'cartograph-cli build /usr/share/cartograph/samples --top 3 | tee /tmp/summary.txt && grep -q "^Concepts " /tmp/summary.txt'
json() {
    cartograph-cli build /usr/share/cartograph/samples --json /tmp/out.json --quiet &&
        [[ -s /tmp/out.json ]] && grep -q '"nodes"' /tmp/out.json && grep -q '"edges"' /tmp/out.json &&
        echo "out.json: $(stat -c %s /tmp/out.json) bytes"
}
check cli-json json
png() {
    cartograph-cli build /usr/share/cartograph/samples --png /tmp/map.png --quiet &&
        [[ "$(head -c 8 /tmp/map.png | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] &&
        echo "map.png: $(stat -c %s /tmp/map.png) bytes"
}
check cli-png png

check app-help eval 'QT_QPA_PLATFORM=offscreen cartograph --help | grep -q -- --screenshot'
check app-version eval 'out="$(QT_QPA_PLATFORM=offscreen cartograph --version)" && echo "$out" && [[ "$out" == *"$version"* ]]'
# A real start: the window opens the samples, lays them out and saves itself.
start() {
    QT_QPA_PLATFORM=offscreen timeout 120 cartograph /usr/share/cartograph/samples --screenshot /tmp/window.png &&
        [[ "$(head -c 8 /tmp/window.png | od -An -tx1 | tr -d ' \n')" == 89504e470d0a1a0a ]] &&
        echo "window.png: $(stat -c %s /tmp/window.png) bytes"
}
check app-offscreen-start start

check mime-trigger grep -q 'application/x-cartograph-project' /usr/share/mime/globs2

purge() {
    apt-get purge -y -q cartograph && [[ ! -e /usr/bin/cartograph && ! -e /usr/bin/cartograph-cli ]] &&
        [[ ! -e /usr/share/cartograph && ! -e /usr/share/doc/cartograph ]] &&
        ! grep -q 'application/x-cartograph-project' /usr/share/mime/globs2
}
check purge purge

echo "summary: ${passed} passed, ${#failed[@]} failed${failed[*]:+ (${failed[*]})}"
((${#failed[@]} == 0))
CHECK
status=0
chroot "$root" /bin/bash /tmp/check.sh "$(basename "$deb")" || status=$?
if ((status == 0)); then
    echo "test-deb-chroot: PASS ($(basename "$deb") installs and runs on a clean $suite)"
else
    echo "test-deb-chroot: FAIL ($(basename "$deb") on a clean $suite)"
fi
exit $status
