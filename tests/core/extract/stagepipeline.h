#pragma once

// Test support for the extraction stage tests: runs the public stages of
// core/extract in the order ConceptExtractor's Run does (tokenise, vocabulary,
// capitalisation counts, tagging, candidates, mentions, person references,
// merging), so each stage's test can feed it real tokens and tags and read
// what it emits.
//
// Two steps of the pipeline are private to conceptextractor.cpp and are NOT
// run here: Run::markShoutedWords (an ALL-CAPS run inside running text made
// case-unreliable) and Run::repairTags (tag corrections at sentence starts and
// in headings, and a verb for a verbless sentence). Stage tests therefore keep
// the words they are about away from sentence starts; what depends on those
// two steps is tested end to end through ConceptExtractor.

#include "extract/candidates.h"
#include "extract/corpustokens.h"
#include "extract/mentions.h"
#include "extract/merger.h"
#include "extract/references.h"
#include "extract/tagger.h"
#include "extract/vocabulary.h"

#include "ingest/corpus.h"
#include "ingest/corpusreader.h"

#include <QFile>
#include <QStringList>
#include <QTemporaryDir>

#include <optional>
#include <vector>

namespace carto::extract::test {

// Reads each text as a document the way the app does (CorpusReader::readFile:
// blocks and sentences from the real readers). A plain-text file gives one
// block per line; a text with a line starting "# " or a [[wiki link]] is read
// as Markdown, so that line is a heading and the link a link (Markdown joins
// adjacent lines into one paragraph: separate blocks by a blank line there).
inline ingest::Corpus readCorpus(const QStringList &texts)
{
    ingest::Corpus corpus;
    QTemporaryDir dir;
    const ingest::CorpusReader reader;
    for (int i = 0; i < texts.size(); ++i) {
        const bool markdown = texts[i].startsWith(u"# ") || texts[i].contains(u"\n# ") || texts[i].contains(u"[[");
        const QString name = QStringLiteral("doc%1.%2").arg(i).arg(markdown ? QStringLiteral("md") : QStringLiteral("txt"));
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(texts[i].toUtf8()) < 0)
            qFatal("cannot write %s", qPrintable(file.fileName()));
        file.close();
        std::optional<ingest::Document> doc = reader.readFile(file.fileName(), name, corpus.problems);
        if (!doc)
            qFatal("cannot read %s", qPrintable(file.fileName()));
        doc->id = DocumentId(i);
        corpus.documents.push_back(std::move(*doc));
    }
    return corpus;
}

class StagePipeline final
{
public:
    enum class Stage { Tagged, Candidates, Mentions, References, Merged };

    explicit StagePipeline(const QStringList &texts, Stage upTo = Stage::Merged, int threads = 1)
        : corpus(readCorpus(texts))
    {
        std::vector<FormInterner> interners;
        docs = tokenizeCorpus(corpus, threads, interners, nullptr);
        vocabulary.build(interners, docs, threads);
        vocabulary.countCapitalisation(docs, threads);
        tag();
        if (upTo == Stage::Tagged)
            return;
        candidates = findCandidates(corpus, docs, vocabulary, threads, nullptr);
        if (upTo == Stage::Candidates)
            return;
        mentions = assignMentions(candidates, threads);
        if (upTo == Stage::Mentions)
            return;
        resolvePersonReferences(mentions, candidates.keys, vocabulary, threads);
        if (upTo == Stage::References)
            return;
        merger.emplace(candidates, vocabulary);
        merger->merge(mentions);
    }

    StagePipeline(const StagePipeline &) = delete;
    StagePipeline &operator=(const StagePipeline &) = delete;

    // The text of document doc from token b to token e - 1.
    [[nodiscard]] QString text(int doc, std::int32_t b, std::int32_t e) const
    {
        const DocumentTokens &d = docs[static_cast<size_t>(doc)];
        const Token &first = d.tokens[static_cast<size_t>(b)];
        const Token &last = d.tokens[static_cast<size_t>(e - 1)];
        return corpus.documents[static_cast<size_t>(doc)].text.mid(first.start, last.end - first.start);
    }
    [[nodiscard]] QString text(int doc, const Occurrence &o) const { return text(doc, o.b, o.e); }

    [[nodiscard]] const KeyInfo &key(const Occurrence &o) const { return candidates.keys.at(o.key); }
    // A key's words as the vocabulary spells them ("energy job").
    [[nodiscard]] QString words(const KeyInfo &k) const
    {
        QStringList out;
        for (int id : k.ids)
            out << vocabulary.word(id).lower;
        return out.join(u' ');
    }

    // The first occurrence in list (candidates or mentions, per document) that
    // reads surface (case-sensitive) and is a name or not, as asked; null if none.
    [[nodiscard]] const Occurrence *find(const std::vector<std::vector<Occurrence>> &lists, const QString &surface,
                                         std::optional<bool> named = std::nullopt, int *docOut = nullptr) const
    {
        for (int di = 0; di < static_cast<int>(lists.size()); ++di) {
            for (const Occurrence &o : lists[static_cast<size_t>(di)]) {
                if (text(di, o) != surface || (named && key(o).named != *named))
                    continue;
                if (docOut)
                    *docOut = di;
                return &o;
            }
        }
        return nullptr;
    }
    [[nodiscard]] const Occurrence *candidate(const QString &surface, std::optional<bool> named = std::nullopt) const
    {
        return find(candidates.occurrences, surface, named);
    }
    [[nodiscard]] const Occurrence *mention(const QString &surface, std::optional<bool> named = std::nullopt) const
    {
        return find(mentions, surface, named);
    }

    // Every occurrence of a list as "surface" or "surface/kind", for messages.
    [[nodiscard]] QString render(const std::vector<std::vector<Occurrence>> &lists) const
    {
        QStringList out;
        for (int di = 0; di < static_cast<int>(lists.size()); ++di) {
            for (const Occurrence &o : lists[static_cast<size_t>(di)])
                out << text(di, o) + (key(o).named ? QStringLiteral("/name") : QStringLiteral("/term"));
        }
        return out.join(QStringLiteral(", "));
    }

    ingest::Corpus corpus;
    std::vector<DocumentTokens> docs;
    Vocabulary vocabulary;
    CandidateSet candidates;
    std::vector<std::vector<Occurrence>> mentions;
    std::optional<Merger> merger;

private:
    // Run::tag without Run::repairTags (see the top of this file).
    void tag()
    {
        const Tagger &tagger = Tagger::instance();
        const Tagger::FormLexemes forms(tagger, vocabulary.formTexts());
        std::vector<PosTag> tags;
        for (size_t di = 0; di < docs.size(); ++di) {
            DocumentTokens &d = docs[di];
            d.tags.assign(d.tokens.size(), static_cast<std::uint8_t>(PosTag::None));
            for (const Sentence &s : d.sentences) {
                const std::span<const Token> tokens(d.tokens.data() + s.tokBegin,
                                                    static_cast<size_t>(s.tokEnd - s.tokBegin));
                tags.assign(tokens.size(), PosTag::None);
                tagger.tagSentence(tokens, corpus.documents[di].text, forms, tags);
                for (size_t i = 0; i < tags.size(); ++i)
                    d.tags[static_cast<size_t>(s.tokBegin) + i] = static_cast<std::uint8_t>(tags[i]);
            }
        }
    }
};

} // namespace carto::extract::test
