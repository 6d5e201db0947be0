#!/usr/bin/env bash
# Builds the `bench` target and prints the figures of every benchmark.
#
#   BUILD_DIR=build-foo tests/benchmarks/run.sh [section...]
#
# BUILD_DIR defaults to ./build (configured as RelWithDebInfo if missing).
# With no arguments every section runs; otherwise only the named ones
# (e.g. `run.sh layout`). To add a benchmark, write a section_<name>
# function below and add <name> to SECTIONS.
set -euo pipefail

SOURCE_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
BUILD_DIR="${BUILD_DIR:-build}"
BENCH_DIR="$BUILD_DIR/tests/benchmarks"

if [[ ! -f "$BUILD_DIR/CMakeCache.txt" ]]; then
    cmake -S "$SOURCE_DIR" -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
fi
cmake --build "$BUILD_DIR" --target bench -- -j"${JOBS:-2}"

run() { # run <executable> [args...]: print a header and the executable's output
    local exe="$BENCH_DIR/$1"
    shift
    echo "== $(basename "$exe") $*"
    if [[ -x "$exe" ]]; then
        "$exe" "$@"
    else
        echo "(not built: $exe)"
    fi
    echo
}

# ForceLayout on Holme-Kim graphs at 1k/5k/20k nodes: time and normalised
# stress. LAYOUT_BENCH_ARGS adds flags, e.g. "--sfdp" to compare with Graphviz.
section_layout() { run layout_bench ${LAYOUT_BENCH_ARGS:-}; }

# computeMetrics on synthetic graphs.
section_graph() { run graph_bench; }

# GUI-thread time to cancel or supersede a running build, by stage; --join
# also times the previous cancel-then-join design. JOBS_BENCH_ARGS: a folder.
section_jobs() { run jobs_bench ${JOBS_BENCH_ARGS:-} --join; }

# MapView frame time on synthetic 5k/15k and 20k/60k maps and the seeds at
# 1920x1080: the widget's real paint event beside QGraphicsView::render (the
# reference the old benchmark timed), full, zoomed and first frame after a build.
section_render() { QT_QPA_PLATFORM=offscreen run render_bench; }

# The real MainWindow on SOTU with every concept shown: zoom, pan, hover and
# filter-slider step latency, and the seeds' first frame after a build.
section_interaction() {
    QT_QPA_PLATFORM=offscreen run interaction_bench "$SHARED_DIR/corpora/sotu" --seeds "$SHARED_DIR/seeds"
}

# The whole engine on a real corpus: cartograph-cli build (ingest, extraction,
# graph, metrics, communities, layout) on SOTU, best of 3, with wall time, CPU
# use (200% = both cores busy) and peak RSS from GNU time.
SHARED_DIR="${CARTO_SHARED_DIR:-$SOURCE_DIR/../shared}"
time_command() { # label, command...: prints the best wall time of 3 runs with its RSS and CPU
    local label="$1" best="" line report
    shift
    report="$(mktemp)"
    for _ in 1 2 3; do
        /usr/bin/time -o "$report" -f "%e s wall, %P CPU, %M KB peak RSS" "$@" > /dev/null 2>&1
        line="$(tail -1 "$report")"
        if [[ -z "$best" || "${line%% *}" < "${best%% *}" ]]; then best="$line"; fi
    done
    rm -f "$report"
    printf '%-28s %s\n' "$label" "$best"
}
section_pipeline() {
    run pipeline_bench "$SHARED_DIR/corpora/sotu" 3
    echo "== pipeline (best of 3)"
    local cli="$BUILD_DIR/app/cli/cartograph-cli"
    time_command "seeds (5 docs)" "$cli" build "$SHARED_DIR/seeds"
    time_command "sotu (233 docs, 11 MB)" "$cli" build "$SHARED_DIR/corpora/sotu"
    echo
}

# Part-of-speech tagger: model load (median of fresh processes) and tokens/s
# tagging SOTU, beside the bare tokenizer pass over the same sentences.
section_tagger() { run tagger_bench "$SHARED_DIR/corpora/sotu" 3; }

# The whole CLI build on SOTU beside the bare tokenizer pass over the same text.
section_engine() { run engine_bench "$BUILD_DIR/app/cli/cartograph-cli" "$SHARED_DIR/corpora/sotu" 3; }

# Launch to a drawn map in the desktop app (offscreen): the app builds the corpus,
# draws the first frame, saves it and quits.
section_open() {
    echo "== open in the app (best of 3)"
    local app="$BUILD_DIR/app/cartograph" shot
    shot="$(mktemp --suffix=.png)"
    export XDG_CONFIG_HOME="$(mktemp -d)"
    QT_QPA_PLATFORM=offscreen time_command "seeds" "$app" "$SHARED_DIR/seeds" --screenshot "$shot"
    QT_QPA_PLATFORM=offscreen time_command "sotu" "$app" "$SHARED_DIR/corpora/sotu" --screenshot "$shot"
    rm -f "$shot"
    echo
}

# The analysis cache (core/cache) on a copy of SOTU, side by side in one run:
# a cold build without the cache, a cold build filling it, a warm build (every
# analysis from the cache), a build after one document changed, and the
# analyse stage alone (`cartograph-cli analyse`, warm), then incremental_bench
# (the same in one process, curation edits included). Best of 3 (by wall time): wall time,
# CPU time (user+system: steadier than wall time on a shared machine) and
# peak RSS from GNU time. INCREMENTAL_ARGS adds build flags (--no-layout);
# INCREMENTAL_BASE_CLI=path/to/an/older/cartograph-cli adds its cold build.
section_incremental() {
    local cli="$BUILD_DIR/app/cli/cartograph-cli" work cache report
    work="$(mktemp -d)"
    cp -r "$SHARED_DIR/corpora/sotu" "$work/sotu"
    cache="$work/analyses.sqlite"
    report="$work/time"
    local changed
    changed="$work/sotu/$(ls "$work/sotu" | sed -n 100p)"
    # measure LABEL PREPARE COMMAND...: PREPARE runs before each of the 3 runs, untimed
    measure() {
        local label="$1" prepare="$2" best="" line
        shift 2
        for round in 1 2 3; do
            "$prepare" "$round"
            /usr/bin/time -o "$report" -f "%e s wall, %U+%S s CPU, %M KB peak RSS, exit %x" "$@" > /dev/null 2>&1
            line="$(tail -1 "$report")"
            if [[ -z "$best" || "${line%% *}" < "${best%% *}" ]]; then best="$line"; fi
        done
        printf '%-36s %s\n' "$label" "$best"
    }
    nothing() { :; }
    emptyCache() { rm -f "$cache" "$cache-wal" "$cache-shm"; }
    changeOne() { printf '\nA sentence added in round %s of the incremental benchmark about the Cache Act.\n' "$1" >> "$changed"; }
    echo "== incremental builds: sotu (233 docs, 11 MB), best of 3 ${INCREMENTAL_ARGS:-}"
    if [[ -n "${INCREMENTAL_BASE_CLI:-}" ]]; then # the CLI of the code before the change, to compare
        measure "cold, before the cache (reference)" nothing "$INCREMENTAL_BASE_CLI" build "$work/sotu" --quiet ${INCREMENTAL_ARGS:-}
    fi
    measure "cold, no cache" nothing "$cli" build "$work/sotu" --quiet ${INCREMENTAL_ARGS:-}
    measure "cold, filling the cache" emptyCache "$cli" build "$work/sotu" --quiet --cache "$cache" ${INCREMENTAL_ARGS:-}
    measure "warm: 233 analyses from the cache" nothing "$cli" build "$work/sotu" --quiet --cache "$cache" ${INCREMENTAL_ARGS:-}
    measure "one document changed" changeOne "$cli" build "$work/sotu" --quiet --cache "$cache" ${INCREMENTAL_ARGS:-}
    measure "analyse stage alone, warm" nothing "$cli" analyse "$work/sotu" --quiet --cache "$cache"
    measure "analyse stage alone, cold" emptyCache "$cli" analyse "$work/sotu" --quiet --cache "$cache"
    echo "cache file: $(du -k "$cache" | cut -f1) KB for $(du -sk "$work/sotu" | cut -f1) KB of documents"
    rm -rf "$work"
    echo
    # The same in one process, and what the app pays: a curation edit
    # assembled from the analyses kept in memory (incremental_bench.cpp).
    QT_QPA_PLATFORM=offscreen run incremental_bench
}

SECTIONS=(layout graph render interaction pipeline tagger engine open jobs incremental)

if [[ $# -gt 0 ]]; then
    SECTIONS=("$@")
fi
for section in "${SECTIONS[@]}"; do
    "section_$section"
done
