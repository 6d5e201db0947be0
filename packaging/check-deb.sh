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

passed=0
failed=()
check() { # name message-when-failing command...
    local name="$1" message="$2"
    shift 2
    if "$@"; then
        echo "PASS: $name"
        passed=$((passed + 1))
    else
        echo "FAIL: $name: $message"
        failed+=("$name")
    fi
}

# Control fields: a synopsis and a real description, shlibdeps' dependencies.
control="$(dpkg-deb --field "$deb")"
description="$(dpkg-deb --field "$deb" Description)"
check description "the description has no extended part" test "$(wc -l <<<"$description")" -gt 3
check shlibdeps "Depends lacks the libraries dpkg-shlibdeps finds" grep -q '^Depends:.*libqt6core6' <<<"$control"
entities="$(grep '&[a-z]*;' <<<"$control" || true)"
check no-xml-entities "the control file holds XML entities: $entities" test -z "$entities"

# Stripped binaries.
contents="$(mktemp -d)"
trap 'rm -rf "$contents"' EXIT
dpkg-deb --extract "$deb" "$contents"
unstripped=()
for binary in "$contents"/usr/bin/*; do
    file -b "$binary" | grep -q ', stripped' || unstripped+=("${binary#"$contents"}")
done
check stripped "not stripped: ${unstripped[*]}" test ${#unstripped[@]} -eq 0

# Lintian: as a package built outside the archive, by root in CI.
report="$(lintian --allow-root --display-info --pedantic "$deb" 2>&1 || true)"
echo "lintian $(lintian --print-version):"
if [[ -n "$report" ]]; then
    sed 's/^/  /' <<<"$report"
else
    echo "  (nothing to report)"
fi
count() { grep -c "^$1: " <<<"$report" || true; }
echo "lintian: $(count E) errors, $(count W) warnings, $(count I) infos, $(count P) pedantic, $(count X) experimental"
check lintian-errors "lintian reports errors" test "$(count E)" -eq 0

echo "summary: $passed passed, ${#failed[@]} failed${failed[*]:+ (${failed[*]})}"
if ((${#failed[@]} > 0)); then
    echo "check-deb: FAIL ($(basename "$deb"))"
    exit 1
fi
echo "check-deb: PASS ($(basename "$deb"))"
