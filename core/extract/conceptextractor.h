#pragma once

#include "conceptdraft.h"
#include "curation.h"
#include "documentanalysis.h"
#include "extraction.h"
#include "foundation/progress.h"
#include "ingest/corpus.h"

namespace carto::extract {

// Finds concepts and their relations in a corpus: candidates (named entities,
// noun-phrase terms, quoted coinages, wiki links, headings), variant merging,
// scoring, typing, curation, then sentence co-occurrence relations.
// Called by the CLI, the project builder and app/jobs; pure function of its input.
class ConceptExtractor final
{
public:
    struct Options
    {
        int maxConcepts = 3000;   // keep this many top-scored concepts
        int maxRelationsPerConcept = 40; // keep each concept's strongest links
        int maxEvidencePerRelation = 20;
        int threads = 0;          // 0: hardware concurrency
    };

    explicit ConceptExtractor(Options options);
    ConceptExtractor();

    // Loads the linguistic resources (WordNet) now. Thread-safe and idempotent;
    // the pipeline calls it on a second thread while documents are read, so
    // the load overlaps reading instead of delaying extraction.
    static void prepare();

    // analyse() then assemble().
    [[nodiscard]] Extraction extract(const ingest::Corpus &corpus, const Curation &curation,
                                     ProgressSink *progress = nullptr,
                                     const CancelToken *cancel = nullptr) const;

    // The per-document half: analyseDocument() of every document, in parallel.
    [[nodiscard]] std::vector<DocumentAnalysis> analyse(const ingest::Corpus &corpus,
                                                        const CancelToken *cancel = nullptr) const;
    // The corpus half, from analyses[i] == analyseDocument(corpus.documents[i])
    // (fresh or from the analysis cache): boilerplate, vocabulary, tag repairs,
    // candidates, merging, scoring, typing, curation and relations. The same
    // analyses give the same extraction, however they were obtained.
    // finish(draft()).
    [[nodiscard]] Extraction assemble(const ingest::Corpus &corpus, std::vector<DocumentAnalysis> analyses,
                                      const Curation &curation, ProgressSink *progress = nullptr,
                                      const CancelToken *cancel = nullptr) const;

    // The part of assemble() no curation changes: boilerplate, vocabulary, tag
    // repairs, candidates, merging, scoring and typing. Empty when cancelled.
    [[nodiscard]] ConceptDraft draft(const ingest::Corpus &corpus, std::vector<DocumentAnalysis> analyses,
                                     ProgressSink *progress = nullptr, const CancelToken *cancel = nullptr) const;
    // The rest, from a draft of the same corpus made with the same
    // maxConcepts: curation, ranking, the cut to maxConcepts and relations.
    // What a curation edit re-runs (assembleProject); equal to assemble().
    [[nodiscard]] Extraction finish(const ingest::Corpus &corpus, const ConceptDraft &draft, const Curation &curation,
                                    ProgressSink *progress = nullptr, const CancelToken *cancel = nullptr) const;

private:
    [[nodiscard]] int threads() const;
    // finish() with the draft's concepts given apart (moved or copied).
    // With a memo, relations for the same concepts come from it (and go to it).
    [[nodiscard]] Extraction link(const ingest::Corpus &corpus, std::vector<Concept> concepts, const ConceptDraft &draft,
                                  const Curation &curation, RelationMemo *memo, ProgressSink *progress,
                                  const CancelToken *cancel) const;

    Options m_options;
};

} // namespace carto::extract
