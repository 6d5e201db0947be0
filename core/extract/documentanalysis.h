#pragma once

#include "corpustokens.h"

#include "ingest/document.h"

#include <cstdint>
#include <vector>

namespace carto::extract {

// What extraction derives from one document alone, a pure function of the
// document (so of its file's bytes) and the engine version: its tokens,
// sentences and part-of-speech tags. analyseDocument() makes it, the analysis
// cache (core/cache) keeps it, ConceptExtractor::assemble() turns the analyses
// of a corpus into concepts. Everything later depends on the rest of the
// corpus and is left to assembly: which units are boilerplate (lines repeated
// across documents), how the corpus capitalises a word (the tag repairs,
// nationality adjectives), candidates keyed by corpus word ids, and so on.
// Tagging is most of the per-document cost, reading and tokenising the rest
// (see README, "Incremental builds").
struct DocumentAnalysis
{
    // Every unit but code, boilerplate or not, tokenised. Token::form indexes
    // the document's own forms, numbered in order of first use; the flags are
    // the ones the tags were decoded with: the unit's case flag and the
    // document's shouted runs.
    std::vector<Token> tokens;
    std::vector<UnitSentence> sentences;
    std::vector<std::uint8_t> tags; // PosTag per token, before the corpus-level repairs
    std::int32_t formCount = 0;

    friend bool operator==(const DocumentAnalysis &, const DocumentAnalysis &);
};

// Bumped whenever analyseDocument (or the tokenizer, the tagger or the readers
// beneath it) would give a different result for the same bytes: it is part of
// every analysis cache key, so older entries are never read.
inline constexpr int kAnalysisVersion = 5;

// Tokenises and tags one document. Thread-safe; loads the tagger on first use.
[[nodiscard]] DocumentAnalysis analyseDocument(const ingest::Document &doc);

// The tokens of one document for the corpus stages: the sentences of the
// units not in `boilerplate` (one flag per BoilerplateFilter unit), with their
// tags, forms renumbered in order of use into interner.forms (views into
// doc.text, which must outlive them) and each token's CaseUnreliable flag back
// to its unit's, since shouted runs are marked again over the kept tokens.
// taggedFlags gets each kept token's flags as tagged, so a sentence whose
// flags then differ is tagged again.
[[nodiscard]] DocumentTokens keptTokens(const DocumentAnalysis &analysis, const ingest::Document &doc,
                                        const std::vector<bool> &boilerplate, FormInterner &interner,
                                        std::vector<std::uint16_t> &taggedFlags);

} // namespace carto::extract
