#pragma once

#include "tokenizer.h"

#include <QHash>
#include <QString>

#include <atomic>
#include <cstdint>
#include <vector>

namespace carto::extract {

struct DocumentTokens;

// Letter case of a surface form.
enum Shape : std::uint8_t { Lower = 0, Capitalised = 1, AllCaps = 2, Mixed = 4, NoLetter = 8 };
[[nodiscard]] std::uint8_t shapeOf(QStringView form);

// What the dictionaries say about one lower-case word, and how the corpus writes it.
struct WordInfo
{
    QString lower;
    std::uint8_t pos = 0;    // inflected part-of-speech mask (Lexicon::Pos)
    std::uint8_t direct = 0; // exact-lemma part-of-speech mask
    bool stop = false;       // function word (stopwords.h)
    bool honorific = false;  // "mr", "dr"
    int lemma = -1;          // word id of the noun lemma, or itself
    int tagCount = 0;        // WordNet tag count of the word or its noun lemma
    int nounTags = 0;        // WordNet tag counts per part of speech (base forms)
    int verbTags = 0;
    int adjTags = 0;
    int background = 0;      // general-English count of its noun lemma (Background)
    bool relationalAdjective = false; // an adjective pertaining to a noun ("national", "economic")
    bool personNoun = false; // a common noun whose first sense is a person ("president", "senator")
    bool timeNoun = false;   // a noun whose first sense is a time ("year", "session", "tonight")
    bool abstractNoun = false; // first sense an act, state, attribute, feeling, process or cognition
    bool properNoun = false; // WordNet lists it capitalised ("Congress", "England")
    bool properPlace = false;  // ... and its first capitalised sense is a location ("Washington")
    bool properPerson = false; // ... or a person ("Truman", "Post")
    bool properOnly = false;   // every noun sense capitalised ("Kansas", "Texas")
    bool quantifier = false; // a closed-class determiner or quantifier ("every", "several", "such")
    bool nounGerund = false; // an -ing form tagged a noun more often than not ("training", "spending"; not "fostering")
    int pertainym = -1;      // word id of the proper noun a nationality adjective points at
    QString pertainymLabel;  // that noun as WordNet spells it ("China")
    std::atomic<int> capMid{0}; // capitalised uses away from sentence starts and headings
    std::atomic<int> lowMid{0}; // lower-case uses

    WordInfo() = default;
    WordInfo(WordInfo &&o) noexcept;
    [[nodiscard]] bool isNoun() const;
    [[nodiscard]] bool known() const { return pos != 0; }
};

// One distinct surface form ("Models", "models" and "MODELS" are three).
struct FormInfo
{
    int word = -1;        // its lower-case word
    std::uint8_t shape = Lower;
    int acronymBase = -1; // "LLMs" -> word id of "llm"
};

// The corpus vocabulary: every surface form and lower-case word, each looked up
// once in WordNet. Built by ConceptExtractor after tokenising, before tagging;
// read-only (but for the capitalisation counters) once built, so the phases
// running on several threads share it.
class Vocabulary final
{
public:
    // Merges the per-thread form tables into one, remaps the tokens' form ids
    // to it and looks every word up. Word ids do not depend on the thread count.
    void build(std::vector<FormInterner> &interners, std::vector<DocumentTokens> &docs, int threads);
    // Counts, per word, capitalised and lower-case uses in running text, then
    // resolves nationality adjectives ("Chinese" -> China).
    void countCapitalisation(const std::vector<DocumentTokens> &docs, int threads);

    // The id of a lower-case word, added if new (not thread-safe).
    int intern(const QString &lower);
    // The id of a lower-case word, or -1.
    [[nodiscard]] int find(const QString &lower) const;

    [[nodiscard]] const WordInfo &word(int id) const { return m_words[static_cast<size_t>(id)]; }
    [[nodiscard]] const FormInfo &form(int id) const { return m_forms[static_cast<size_t>(id)]; }
    [[nodiscard]] const FormInfo &formOf(const Token &t) const { return form(t.form); }
    [[nodiscard]] const WordInfo &wordOf(const Token &t) const { return word(formOf(t).word); }
    [[nodiscard]] int wordCount() const { return static_cast<int>(m_words.size()); }
    [[nodiscard]] int formCount() const { return static_cast<int>(m_forms.size()); }
    // The surface text of a form, as first seen.
    [[nodiscard]] QStringView formText(int id) const { return m_formText[static_cast<size_t>(id)]; }
    [[nodiscard]] const std::vector<QStringView> &formTexts() const { return m_formText; }

private:
    void lookUpWords(int threads);

    std::vector<FormInfo> m_forms;
    std::vector<QStringView> m_formText;
    std::vector<WordInfo> m_words;
    QHash<QString, int> m_wordIds;
};

} // namespace carto::extract
