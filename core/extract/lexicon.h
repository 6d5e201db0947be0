#pragma once

#include <QString>
#include <QStringList>

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace carto::extract {

// Read-only view of the WordNet database (index, data, exception and cntlist
// files), memory-mapped and indexed once per process. The extractor asks it for
// parts of speech, noun lemmas (WordNet's own morphy: exception lists, then its
// detachment table), general-English tag counts, lexicographer files and
// pertainyms. libwordnet's search functions are not thread-safe and cost about
// 0.1 ms per call, far too slow for a large vocabulary, so the files are read
// directly; after loading, every query is const and safe from any thread.
// Words are lower-case UTF-8; multiword entries use '_' between words.
class Lexicon final
{
public:
    enum Pos : std::uint8_t { Noun = 1, Verb = 2, Adjective = 4, Adverb = 8 };

    // The process-wide instance; loads the database on first use. Directory:
    // $WNSEARCHDIR when set, else the one found at configure time.
    static const Lexicon &instance();

    [[nodiscard]] bool isLoaded() const;
    // Parts of speech under which the exact lemma is listed.
    [[nodiscard]] std::uint8_t posMask(std::string_view word) const;
    // Parts of speech of the word or of any base form morphy finds for it.
    [[nodiscard]] std::uint8_t inflectedPosMask(std::string_view word) const;
    // The noun base form ("models" -> "model", "mice" -> "mouse"); empty when
    // WordNet has no noun reading.
    [[nodiscard]] std::string nounBase(std::string_view word) const;
    // The verb base form by morphy ("invests" -> "invest", "ran" -> "run");
    // empty when WordNet has no verb reading.
    [[nodiscard]] std::string verbBase(std::string_view word) const;
    // Sum of the semantic-concordance tag counts over the lemma's senses: a
    // proxy for how common the word is in general English.
    [[nodiscard]] int tagCount(std::string_view lemma) const;
    // The sum of all tag counts (the number of tagged words behind them).
    [[nodiscard]] qint64 totalTagCount() const;
    // Calls f(lemma, count) for every lemma with a tag count.
    void forEachTagCount(const std::function<void(std::string_view, int)> &f) const;
    // The same count restricted to one part of speech; the word is first reduced
    // to its base form for that part of speech ("lost" -> "lose" as a verb).
    [[nodiscard]] int tagCount(std::string_view word, Pos pos) const;
    // True when some adjective sense of the word points at a noun it pertains to
    // ("technological" -> technology, "national" -> nation): a classifying
    // adjective, as opposed to an evaluative one ("widespread", "robust").
    [[nodiscard]] bool isRelationalAdjective(std::string_view adjective) const;
    // The other members of the first noun synset that spells the lemma
    // capitalised ("america" -> "United States", "US", "USA", ...), '_' as ' '.
    [[nodiscard]] QStringList properSynonyms(std::string_view lemma) const;
    // How many places the lemma names: noun.location synsets that spell it
    // capitalised. 1 for "Soviet Union" and "United States" (its other sense
    // is the government), 4 for "Russia" (the Soviet Union, the Soviet
    // republic, the empire, the federation).
    [[nodiscard]] int placeSenses(std::string_view lemma) const;
    // Lexicographer file of the lemma's first noun sense ("noun.location");
    // with preferProper, the first sense whose synset spells it capitalised.
    [[nodiscard]] QString nounLexFile(std::string_view lemma, bool preferProper) const;
    // The index of the lemma's first noun sense that is a class, not an
    // instance of one ("id": the card, not Idaho; "china": porcelain, not the
    // country), or 0 when it has none or that is the first.
    [[nodiscard]] int firstClassSense(std::string_view lemma) const;
    // Lexicographer file of the lemma's noun sense `sense` (0-based); empty past the last.
    [[nodiscard]] QString nounSenseLexFile(std::string_view lemma, int sense) const;
    // Every noun sense of the lemma spells it capitalised ("Kansas", "Texas"):
    // a name wherever it stands.
    [[nodiscard]] bool properOnly(std::string_view lemma) const;
    // For an adjective whose pertainym senses all point at one capitalised noun
    // ("chinese" -> "China"), that noun; else empty.
    [[nodiscard]] QString properPertainym(std::string_view adjective) const;

    // A class a proper noun is an instance of ("Kansas" -> "American state",
    // noun.location), from the instance-hypernym pointers of the synsets that
    // spell the lemma capitalised, in sense order.
    struct NounClass
    {
        QString word;    // first word of the class synset, '_' as ' '
        QString lexFile; // its lexicographer file
    };
    [[nodiscard]] std::vector<NounClass> instanceClasses(std::string_view lemma) const;
    // The words (lower case, '_' between words) of every synset above the
    // lemma's `senses` noun senses from `firstSense` on, following hypernym and instance
    // pointers transitively, nearest first: "tariff" -> "tax", "levy", ...
    [[nodiscard]] std::vector<std::string> hypernymWords(std::string_view lemma, int senses, int firstSense = 0) const;

    Lexicon(const Lexicon &) = delete;
    Lexicon &operator=(const Lexicon &) = delete;
    ~Lexicon();

private:
    Lexicon();
    struct Private;
    Private *d;
};

} // namespace carto::extract
