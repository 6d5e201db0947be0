#!/usr/bin/env bash
# Refreshes the screenshots the AppStream metainfo points at
# (packaging/screenshots/, served from the repository): two taken by
# tests/app/screenshots.sh, and one more with a concept selected, taken the
# same way. All show the public-domain State of the Union corpus, never the
# seed articles, whose text is not ours to publish. pngquant (Debian package
# pngquant) brings them from about 2.3 MB to 0.75 MB; without it they are
# copied as they are.
#   packaging/update-screenshots.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/.." && pwd)"
build="${1:-$source_dir/build}"
shared="${CARTO_SHARED_DIR:-$source_dir/../shared}"
shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT

CARTO_SHARED_DIR="$shared" "$source_dir/tests/app/screenshots.sh" "$build" "$shots"
(
    export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" XDG_CONFIG_HOME="$shots/config"
    "$build/app/cartograph" "$shared/corpora/sotu" --screenshot "$shots/sotu-selected.png" \
        --select "Panama Canal" --zoom 2
)
mkdir -p "$here/screenshots"
for name in sotu-selected sotu-full sotu-zoomed-dark; do
    if command -v pngquant >/dev/null; then
        pngquant --quality 70-95 --speed 1 --strip --force --output "$here/screenshots/$name.png" "$shots/$name.png"
    else
        cp "$shots/$name.png" "$here/screenshots/$name.png"
    fi
    echo "packaging/screenshots/$name.png"
done
