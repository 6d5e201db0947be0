#pragma once

#include "tokenizer.h"

#include "foundation/progress.h"
#include "foundation/span.h"
#include "ingest/corpus.h"

#include <algorithm>
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

// One sentence of a document's analysis (see DocumentAnalysis): its token
// range and the reader unit (BoilerplateFilter::units) it belongs to, so
// assembly can drop the units the corpus shows to be boilerplate.
struct UnitSentence
{
    Sentence sentence;
    std::int32_t unit = 0;
    bool unitCaseUnreliable = false; // the unit's own case flag (before shouted runs)
};

// The tokens of every document but boilerplate and code, as the corpus stages
// see them (analyseDocument, then keptTokens): one form table per document
// (DocumentTokens::thread is the document's index).
[[nodiscard]] std::vector<DocumentTokens> tokenizeCorpus(const ingest::Corpus &corpus, int threads,
                                                         std::vector<FormInterner> &interners,
                                                         const CancelToken *cancel);

// Tokenises every unit of one document but code, boilerplate or not: the
// corpus-free half of tokenizeCorpus. Forms are interned into `interner`.
void tokenizeDocument(const ingest::Document &doc, FormInterner &interner, std::vector<Token> &tokens,
                      std::vector<UnitSentence> &sentences);

// An all-capitals word of at least kShoutedWordLetters letters that the
// tagger's lexicon knows in lower case is a shouted common word, not an
// acronym; so is a run of two or more with one of kShoutedRunLetters.
inline constexpr int kShoutedWordLetters = 6;
inline constexpr int kShoutedRunLetters = 4;

class Tagger;
// The letters an all-capitals word counts for in markShoutedRuns, given its
// lower-case form: its length, or kShoutedWordLetters for a modal or a word
// WordNet knows as an adverb alone ("MUST", "SHALL", "NOT", "NEVER"),
// which is emphasis however short, never an acronym. 0 when the lexicon does
// not know the lower-case form (an acronym).
[[nodiscard]] int shoutedLetters(const Tagger &tagger, QStringView lower);

// Flags runs of shouted words CaseUnreliable: a run of two or more words for
// which shoutable(token, letters) holds, one of them at least runLetters long,
// or one such word of wordLetters letters. Punctuation ends a run.
template <typename Shoutable>
void markShoutedRuns(std::vector<Token> &tokens, int runLetters, int wordLetters, Shoutable &&shoutable)
{
    for (size_t i = 0; i < tokens.size();) {
        int letters = 0;
        if (!shoutable(tokens[i], letters)) {
            ++i;
            continue;
        }
        size_t e = i;
        int longest = 0;
        while (e < tokens.size() && shoutable(tokens[e], letters)) {
            longest = std::max(longest, letters);
            ++e;
        }
        if ((e - i >= 2 && longest >= runLetters) || longest >= wordLetters) {
            for (size_t k = i; k < e; ++k)
                tokens[k].flags |= Token::CaseUnreliable;
        }
        i = e;
    }
}

// True when a block's letter case is no evidence of names: a heading, a short
// line most of whose words are capitalised and that ends no sentence, or a
// block whose letters are mostly upper case, whatever its length.
[[nodiscard]] bool caseUnreliable(QStringView blockText, bool heading);

} // namespace carto::extract
