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

# Time and memory against corpus size: cartograph-cli build --no-layout on
# 1x to 32x SOTU (copies of the 233 addresses in subfolders), one run each,
# wall time and peak RSS from GNU time, then a text plot of both against the
# corpus size. SCALE_FACTORS overrides the sizes ("1 2 4 8").
section_scale() {
    local cli="$BUILD_DIR/app/cli/cartograph-cli" work report rows
    work="$(mktemp -d)"
    report="$work/time"
    rows="$work/rows"
    echo "== scale: cartograph-cli build --no-layout on copies of sotu, one run each"
    printf '%-6s %9s %10s %11s %12s %9s\n' "size" "text MB" "wall s" "peak RSS MB" "RSS/text MB" "time/1x"
    local base=""
    for n in ${SCALE_FACTORS:-1 2 4 8 16 32}; do
        for ((k = 1; k <= n; ++k)); do
            mkdir -p "$work/corpus/copy$k"
            cp "$SHARED_DIR"/corpora/sotu/*.txt "$work/corpus/copy$k/"
        done
        /usr/bin/time -o "$report" -f "%e %M %x" "$cli" build "$work/corpus" --quiet --no-layout > /dev/null 2>&1
        local wall rss code mb
        read -r wall rss code < <(tail -1 "$report")
        mb="$(du -sm --apparent-size "$work/corpus" | cut -f1)"
        base="${base:-$wall}"
        awk -v n="$n" -v mb="$mb" -v w="$wall" -v r="$rss" -v b="$base" -v c="$code" 'BEGIN {
            printf "%-6s %9d %10.1f %11.0f %12.2f %9.2f%s\n", n "x", mb, w, r / 1024, r / 1024 / mb, w / b,
                   c == 0 ? "" : "  (exit " c ")" }'
        echo "$n $mb $wall $rss" >> "$rows"
        rm -rf "$work/corpus"
    done
    # one row per size: a bar for the time (#) and one for the memory (=),
    # each scaled to its largest value
    awk '{ n[NR] = $1; w[NR] = $3; r[NR] = $4 / 1024; if ($3 > mw) mw = $3; if (r[NR] > mr) mr = r[NR] }
         END { for (i = 1; i <= NR; ++i) {
                 printf "%4sx time %-40s %7.1f s\n", n[i], substr("########################################", 1, int(40 * w[i] / mw + 0.5)), w[i]
                 printf "%4s  RSS  %-40s %7.0f MB\n", "", substr("========================================", 1, int(40 * r[i] / mr + 0.5)), r[i] } }' "$rows"
    rm -rf "$work"
    echo
}

SECTIONS=(layout graph render interaction pipeline tagger engine open jobs incremental)

if [[ $# -gt 0 ]]; then
    SECTIONS=("$@")
fi
for section in "${SECTIONS[@]}"; do
    "section_$section"
done
