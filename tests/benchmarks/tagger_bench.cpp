// The part-of-speech tagger's costs: model load time (median over fresh
// processes, since a second load in one process would find its pages warm and
// the singleton built) and tagging speed on a real corpus, side by side with
// the bare tokenizer pass over the same sentences in the same run.
//   tagger_bench [FOLDER] [RUNS]
#include "extract/tagger.h"
#include "extract/tokenizer.h"
#include "ingest/corpusreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <algorithm>
#include <limits>
#include <vector>

using namespace carto;
using namespace carto::extract;

namespace {

constexpr int kLoadProcesses = 9;

// The sentences of every document, as the extractor tokenizes them.
struct Sentences
{
    std::vector<std::pair<const ingest::Document *, TextRange>> ranges;
};

Sentences collect(const ingest::Corpus &corpus)
{
    Sentences s;
    for (const ingest::Document &doc : corpus.documents) {
        if (!doc.sentences.empty()) {
            for (const TextRange &r : doc.sentences)
                s.ranges.emplace_back(&doc, r);
            continue;
        }
        for (const ingest::Block &b : doc.blocks) {
            for (const TextRange &r : splitSentences(doc.text, b.range))
                s.ranges.emplace_back(&doc, r);
        }
    }
    return s;
}

struct Pass
{
    qint64 tokenizeNs = 0;
    qint64 tagNs = 0; // form look-ups and Viterbi
    size_t tokens = 0;
    size_t words = 0;
    size_t forms = 0;
};

Pass run(const Sentences &sentences, bool tag)
{
    Pass p;
    QElapsedTimer timer;
    timer.start();
    FormInterner interner;
    std::vector<Token> tokens;
    std::vector<std::pair<size_t, size_t>> bounds;
    tokens.reserve(4'000'000);
    bounds.reserve(sentences.ranges.size());
    for (const auto &[doc, range] : sentences.ranges) {
        const size_t b = tokens.size();
        tokenize(doc->text, range, true, 0, interner, tokens);
        bounds.emplace_back(b, tokens.size());
    }
    p.tokenizeNs = timer.nsecsElapsed();
    p.tokens = tokens.size();
    p.words = static_cast<size_t>(std::count_if(tokens.begin(), tokens.end(), [](const Token &t) {
        return t.isWord();
    }));
    p.forms = interner.forms.size();
    if (!tag)
        return p;
    timer.restart();
    const Tagger &tagger = Tagger::instance();
    const Tagger::FormLexemes forms(tagger, interner.forms);
    std::vector<PosTag> tags(tokens.size());
    std::vector<PosTag> clitics(tokens.size());
    for (size_t s = 0; s < bounds.size(); ++s) {
        const auto [b, e] = bounds[s];
        tagger.tagSentence(std::span<const Token>(tokens.data() + b, e - b), sentences.ranges[s].first->text, forms,
                           std::span<PosTag>(tags.data() + b, e - b), std::span<PosTag>(clitics.data() + b, e - b));
    }
    p.tagNs = timer.nsecsElapsed();
    return p;
}

double median(std::vector<double> v)
{
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[v.size() / 2];
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = QCoreApplication::arguments();
    QTextStream out(stdout);
    if (args.size() > 1 && args.at(1) == u"--load-once") {
        QElapsedTimer t;
        t.start();
        const bool loaded = Tagger::instance().isLoaded();
        out << (loaded ? double(t.nsecsElapsed()) / 1e6 : -1.0) << Qt::endl;
        return loaded ? 0 : 1;
    }
    const QString folder = args.size() > 1 ? args.at(1) : QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu");
    const int runs = args.size() > 2 ? std::max(1, args.at(2).toInt()) : 3;

    std::vector<double> loads;
    for (int i = 0; i < kLoadProcesses; ++i) {
        QProcess p;
        p.start(QCoreApplication::applicationFilePath(), {QStringLiteral("--load-once")});
        if (!p.waitForFinished(60'000) || p.exitCode() != 0) {
            out << "tagger_bench: the model did not load" << Qt::endl;
            return 1;
        }
        loads.push_back(QString::fromLatin1(p.readAllStandardOutput()).trimmed().toDouble());
    }
    out << QStringLiteral("model load: median %1 ms over %2 fresh processes (min %3, max %4)\n")
               .arg(median(loads), 0, 'f', 1)
               .arg(kLoadProcesses)
               .arg(*std::min_element(loads.begin(), loads.end()), 0, 'f', 1)
               .arg(*std::max_element(loads.begin(), loads.end()), 0, 'f', 1);

    QString error;
    const auto corpus = ingest::CorpusReader().read(folder, &error);
    if (!corpus) {
        out << "tagger_bench: " << error << Qt::endl;
        return 1;
    }
    const Sentences sentences = collect(*corpus);
    (void)Tagger::instance(); // loaded outside the timed passes
    qint64 bareBest = std::numeric_limits<qint64>::max();
    qint64 tagBest = std::numeric_limits<qint64>::max();
    qint64 totalBest = std::numeric_limits<qint64>::max();
    Pass last;
    for (int r = 0; r < runs; ++r) { // alternate so both see the same machine
        bareBest = std::min(bareBest, run(sentences, false).tokenizeNs);
        last = run(sentences, true);
        tagBest = std::min(tagBest, last.tagNs);
        totalBest = std::min(totalBest, last.tokenizeNs + last.tagNs);
    }
    auto ms = [](qint64 ns) { return QString::number(double(ns) / 1e6, 'f', 1); };
    auto perSecond = [&](qint64 ns) { return QString::number(double(last.tokens) / (double(ns) / 1e9) / 1e6, 'f', 2); };
    out << folder << ": " << corpus->documents.size() << " documents, " << sentences.ranges.size() << " sentences, "
        << last.tokens << " tokens (" << last.words << " words, " << last.forms << " distinct forms); best of " << runs
        << " runs\n";
    out << "  tokenize only        " << ms(bareBest) << " ms  (" << perSecond(bareBest) << " M tokens/s)\n";
    out << "  tagging alone        " << ms(tagBest) << " ms  (" << perSecond(tagBest)
        << " M tokens/s, form look-ups included)\n";
    out << "  tokenize + tag       " << ms(totalBest) << " ms  (" << perSecond(totalBest) << " M tokens/s), "
        << QString::number(double(totalBest) / double(bareBest), 'f', 2) << "x the tokenizer pass\n";
    return 0;
}
