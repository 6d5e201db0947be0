#!/usr/bin/env bash
# Builds the Debian package and checks it: lintian (errors fail; warnings and
# notes are printed), the control fields and stripped binaries.
#   packaging/check-deb.sh [BUILD_DIR]      (default: build-deb)
# A BUILD_DIR that is not configured yet is configured as a release: Debian's
# build flags (dpkg-buildflags, hardening=+all), no tests or benchmarks. An
# existing one (e.g. build) is packaged as it is. Installs lintian first when
# it is missing (only this check needs it, so bootstrap.sh leaves it out).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/.." && pwd)"
build="${1:-$source_dir/build-deb}"

if ! command -v lintian >/dev/null; then
    sudo=()
    [[ $(id -u) -ne 0 ]] && sudo=(sudo)
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends lintian
fi

if [[ ! -f "$build/CMakeCache.txt" ]]; then
    # What debhelper would pass. CMake reads CFLAGS, CXXFLAGS and LDFLAGS from
    # the environment, but not CPPFLAGS (_FORTIFY_SOURCE), so those go along.
    eval "$(cd "$source_dir" && DEB_BUILD_MAINT_OPTIONS=hardening=+all dpkg-buildflags --export=sh)"
    export CFLAGS="$CFLAGS $CPPFLAGS" CXXFLAGS="$CXXFLAGS $CPPFLAGS"
    cmake -S "$source_dir" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
        -DCARTOGRAPH_BUILD_TESTS=OFF -DCARTOGRAPH_BUILD_BENCHMARKS=OFF ${CARTOGRAPH_CMAKE_ARGS:-}
fi
build="$(cd "$build" && pwd)"
if ! cmake --build "$build" --parallel "${JOBS:-2}" >"$build/check-deb-build.log" 2>&1; then
    tail -40 "$build/check-deb-build.log" >&2
    exit 1
fi
rm -f "$build"/cartograph_*.deb
(cd "$build" && cpack -G DEB >"$build/check-deb-cpack.log" 2>&1) || { cat "$build/check-deb-cpack.log" >&2; exit 1; }
deb="$(ls "$build"/cartograph_*.deb)"
echo "package: $deb ($(du -k "$deb" | cut -f1) KiB)"

failures=0
fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

# Control fields: a synopsis and a real description, shlibdeps' dependencies.
control="$(dpkg-deb --field "$deb")"
description="$(dpkg-deb --field "$deb" Description)"
(($(wc -l <<<"$description") > 3)) || fail "the description has no extended part"
grep -q '^Depends:.*libqt6core6' <<<"$control" || fail "Depends lacks the libraries dpkg-shlibdeps finds"
grep -q '&[a-z]*;' <<<"$control" && fail "the control file holds XML entities: $(grep '&[a-z]*;' <<<"$control")"

# Stripped binaries.
contents="$(mktemp -d)"
trap 'rm -rf "$contents"' EXIT
dpkg-deb --extract "$deb" "$contents"
for binary in "$contents"/usr/bin/*; do
    file -b "$binary" | grep -q ', stripped' || fail "$binary is not stripped: $(file -b "$binary")"
done

# Lintian: as a package built outside the archive, by root in CI.
report="$(lintian --allow-root --display-info --pedantic "$deb" 2>&1 || true)"
echo "lintian:"
if [[ -n "$report" ]]; then
    sed 's/^/  /' <<<"$report"
else
    echo "  (nothing to report)"
fi
grep -q '^E: ' <<<"$report" && fail "lintian reports errors"

if ((failures > 0)); then
    echo "$failures check(s) failed" >&2
    exit 1
fi
echo "package checks passed"
