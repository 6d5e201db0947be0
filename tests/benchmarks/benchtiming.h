#pragma once

// Timing helpers shared by the GUI benchmarks: wall time, the calling
// thread's CPU time (what the GUI thread itself spent, whatever the other
// engineers' builds do to the two shared cores) and, when the process runs
// under callgrind with --instr-atstart=no, instruction counts of the measured
// steps only (each phase is dumped under its own name; see
// tests/benchmarks/callgrind-phases.sh).

#include <QElapsedTimer>
#include <QString>

#include <algorithm>
#include <cstdio>
#include <ctime>
#include <vector>

#if __has_include(<valgrind/callgrind.h>)
#include <valgrind/callgrind.h>
#define CARTO_CALLGRIND_START() CALLGRIND_START_INSTRUMENTATION
#define CARTO_CALLGRIND_STOP() CALLGRIND_STOP_INSTRUMENTATION
#define CARTO_CALLGRIND_DUMP(name) CALLGRIND_DUMP_STATS_AT(name)
#else
#define CARTO_CALLGRIND_START() ((void)0)
#define CARTO_CALLGRIND_STOP() ((void)0)
#define CARTO_CALLGRIND_DUMP(name) ((void)(name))
#endif

namespace carto::bench {

inline double threadCpuMs()
{
    timespec ts{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) * 1e3 + double(ts.tv_nsec) / 1e6;
}

// One measured step: wall and thread CPU milliseconds.
struct Sample
{
    double wall = 0;
    double cpu = 0;
};

// Times fn() as one step, instrumented under callgrind.
template<typename Fn>
Sample measure(Fn &&fn)
{
    QElapsedTimer timer;
    const double cpu0 = threadCpuMs();
    timer.start();
    CARTO_CALLGRIND_START();
    fn();
    CARTO_CALLGRIND_STOP();
    return {double(timer.nsecsElapsed()) / 1e6, threadCpuMs() - cpu0};
}

// The samples of one phase and their summary (median, 90th percentile, max).
struct Phase
{
    QString name;
    std::vector<Sample> samples;

    void add(const Sample &s) { samples.push_back(s); }
    [[nodiscard]] static double quantile(std::vector<double> v, double q)
    {
        if (v.empty())
            return 0.0;
        std::sort(v.begin(), v.end());
        return v[std::min(v.size() - 1, size_t(q * double(v.size() - 1) + 0.5))];
    }
    [[nodiscard]] std::vector<double> walls() const
    {
        std::vector<double> out;
        for (const Sample &s : samples)
            out.push_back(s.wall);
        return out;
    }
    [[nodiscard]] std::vector<double> cpus() const
    {
        std::vector<double> out;
        for (const Sample &s : samples)
            out.push_back(s.cpu);
        return out;
    }
    // Prints "name  steps  wall median / p90 / max   cpu median / p90" and
    // ends the callgrind dump for this phase.
    void print() const
    {
        std::printf("%-26s %5zu %9.1f %9.1f %9.1f %9.1f %9.1f\n", qPrintable(name), samples.size(),
                    quantile(walls(), 0.5), quantile(walls(), 0.9), quantile(walls(), 1.0), quantile(cpus(), 0.5),
                    quantile(cpus(), 0.9));
        std::fflush(stdout);
        CARTO_CALLGRIND_DUMP(qPrintable(name));
    }
    static void printHeader()
    {
        std::printf("%-26s %5s %9s %9s %9s %9s %9s\n", "phase (ms per step)", "steps", "wall med", "wall p90",
                    "wall max", "cpu med", "cpu p90");
    }
};

} // namespace carto::bench
