// Times each stage of the engine on a real corpus, the same stages
// project::buildCorpus runs: read, extract, graph, metrics, layout.
//   pipeline_bench [FOLDER] [RUNS]
#include "extract/conceptextractor.h"
#include "graph/conceptgraph.h"
#include "ingest/corpusreader.h"
#include "layout/forcelayout.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <algorithm>
#include <array>
#include <cstdio>

using namespace carto;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    const QString folder = args.size() > 1 ? args.at(1) : QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu");
    const int runs = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 3;
    QTextStream out(stdout);

    constexpr int kStages = 6;
    const std::array<const char *, kStages> names = {"read", "extract", "graph", "metrics", "layout", "total"};
    std::array<qint64, kStages> best;
    best.fill(std::numeric_limits<qint64>::max());
    int documents = 0;
    int nodes = 0;
    int edges = 0;
    for (int run = 0; run < runs; ++run) {
        std::array<qint64, kStages> ms{};
        QElapsedTimer total;
        total.start();
        QElapsedTimer t;
        t.start();
        QString error;
        const auto corpus = ingest::CorpusReader().read(folder, &error);
        if (!corpus) {
            out << "pipeline_bench: " << error << Qt::endl;
            return 1;
        }
        ms[0] = t.restart();
        const extract::Extraction extraction = extract::ConceptExtractor().extract(*corpus, {});
        ms[1] = t.restart();
        graph::ConceptGraph g = graph::ConceptGraph::fromExtraction(extraction);
        ms[2] = t.restart();
        g.computeMetrics();
        ms[3] = t.restart();
        layout::ForceLayout().run(g);
        ms[4] = t.restart();
        ms[5] = total.elapsed();
        for (int s = 0; s < kStages; ++s)
            best[s] = std::min(best[s], ms[s]);
        documents = static_cast<int>(corpus->documents.size());
        nodes = g.nodeCount();
        edges = g.edgeCount();
    }
    out << folder << ": " << documents << " documents, " << nodes << " concepts, " << edges << " links; best of "
        << runs << " runs\n";
    for (int s = 0; s < kStages; ++s)
        out << QStringLiteral("  %1 %2 ms\n").arg(QLatin1String(names[s]), -8).arg(best[s], 6);
    return 0;
}
