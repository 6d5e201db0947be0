#pragma once

#include "tagger.h"
#include "wordshape.h"

#include <QString>
#include <QStringView>

#include <array>
#include <bit>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace carto::extract {

// The tagger's probabilities, built at load from the table taggerconvert made
// out of Lingua::EN::Tagger's words.yml, tags.yml and unknown.yml. Internal to
// Tagger; every member is const after load().
//
// Emission. The lexicon counts c(w, t) give P(t | w); the HMM needs P(w | t),
// which is P(t | w) P(w) / P(t). P(w) is the same for every tag of a token, so
// it cannot change the best path and is dropped: a row scores each candidate t
// with log P(t | w) - log P(t), P(t) being the tag's share of all lexicon
// counts. P(t | w) is smoothed towards the word's unknown-word class q (the
// class the word would get were it unknown; wordshape.h):
//     P(t | w) = (c(w, t) + k q(t)) / (c(w) + k),  k = 1,
// one pseudo-observation, so a word seen twice as a noun can still be a verb
// after a modal if its shape allows it, while frequent words keep their
// counts. Tags below 1/1000 of a row are dropped (annotation noise such as
// "the" as NN) and a row keeps at most 8 tags: that bounds the Viterbi's cost.
// Unknown words score their class's distribution the same way.
//
// Transition. tags.yml gives P(t | previous) as probabilities without counts;
// unseen pairs are interpolated with the tag prior, (1 - l) P(t | p) + l P(t),
// l = 1/1000. A sentence starts after and ends before the sentence-final
// punctuation tag (Penn '.'), whose row in tags.yml is what follows a
// sentence's end.
//
// Casing. WSJ counts are case-sensitive. A sentence-initial word combines the
// counts of its spelling and of its spelling with the first letter lowered
// ("North" + "north", "The" + "the"); a word of a heading or a shouted line
// combines all spellings of its lower-case form ("NORTH" + "North" + "north").
// Lower-case words are looked up as spelled: "apple" is not "Apple".
class TaggerBlobReader;

class TaggerModel final
{
public:
    // One candidate of a row: a lexeme is the index of its row's first entry,
    // so a row is one contiguous read (most rows fit a cache line).
    struct Entry
    {
        float score;       // log P(t | w) - log P(t)
        PosTag tag;
        std::uint8_t size; // the row's size, on its first entry
    };
    struct Row
    {
        const Entry *entries;
        int size;
    };

    static constexpr int kMaxCandidates = 8; // tags per row at most

    // Reads the table; on failure returns false and sets error.
    bool load(std::string_view blob, QString *error);

    [[nodiscard]] int lexiconSize() const { return m_wordCount; }
    [[nodiscard]] Row row(Tagger::Lexeme lexeme) const
    {
        const Entry *e = m_rows.data() + lexeme;
        return {e, e->size};
    }
    [[nodiscard]] float transition(PosTag from, PosTag to) const
    {
        return m_transition[static_cast<size_t>(from) * kPosTagCount + static_cast<size_t>(to)];
    }
    [[nodiscard]] float start(PosTag to) const { return transition(PosTag::Period, to); }
    [[nodiscard]] float end(PosTag from) const { return transition(from, PosTag::Period); }

    // The lexicon's row for the surface under the folding flags, or -1.
    [[nodiscard]] Tagger::Lexeme known(QStringView surface, std::uint8_t flags) const;
    // The majority tag of exactly this spelling, None when it is not listed.
    [[nodiscard]] PosTag majorityTag(std::string_view spelling) const;
    // lookup(): known() or the row of the unknown-word class.
    [[nodiscard]] Tagger::Lexeme lookup(QStringView surface, std::uint8_t flags) const;

    // Rows of fixed marks, for the tokens tagSentence() rebuilds.
    Tagger::Lexeme openQuote = 0;   // ``
    Tagger::Lexeme closeQuote = 0;  // ''
    Tagger::Lexeme openSingle = 0;  // `
    Tagger::Lexeme apostrophe = 0;  // '  (POS after a plural, or a closing quote)
    Tagger::Lexeme possessive = 0;  // 's
    Tagger::Lexeme ellipsis = 0;    // ...
    Tagger::Lexeme dash = 0;        // --
    Tagger::Lexeme objectUs = 0;    // us: the 's of "let's"
    [[nodiscard]] Tagger::Lexeme punctuation(char16_t c) const;

private:
    // Tag counts with a mask of the tags present, so a row costs its own tags.
    struct Counts
    {
        std::array<double, kPosTagCount> value{};
        std::uint64_t mask = 0;
        void add(PosTag t, double k)
        {
            value[static_cast<size_t>(t)] += k;
            mask |= std::uint64_t(1) << static_cast<int>(t);
        }
        void clear()
        {
            for (std::uint64_t m = mask; m; m &= m - 1)
                value[static_cast<size_t>(std::countr_zero(m))] = 0;
            mask = 0;
        }
    };
    struct Word
    {
        std::string_view spelling;
        Tagger::Lexeme exact = -1;   // the spelling's own counts; -1: only a lower-case key
        Tagger::Lexeme initial = -1; // with the first letter lowered too
        Tagger::Lexeme folded = -1;  // every spelling of this lower-case form
        std::uint32_t countBegin = 0;
        std::uint8_t countSize = 0;
        PosTag majority = PosTag::None;
        std::int32_t nextVariant = -1; // chain of spellings sharing this lower-case key
    };

    bool readTags(TaggerBlobReader &in, std::vector<PosTag> &tagOf, std::vector<float> &transitions, QString *error);
    bool readClasses(TaggerBlobReader &in, const std::vector<PosTag> &tagOf, QString *error);
    bool readWords(TaggerBlobReader &in, const std::vector<PosTag> &tagOf, QString *error);
    void buildTransitions(const std::vector<float> &probabilities);
    void buildClassRows();
    void buildWordRows();
    void buildFoldedRows();
    void buildInitialRows(const std::vector<std::int32_t> &lowerKey);
    bool buildFixedRows(QString *error);
public:
    // Calls f(spelling, count over all tags) for each spelling the lexicon lists.
    template <typename F>
    void forEachSpelling(F &&f) const
    {
        for (int wi = 0; wi < lexiconSize(); ++wi) {
            const Word &w = m_words[static_cast<size_t>(wi)];
            std::uint32_t total = 0;
            for (std::uint32_t i = w.countBegin; i < w.countBegin + w.countSize; ++i)
                total += m_counts[i].second;
            f(w.spelling, total);
        }
    }

private:
    void addCounts(const Word &w, Counts &into) const;
    Tagger::Lexeme addRow(const Counts &counts, const Counts *smoothing);
    void growRowSlots();
    [[nodiscard]] const Counts *smoothingFor(std::string_view spelling) const;
    [[nodiscard]] const Word *find(std::string_view spelling) const;
    std::int32_t insert(std::string_view spelling);
    [[nodiscard]] MajorityTag majority() const;
    [[nodiscard]] Tagger::Lexeme rowOf(WordShape shape) const;

    std::array<float, kPosTagCount * kPosTagCount> m_transition{};
    std::array<double, kPosTagCount> m_prior{};    // P(t)
    std::array<double, kPosTagCount> m_logPrior{}; // log P(t)
    std::array<Counts, kWordClassCount> m_classes{}; // P(t | class)
    std::array<Tagger::Lexeme, kWordClassCount> m_classRows{};
    std::array<Tagger::Lexeme, kWordClassCount> m_capMixRows{}; // half -cap-, half the class
    Tagger::Lexeme m_number = 0;  // *NUM*
    Tagger::Lexeme m_ordinal = 0; // *ORD*
    std::array<Tagger::Lexeme, 128> m_asciiPunct{};

    std::vector<Entry> m_rows;
    // while building: open addressing of (row hash, lexeme), to share equal rows
    std::vector<std::pair<std::uint64_t, Tagger::Lexeme>> m_rowSlots;
    size_t m_rowCount = 0;

    int m_wordCount = 0;
    std::vector<Word> m_words; // the lexicon's spellings, then lower-case keys it lacks
    std::vector<std::pair<PosTag, std::uint32_t>> m_counts;
    std::vector<std::int32_t> m_slots; // open addressing over m_words, -1 = empty
    std::string m_lowerArena;          // storage of the extra lower-case keys
};

} // namespace carto::extract
