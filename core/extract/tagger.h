#pragma once

#include "tokenizer.h"

#include <QLatin1StringView>
#include <QString>
#include <QStringView>

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

namespace carto::extract {

class TaggerModel;

// Penn Treebank part-of-speech tags, in the order of the model's tag table.
// Punctuation tags get names; pennName() gives the Treebank spelling.
enum class PosTag : std::uint8_t {
    CC, CD, DT, EX, FW, IN, JJ, JJR, JJS,
    LRB, // ( [ {     -LRB-
    LS, MD, NN, NNP, NNPS, NNS, PDT, POS,
    Period,     // . ! ?  (sentence-final)
    Comma,      // ,
    Dollar,     // $ and other currency signs
    OpenQuote,  // `` `
    CloseQuote, // '' '
    Colon,      // : ; -- ... and other mid-sentence punctuation (Penn's ':')
    PRP, PRPS,  // PRPS is PRP$
    RB, RBR, RBS, RP,
    RRB, // ) ] }     -RRB-
    SYM, TO, UH, VB, VBD, VBG, VBN, VBP, VBZ, WDT, WP,
    WPS, // WP$
    WRB,
    None, // no tag: no clitic, or no model
};
inline constexpr int kPosTagCount = static_cast<int>(PosTag::None);

// "NN", "PRP$", ".", "``", "-LRB-"; "" for None.
[[nodiscard]] QLatin1StringView pennName(PosTag tag);
// The tag spelled the Penn way, or None.
[[nodiscard]] PosTag posTagFromPenn(QStringView name);

[[nodiscard]] constexpr bool isNoun(PosTag t)
{
    return t == PosTag::NN || t == PosTag::NNS || t == PosTag::NNP || t == PosTag::NNPS;
}
[[nodiscard]] constexpr bool isProperNoun(PosTag t) { return t == PosTag::NNP || t == PosTag::NNPS; }
[[nodiscard]] constexpr bool isAdjective(PosTag t) { return t == PosTag::JJ || t == PosTag::JJR || t == PosTag::JJS; }
[[nodiscard]] constexpr bool isVerb(PosTag t) { return t >= PosTag::VB && t <= PosTag::VBZ; }

// A bigram hidden-Markov part-of-speech tagger for English: Viterbi decoding
// over the Penn Treebank lexicon and tag transitions that Lingua::EN::Tagger
// ships (converted at build time by tools/taggerconvert; see taggermodel.h for
// the probabilities, the casing rules and the unknown-word classes).
//
// The extractor tags in two steps so the vocabulary is looked up once per
// distinct form: lookup() turns a surface form into a lexeme (the emission row
// of its candidate tags), cached per run by FormLexemes, and tagSentence() /
// tag() decode one sentence at a cost proportional to the candidate tags of
// neighbouring tokens (one or two for most words), not 45 x 45.
//
// Loaded once per process by instance(); every query afterwards is const and
// safe from any thread. Ties between equally probable paths go to the lower
// tag in the order above, so the output is the same on every run and thread.
class Tagger final
{
public:
    // An emission row: an index into the model's table, stable for the process.
    using Lexeme = std::int32_t;

    enum LookupFlag : std::uint8_t {
        SentenceInitial = 1, // capital says nothing: fold with the lower-case form
        CaseUnreliable = 2,  // heading or shouted line: fold every casing
    };

    static const Tagger &instance();

    [[nodiscard]] bool isLoaded() const;
    [[nodiscard]] QString errorString() const;
    // Distinct spellings in the lexicon.
    [[nodiscard]] int lexiconSize() const;
    // Calls f(spelling, count) for every spelling of the lexicon with its
    // count over all tags: the background frequencies of general English.
    void forEachSpelling(const std::function<void(QStringView, int)> &f) const;

    // The lexeme of one surface form (a word, a hyphen-joined compound, an
    // abbreviation with its dot, or a punctuation mark). Unknown words get the
    // row of their shape class (suffix, capital, hyphen, number, ...).
    [[nodiscard]] Lexeme lookup(QStringView surface, std::uint8_t flags = 0) const;
    // True when the lexicon lists the form (with the folding flags ask for).
    [[nodiscard]] bool isKnown(QStringView surface, std::uint8_t flags = 0) const;
    // The tag the lexicon counts most often for exactly this spelling, or
    // None when it does not list it ("training" NN, "fostering" VBG).
    [[nodiscard]] PosTag majorityTag(QStringView surface) const;
    // The lexeme's candidate tags, in tag order.
    [[nodiscard]] std::vector<PosTag> candidates(Lexeme lexeme) const;

    // Viterbi over one sentence of lexemes, from a sentence start to a sentence
    // end. out.size() must equal lexemes.size().
    void tag(std::span<const Lexeme> lexemes, std::span<PosTag> out) const;

    class FormLexemes;
    // Tags one sentence of our tokens. tags and clitics are per token and must
    // have tokens.size() entries (clitics may be empty). Our tokens differ from
    // the Treebank's, so:
    //  - a Token::Possessive word is followed by an 's inside the model; its tag
    //    (POS, or VBZ for "it's", PRP for "let's") goes to clitics;
    //  - a contraction ("don't", "I'm", "we'll", "cannot") is its stem and
    //    clitic; the token's tag is the stem's (VBP, PRP, MD), clitics[i] the
    //    clitic's (RB, VBP, MD);
    //  - hyphen-joined words ("open-source", "state-of-the-art") are one unit:
    //    every token of it gets the compound's tag;
    //  - an abbreviation the lexicon lists with its dot ("Mr.", "Corp.")
    //    mid-sentence is one unit with the dot; "..." and "--" are one mark;
    //  - straight quotes open or close by their spacing.
    // Other tokens' clitics are None. text is the document the tokens index.
    void tagSentence(std::span<const Token> tokens, QStringView text, const FormLexemes &forms,
                     std::span<PosTag> tags, std::span<PosTag> clitics = {}) const;

    // Tokenizes text as one sentence (first word sentence-initial, every token
    // with extraFlags) and tags it: for tests, curation names and probes.
    struct Tagged
    {
        std::vector<Token> tokens;
        std::vector<PosTag> tags;
        std::vector<PosTag> clitics;
    };
    [[nodiscard]] Tagged tagText(QStringView text, std::uint16_t extraFlags = 0) const;

    Tagger(const Tagger &) = delete;
    Tagger &operator=(const Tagger &) = delete;
    ~Tagger();

private:
    Tagger();
    std::unique_ptr<TaggerModel> m_model; // null when the table would not load
    QString m_error;
};

// The lexemes of a run's surface forms (Token::form ids), looked up on first
// use and kept: the extractor builds one over its form table and shares it
// between its tagging threads (entries are atomics; two threads looking the
// same form up store the same value). The forms must outlive it.
class Tagger::FormLexemes final
{
public:
    struct Entry
    {
        Lexeme main = 0;
        Lexeme clitic = -1; // a contraction's second part, or -1
    };

    FormLexemes(const Tagger &tagger, std::span<const QStringView> forms);
    ~FormLexemes();
    FormLexemes(const FormLexemes &) = delete;
    FormLexemes &operator=(const FormLexemes &) = delete;

    [[nodiscard]] Entry entry(std::int32_t form, std::uint8_t lookupFlags) const;
    [[nodiscard]] bool hasLetter(std::int32_t form) const { return (m_shapes[static_cast<size_t>(form)] & 1) != 0; }
    // At least two letters, none of them lower case ("NASA", "THE").
    [[nodiscard]] bool isAllCaps(std::int32_t form) const { return (m_shapes[static_cast<size_t>(form)] & 2) != 0; }
    [[nodiscard]] QStringView surface(std::int32_t form) const { return m_forms[static_cast<size_t>(form)]; }

private:
    [[nodiscard]] Entry compute(QStringView surface, std::uint8_t lookupFlags) const;

    const Tagger &m_tagger;
    std::span<const QStringView> m_forms;
    std::vector<std::uint8_t> m_shapes; // 1: has a letter, 2: all caps
    // three lookup variants per form (plain, sentence-initial, case-unreliable);
    // 0 = not looked up yet, else (main + 1) | (clitic + 1) << 32
    std::unique_ptr<std::atomic<std::uint64_t>[]> m_entries;
};

} // namespace carto::extract
