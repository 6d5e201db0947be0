#pragma once

#include "tokenizer.h"

#include "foundation/progress.h"
#include "foundation/span.h"
#include "ingest/corpus.h"

#include <cstdint>
#include <vector>

namespace carto::extract {

// A sentence of a document as a token range.
struct Sentence
{
    std::int32_t tokBegin = 0;
    std::int32_t tokEnd = 0;
    TextRange range;
};

// The tokens of one document's extractable text (boilerplate and code left
// out), its sentences and, once tagged, one part-of-speech tag per token.
struct DocumentTokens
{
    std::vector<Token> tokens;
    std::vector<Sentence> sentences;
    std::vector<std::uint8_t> tags; // PosTag per token, filled by the tagging stage
    int thread = 0;                 // the thread whose form table the token ids index
};

// Tokenises every document in parallel: boilerplate units are dropped, the
// reader's sentences kept (or found by splitSentences), and blocks whose
// letter case tells nothing about names (headings, title-case lines, shouted
// paragraphs) flagged CaseUnreliable. interners gets one form table per thread.
[[nodiscard]] std::vector<DocumentTokens> tokenizeCorpus(const ingest::Corpus &corpus, int threads,
                                                         std::vector<FormInterner> &interners,
                                                         const CancelToken *cancel);

// True when a block's letter case is no evidence of names: a heading, a short
// line most of whose words are capitalised and that ends no sentence, or a
// block whose letters are mostly upper case, whatever its length.
[[nodiscard]] bool caseUnreliable(QStringView blockText, bool heading);

} // namespace carto::extract
