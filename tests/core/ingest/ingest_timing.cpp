// Timing harness, not a test: reads a folder with CorpusReader and prints the
// wall time, documents, problems and sentence counts. With a file argument after
// the folder it dumps that document's text, blocks and sentences.
//   ingest_timing /work/shared/corpora/sotu [repeat]
#include "ingest/corpusreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

using namespace carto;
using namespace carto::ingest;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    QTextStream out(stdout);
    const int repeat = args.size() > 2 && args[2].toInt() > 0 ? args[2].toInt() : 5;
    const QString dump = args.size() > 3 ? args[3] : QString();
    CorpusReader reader;
    qint64 best = -1;
    std::optional<Corpus> corpus;
    for (int r = 0; r < repeat; ++r) {
        QString error;
        QElapsedTimer timer;
        timer.start();
        corpus = reader.read(args[1], &error);
        const qint64 ns = timer.nsecsElapsed();
        best = best < 0 ? ns : std::min(best, ns);
        if (!corpus) {
            out << "error: " << error << Qt::endl;
            return 1;
        }
    }
    qsizetype sentences = 0;
    qsizetype chars = 0;
    for (const Document &d : corpus->documents) {
        sentences += qsizetype(d.sentences.size());
        chars += d.text.size();
    }
    out << "documents " << corpus->documents.size() << " problems " << corpus->problems.size() << " chars " << chars
        << " sentences " << sentences << " best wall ms " << double(best) / 1e6 << Qt::endl;
    for (const Problem &p : corpus->problems)
        out << (p.severity == Problem::Severity::Error ? "E " : "W ") << p.path << ": " << p.message << Qt::endl;
    for (const Document &d : corpus->documents) {
        if (dump.isEmpty() || !d.path.contains(dump))
            continue;
        out << "== " << d.path << " title=" << d.title << " enc=" << d.encoding << " mojibake=" << d.mojibakeRepaired
            << " format=" << int(d.format) << Qt::endl;
        out << "date " << d.date.date.toIsoString() << " source " << int(d.date.source) << Qt::endl;
        for (const SetAside &a : d.setAside)
            out << "aside " << setAsideKindName(a.kind) << " " << a.label << ": "
                << a.range.slice(d.text).left(80).toString().replace(u'\n', u' ') << Qt::endl;
        for (const auto &[k, v] : d.metadata)
            out << "meta " << k << " = " << v << Qt::endl;
        for (const Block &b : d.blocks)
            out << "block " << int(b.kind) << " L" << b.level << (b.isLinkOnly ? " link-only" : "") << ": "
                << b.range.slice(d.text).left(100).toString() << Qt::endl;
        for (const Section &s : d.sections)
            out << "section L" << s.level << " " << s.title << " [" << s.range.start << "," << s.range.end << ")" << Qt::endl;
        for (const TextRange &s : d.sentences)
            out << "  S: " << s.slice(d.text).toString() << Qt::endl;
        for (const Timestamp &t : d.timestamps)
            out << "ts " << t.label << " " << t.seconds << " -> " << t.passage.slice(d.text).toString() << Qt::endl;
        for (const WikiLink &w : d.wikiLinks)
            out << "wiki " << w.target << " -> " << w.range.slice(d.text).toString() << Qt::endl;
        for (const Link &l : d.links)
            out << "link " << l.url << " -> " << l.range.slice(d.text).toString() << Qt::endl;
    }
    return 0;
}
