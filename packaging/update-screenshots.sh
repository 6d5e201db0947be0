#!/usr/bin/env bash
# Refreshes the screenshots the AppStream metainfo points at
# (packaging/screenshots/, served from the repository) and the sizes the
# metainfo gives for them. All show the public-domain State of the Union
# corpus, never the seed articles, whose text is not ours to publish.
# The window is 1280 px wide rather than the app's default 1600: the dense,
# anti-aliased links of the SOTU map do not compress, and at 1600 px the
# selected and dark shots stay above 300 KB even after pngquant, which
# software centres download for every listing. Fewer colours would make them
# small enough but merge the community colours, so the legend would lie.
# pngquant (Debian package pngquant) brings them from about 1.8 MB to 0.65 MB;
# without it they are copied as they are. A shot over the budget is reported.
#   packaging/update-screenshots.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
source_dir="$(cd "$here/.." && pwd)"
build="${1:-$source_dir/build}"
shared="${CARTO_SHARED_DIR:-$source_dir/../shared}"
size="${CARTO_SCREENSHOT_SIZE:-1280x800}"
budget=300000
metainfo="$here/io.github.cartograph.Cartograph.metainfo.xml"
shots="$(mktemp -d)"
trap 'rm -rf "$shots"' EXIT

export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}" XDG_CONFIG_HOME="$shots/config"
shoot() { # name [args...]
    local name="$1"
    shift
    "$build/app/cartograph" "$shared/corpora/sotu" --screenshot "$shots/$name.png" --size "$size" "$@"
}
shoot sotu-selected --select "Panama Canal" --zoom 2
shoot sotu-full
shoot sotu-zoomed-dark --zoom 3 --dark

mkdir -p "$here/screenshots"
over=0
for name in sotu-selected sotu-full sotu-zoomed-dark; do
    png="$here/screenshots/$name.png"
    if command -v pngquant >/dev/null; then
        pngquant --quality 70-95 --speed 1 --strip --force --output "$png" "$shots/$name.png"
    else
        cp "$shots/$name.png" "$png"
    fi
    # The window keeps its docks' minimum height, so the size is read back
    # from the file rather than assumed.
    read -r width height < <(file -b "$png" | sed -n 's/^PNG image data, \([0-9]*\) x \([0-9]*\),.*/\1 \2/p')
    sed -i "s|<image type=\"source\" width=\"[0-9]*\" height=\"[0-9]*\">\([^<]*/$name.png\)</image>|<image type=\"source\" width=\"$width\" height=\"$height\">\1</image>|" "$metainfo"
    bytes="$(stat -c %s "$png")"
    echo "packaging/screenshots/$name.png: ${width}x$height, $bytes bytes"
    if ((bytes > budget)); then
        echo "update-screenshots: $name.png is over the $budget-byte budget" >&2
        over=1
    fi
done
exit $over
