// Layout benchmark: ForceLayout on synthetic concept-map-like graphs
// (Barabasi-Albert, m = 3, with triangle closing) at 1,000, 5,000 and 20,000
// nodes. Prints nodes, edges, wall time and normalised stress per size.
//
//   layout_bench [--sizes 1000,5000,20000] [--seed N] [--threads N]
//                [--sfdp]            also run Graphviz sfdp (if on PATH) on the
//                                    same graphs and print its time and stress
//                [--dot-dir DIR]     write each graph as DIR/ba_<n>.dot

#include "layout/forcelayout.h"
#include "support/syntheticgraphs.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTextStream>

#include <cstdio>

using carto::layout::ForceLayout;
using carto::layout::LayoutGraph;
using carto::layout::Point;

namespace {

// A Holme–Kim graph (m edges per new node, triangle closing with probability p).
LayoutGraph conceptLikeGraph(int n, unsigned seed, int m = 3, double p = 0.5)
{
    LayoutGraph g;
    g.nodeCount = n;
    for (const auto &[a, b] : carto::testsupport::holmeKimEdges(n, seed, m, p))
        g.edges.push_back({a, b, 1.0});
    return g;
}

bool writeDot(const LayoutGraph &g, const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    QTextStream out(&file);
    out << "graph G {\n";
    for (int v = 0; v < g.nodeCount; ++v)
        out << v << ";\n";
    for (const auto &e : g.edges)
        out << e.source << " -- " << e.target << ";\n";
    out << "}\n";
    return true;
}

// Runs sfdp and reads positions back from its plain output; empty on failure.
std::vector<Point> runSfdp(const LayoutGraph &g, const QString &sfdp, double &seconds)
{
    QTemporaryDir dir;
    const QString dot = dir.filePath(QStringLiteral("g.dot"));
    if (!writeDot(g, dot))
        return {};
    QProcess process;
    QElapsedTimer timer;
    timer.start();
    process.start(sfdp, {QStringLiteral("-Tplain"), dot});
    if (!process.waitForFinished(600'000) || process.exitCode() != 0)
        return {};
    seconds = double(timer.nsecsElapsed()) * 1e-9;
    std::vector<Point> positions(static_cast<size_t>(g.nodeCount));
    const QList<QByteArray> lines = process.readAllStandardOutput().split('\n');
    for (const QByteArray &line : lines) {
        const QList<QByteArray> parts = line.split(' ');
        if (parts.size() >= 4 && parts[0] == "node") {
            const int v = parts[1].toInt();
            if (v >= 0 && v < g.nodeCount)
                positions[size_t(v)] = {parts[2].toDouble(), parts[3].toDouble()};
        }
    }
    return positions;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    auto value = [&args](const QString &flag, const QString &fallback) {
        const auto i = args.indexOf(flag);
        return i >= 0 && i + 1 < args.size() ? args[i + 1] : fallback;
    };
    std::vector<int> sizes;
    for (const QString &s : value(QStringLiteral("--sizes"), QStringLiteral("1000,5000,20000")).split(u','))
        sizes.push_back(s.toInt());
    const unsigned seed = value(QStringLiteral("--seed"), QStringLiteral("42")).toUInt();
    const int threads = value(QStringLiteral("--threads"), QStringLiteral("0")).toInt();
    const QString dotDir = value(QStringLiteral("--dot-dir"), QString());
    const bool withSfdp = args.contains(QStringLiteral("--sfdp"));
    const QString sfdp = withSfdp ? QStandardPaths::findExecutable(QStringLiteral("sfdp")) : QString();
    if (withSfdp && sfdp.isEmpty())
        std::fprintf(stderr, "sfdp not found on PATH; skipping the comparison\n");

    ForceLayout::Options options;
    options.threads = threads;
    const ForceLayout layout(options);
    std::printf("%-8s %8s %8s %10s %8s", "graph", "nodes", "edges", "time_s", "stress");
    if (!sfdp.isEmpty())
        std::printf(" %12s %12s", "sfdp_time_s", "sfdp_stress");
    std::printf("\n");
    for (int n : sizes) {
        const LayoutGraph g = conceptLikeGraph(n, seed);
        if (!dotDir.isEmpty()) {
            QDir().mkpath(dotDir);
            writeDot(g, QDir(dotDir).filePath(QStringLiteral("ba_%1.dot").arg(n)));
        }
        QElapsedTimer timer;
        timer.start();
        const std::vector<Point> positions = layout.run(g);
        const double seconds = double(timer.nsecsElapsed()) * 1e-9;
        const double stress = carto::layout::normalisedStress(g, positions);
        std::printf("ba_m3_tc %8d %8zu %10.3f %8.4f", n, g.edges.size(), seconds, stress);
        if (!sfdp.isEmpty()) {
            double sfdpSeconds = 0.0;
            const std::vector<Point> reference = runSfdp(g, sfdp, sfdpSeconds);
            if (reference.empty())
                std::printf(" %12s %12s", "failed", "-");
            else
                std::printf(" %12.3f %12.4f", sfdpSeconds, carto::layout::normalisedStress(g, reference));
        }
        std::printf("\n");
        std::fflush(stdout);
    }
    return 0;
}
