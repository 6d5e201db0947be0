// What a whole build costs beside the cheapest pass over the same text: the
// bare tokenizer over every sentence of the corpus, then the whole
// `cartograph-cli build` process on the same folder, in the same run. Prints
// both (best of RUNS), their ratio and the CLI's peak resident memory.
//   engine_bench CLI [FOLDER] [RUNS]
#include "extract/tokenizer.h"
#include "ingest/corpusreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <sys/resource.h>
#include <sys/wait.h>

#include <algorithm>
#include <limits>

using namespace carto;

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    if (args.size() < 2) {
        out << "usage: engine_bench CLI [FOLDER] [RUNS]\n";
        return 2;
    }
    const QString cli = args.at(1);
    const QString folder = args.size() > 2 ? args.at(2) : QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu");
    const int runs = args.size() > 3 ? std::max(1, args.at(3).toInt()) : 3;

    QString error;
    const auto corpus = ingest::CorpusReader().read(folder, &error);
    if (!corpus) {
        out << "engine_bench: " << error << Qt::endl;
        return 1;
    }
    qint64 tokenizeBest = std::numeric_limits<qint64>::max();
    size_t tokens = 0;
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        extract::FormInterner interner;
        std::vector<extract::Token> out;
        for (const ingest::Document &doc : corpus->documents) {
            for (const TextRange &s : doc.sentences)
                extract::tokenize(doc.text, s, true, 0, interner, out);
        }
        tokenizeBest = std::min(tokenizeBest, t.nsecsElapsed());
        tokens = out.size();
    }

    // an older CLI (a reference build) may not know --quiet: then without it
    QStringList buildArgs{QStringLiteral("build"), folder, QStringLiteral("--quiet")};
    qint64 buildBest = std::numeric_limits<qint64>::max();
    for (int r = 0; r < runs; ++r) {
        QElapsedTimer t;
        t.start();
        QProcess p;
        p.setStandardOutputFile(QProcess::nullDevice());
        p.setStandardErrorFile(QProcess::nullDevice());
        p.start(cli, buildArgs);
        const bool finished = p.waitForFinished(-1);
        if (finished && p.exitCode() != 0 && buildArgs.size() == 3) {
            buildArgs.removeLast();
            --r;
            continue;
        }
        if (!finished || p.exitCode() != 0) {
            out << "engine_bench: " << cli << " failed" << Qt::endl;
            return 1;
        }
        buildBest = std::min(buildBest, t.nsecsElapsed());
    }
    rusage usage{};
    getrusage(RUSAGE_CHILDREN, &usage); // ru_maxrss: the largest child, in KB

    out << folder << ": " << corpus->documents.size() << " documents, " << tokens << " tokens; best of " << runs
        << " runs\n";
    out << QStringLiteral("  tokenizer pass   %1 ms\n").arg(tokenizeBest / 1e6, 8, 'f', 1);
    out << QStringLiteral("  cli build        %1 ms  (%2x the tokenizer pass)\n")
               .arg(buildBest / 1e6, 8, 'f', 1)
               .arg(double(buildBest) / double(std::max<qint64>(1, tokenizeBest)), 0, 'f', 1);
    out << QStringLiteral("  cli peak RSS     %1 MB\n").arg(usage.ru_maxrss / 1024.0, 8, 'f', 1);
    return 0;
}
