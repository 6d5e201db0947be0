#!/usr/bin/env bash
# Saves PNGs of the main window on the seeds and on the SOTU corpus, fitted and
# zoomed in, for a person to look at.
#   tests/app/screenshots.sh [BUILD_DIR] [OUT_DIR]
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
build="${1:-$here/build}"
out="${2:-$build/screenshots}"
shared="${CARTO_SHARED_DIR:-$here/../shared}"
app="$build/app/cartograph"
mkdir -p "$out"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
# A throwaway settings home so screenshots never read or write the user's settings.
export XDG_CONFIG_HOME="$(mktemp -d)"
trap 'rm -rf "$XDG_CONFIG_HOME"' EXIT

shoot() { # name folder [args...]
    local name="$1" folder="$2"
    shift 2
    "$app" "$folder" --screenshot "$out/$name.png" "$@"
    echo "$out/$name.png"
}

shoot seeds-full "$shared/seeds"
shoot seeds-zoomed "$shared/seeds" --select DeepSeek --zoom 1.6
shoot sotu-full "$shared/corpora/sotu"
shoot sotu-zoomed "$shared/corpora/sotu" --zoom 5
shoot seeds-dark "$shared/seeds" --dark
shoot sotu-zoomed-dark "$shared/corpora/sotu" --zoom 3 --dark
# The statistics panel's four charts, drawn by this build's backend (Qt Graphs or Qt Charts).
if [[ -x "$build/tests/app/statsscreenshots" ]]; then
    "$build/tests/app/statsscreenshots" "$shared/seeds" "$out/stats-seeds"
    "$build/tests/app/statsscreenshots" "$shared/corpora/sotu" "$out/stats-sotu"
    "$build/tests/app/statsscreenshots" "$shared/corpora/sotu" "$out/stats-sotu-dark" --dark
fi
