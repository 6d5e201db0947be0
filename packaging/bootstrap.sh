#!/usr/bin/env bash
# Installs Cartograph's build dependencies from Debian/Ubuntu packages (only the
# missing ones), then configures and builds with CMake and Ninja.
#
#   packaging/bootstrap.sh deps    install dependencies only
#   packaging/bootstrap.sh build   deps + build (default)
#   packaging/bootstrap.sh run     deps + build + open the bundled sample corpus
#   packaging/bootstrap.sh test    deps + build + run the test suite
#
# Environment: BUILD_DIR (default build), BUILD_TYPE (default RelWithDebInfo),
# CARTOGRAPH_CMAKE_ARGS (extra configure arguments).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/.." && pwd)"
build_dir="${BUILD_DIR:-$source_dir/build}"
build_type="${BUILD_TYPE:-RelWithDebInfo}"
action="${1:-build}"

packages=(
    build-essential cmake ninja-build pkg-config ccache
    qt6-base-dev qt6-base-dev-tools qt6-charts-dev qt6-svg-dev libqt6opengl6-dev libgl-dev
    libboost-graph-dev libyaml-cpp-dev libmd4c-dev libuchardet-dev libgumbo-dev
    libpoppler-qt6-dev libpoppler-cpp-dev libgmime-3.0-dev wordnet-dev wordnet-base libstemmer-dev liblingua-en-tagger-perl
    zlib1g-dev miscfiles iso-codes python3-yaml libqt6sql6-sqlite
    fonts-dejavu-core xvfb xauth
    libxml2-utils python3-jsonschema
    clang libclang-rt-dev
    file dpkg-dev scdoc librsvg2-bin desktop-file-utils appstream man-db
    qt6-tools-dev qt6-l10n-tools qt6-translations-l10n qt6-base-private-dev
)

# The list above is Debian 12's. Debian 13 (trixie) ships Qt 6.8: there
# libqt6opengl6-dev is only a virtual package (provided by qt6-base-dev), which
# dpkg-query never reports installed, so it would re-run apt-get every time;
# Qt Graphs exists, which the statistics panel uses through Qt Quick; and the
# SVG image and icon plugins left libqt6svg6 for qt6-svg-plugins.
codename="$( . /etc/os-release 2>/dev/null && echo "${VERSION_CODENAME:-}")"
case "$codename" in
    bookworm | jammy | noble | "") ;;
    *)
        kept=()
        for p in "${packages[@]}"; do
            [[ $p == libqt6opengl6-dev ]] || kept+=("$p")
        done
        packages=("${kept[@]}")
        packages+=(qt6-svg-plugins qt6-graphs-dev qt6-quick3d-dev qt6-declarative-dev libxkbcommon-dev
            qml6-module-qtgraphs qml6-module-qtquick qml6-module-qtquick-window
            qml6-module-qtqml-workerscript qml6-module-qtquick-layouts)
        ;;
esac

install_deps() {
    local missing=()
    for p in "${packages[@]}"; do
        if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
            missing+=("$p")
        fi
    done
    if ((${#missing[@]} == 0)); then
        echo "bootstrap: all ${#packages[@]} packages present"
        return
    fi
    echo "bootstrap: installing ${missing[*]}"
    local sudo=()
    if [[ $(id -u) -ne 0 ]]; then
        sudo=(sudo)
    fi
    "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
}

build() {
    # shellcheck disable=SC2086 # CARTOGRAPH_CMAKE_ARGS is a list of arguments
    cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE="$build_type" ${CARTOGRAPH_CMAKE_ARGS:-}
    cmake --build "$build_dir" --parallel "$(nproc)"
}

run_app() {
    local samples="$source_dir/resources/samples"
    if [[ -x "$build_dir/app/cartograph" ]]; then
        if [[ -z "${DISPLAY:-}" && -z "${WAYLAND_DISPLAY:-}" && -z "${QT_QPA_PLATFORM:-}" ]]; then
            echo "bootstrap: no display found; starting under xvfb-run" >&2
            exec xvfb-run -a "$build_dir/app/cartograph" "$samples"
        fi
        exec "$build_dir/app/cartograph" "$samples"
    fi
    exec "$build_dir/app/cartograph-cli" build "$samples"
}

case "$action" in
    deps) install_deps ;;
    build) install_deps; build ;;
    run) install_deps; build; run_app ;;
    test)
        install_deps
        build
        ctest --test-dir "$build_dir" --output-on-failure --parallel "$(nproc)" --timeout 600
        ;;
    *) echo "usage: $0 [deps|build|run|test]" >&2; exit 2 ;;
esac
