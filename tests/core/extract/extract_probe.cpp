// Throwaway probe (not a test): times ingest + extraction on a folder and prints
// the top concepts, optionally the top concepts of one document by tf-idf.
// Usage: extract_probe FOLDER [TOP] [DOCUMENT-PATH]
#include "extract/conceptextractor.h"
#include "extract/tagger.h"
#include "extract/lexicon.h"
#include "extract/typer.h"
#include "ingest/corpusreader.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTextStream>

#include <cmath>
#include <map>

using namespace carto;

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 2)
        return 2;
    QTextStream out(stdout);
    if (args.size() > 2 && args[1] == u"--tag") {
        // extract_probe --tag "TEXT": the tagger's reading of one sentence
        const extract::Tagger::Tagged t = extract::Tagger::instance().tagText(args[2]);
        for (size_t i = 0; i < t.tokens.size(); ++i)
            out << args[2].mid(t.tokens[i].start, t.tokens[i].end - t.tokens[i].start) << "/"
                << extract::pennName(t.tags[i]) << " ";
        out << Qt::endl;
        return 0;
    }
    if (args.size() > 2 && args[1] == u"--lexeme") {
        // extract_probe --lexeme WORD: the tagger's candidate tags for a spelling
        const extract::Tagger &tagger = extract::Tagger::instance();
        out << (tagger.isKnown(args[2]) ? "known" : "unknown") << ":";
        for (const extract::PosTag t : tagger.candidates(tagger.lookup(args[2])))
            out << " " << extract::pennName(t);
        out << Qt::endl;
        return 0;
    }
    if (args.size() > 2 && args[1] == u"--noun") {
        // extract_probe --noun LEMMA: the typer's class of a noun and its hypernyms
        const std::string lemma = args[2].toStdString();
        out << "class " << static_cast<int>(extract::classifyNoun(lemma)) << " lexfile "
            << extract::Lexicon::instance().nounLexFile(lemma, false) << " proper "
            << extract::Lexicon::instance().nounLexFile(lemma, true) << Qt::endl;
        for (const std::string &w : extract::Lexicon::instance().hypernymWords(lemma, 1))
            out << QString::fromStdString(w) << " ";
        out << Qt::endl;
        return 0;
    }
    if (args.size() > 2 && args[1] == u"--text") {
        // extract_probe --text "TEXT": the concepts of one document
        ingest::Corpus corpus;
        ingest::Document doc;
        doc.text = args[2];
        doc.blocks.push_back({ingest::Block::Kind::Paragraph, {0, doc.text.size()}, 0, false});
        corpus.documents.push_back(doc);
        const extract::Extraction x = extract::ConceptExtractor().extract(corpus, {});
        for (const auto &c : x.concepts)
            out << QString::number(c.score, 'f', 2) << "\t" << extract::conceptTypeName(c.type) << "\t[" << c.id.value()
                << "] " << c.label << " m=" << c.mentions.size() << " {" << c.aliases.join(QStringLiteral(" | ")) << "}" << Qt::endl;
        for (const auto &r : x.relations)
            out << "rel " << r.source.value() << " -- " << r.target.value() << " n=" << r.count << " " << r.label << Qt::endl;
        return 0;
    }
    QElapsedTimer timer;
    timer.start();
    QString error;
    auto corpus = ingest::CorpusReader().read(args[1], &error);
    if (!corpus) {
        out << "read failed: " << error << Qt::endl;
        return 1;
    }
    const qint64 readMs = timer.restart();
    const extract::Extraction x = extract::ConceptExtractor().extract(*corpus, {});
    const qint64 extractMs = timer.elapsed();
    out << "documents " << corpus->documents.size() << " read " << readMs << " ms, extract " << extractMs
        << " ms, concepts " << x.concepts.size() << ", relations " << x.relations.size() << Qt::endl;
    const int top = args.size() > 2 ? args[2].toInt() : 60;
    for (int i = 0; i < top && i < static_cast<int>(x.concepts.size()); ++i) {
        const auto &c = x.concepts[static_cast<size_t>(i)];
        out << i + 1 << "\t" << QString::number(c.score, 'f', 2) << "\t" << extract::conceptTypeName(c.type) << "\t"
            << c.label << "\t[" << c.id.value() << "] m=" << c.mentions.size() << " d=" << c.documentCount
            << " aliases=" << c.aliases.join(QStringLiteral(" | ")).left(120) << Qt::endl;
    }
    if (args.size() > 3) {
        int doc = -1;
        for (const auto &d : corpus->documents) {
            if (d.path == args[3])
                doc = d.id.value();
        }
        const double n = static_cast<double>(corpus->documents.size());
        std::multimap<double, QString, std::greater<>> ranked;
        for (const auto &c : x.concepts) {
            int tf = 0;
            for (const auto &m : c.mentions)
                tf += m.span.document.value() == doc;
            if (tf == 0)
                continue;
            // tf-idf in this document times the concept's specificity and boosts
            // (its score without the corpus-wide frequency and spread factors)
            const double m = static_cast<double>(c.mentions.size());
            const double intrinsic = c.score / ((1 + std::log(m)) * (1 + 0.5 * std::log(c.documentCount)));
            const double s = intrinsic * (1 + std::log(tf)) * std::log((n + 1) / c.documentCount);
            ranked.emplace(s, c.label + QStringLiteral(" (tf=%1 df=%2)").arg(tf).arg(c.documentCount));
        }
        out << "--- top concepts of " << args[3] << Qt::endl;
        int i = 0;
        for (const auto &[s, label] : ranked) {
            if (++i > 30)
                break;
            out << i << "\t" << QString::number(s, 'f', 2) << "\t" << label << Qt::endl;
        }
    }
    const QString show = qEnvironmentVariable("SHOW");
    for (const auto &c : x.concepts) {
        if (show.isEmpty() || c.id.value() != show)
            continue;
        for (const auto &m : c.mentions) {
            const QString &t = corpus->documents[static_cast<size_t>(m.span.document.value())].text;
            out << "  " << m.span.document.value() << ": ..." << t.mid(std::max<qsizetype>(0, m.span.range.start - 50), 50)
                << "[" << m.surface << "]" << t.mid(m.span.range.end, 40) << Qt::endl;
        }
    }
    for (int i = 0; i < 15 && i < static_cast<int>(x.relations.size()); ++i) {
        const auto &r = x.relations[static_cast<size_t>(i)];
        out << "rel " << r.source.value() << " -- " << r.target.value() << " n=" << r.count << " w="
            << QString::number(r.weight, 'f', 2) << " " << r.label << Qt::endl;
    }
    return 0;
}
