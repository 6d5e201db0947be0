#pragma once

// The WordNet files behind Lexicon, mapped and indexed (lexiconfiles.cpp);
// Lexicon's queries (lexicon.cpp) read them through this. Private to both.

#include "lexicon.h"

#include <QFile>

#include <algorithm>
#include <array>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace carto::extract {

namespace lexicon_detail {

constexpr int kPosCount = 4; // noun, verb, adj, adv: the order of the files

// A file mapped into memory; text is empty when it could not be.
struct Mapped
{
    std::unique_ptr<QFile> file;
    std::string_view text;

    bool open(const QString &path);
};

// The next space-separated field of a line from pos on; pos moves past it.
std::string_view field(std::string_view line, size_t &pos);

} // namespace lexicon_detail

struct Lexicon::Private
{
    static constexpr int kPosCount = lexicon_detail::kPosCount;

    bool loaded = false;
    std::array<lexicon_detail::Mapped, kPosCount> indexFiles;
    std::array<lexicon_detail::Mapped, kPosCount> dataFiles;
    std::array<lexicon_detail::Mapped, 3> excFiles; // noun, verb, adj
    lexicon_detail::Mapped cntlist;
    // lemma -> offset of its index line, per part of speech (-1: absent)
    struct Entry
    {
        std::array<std::int32_t, kPosCount> line{-1, -1, -1, -1};
    };
    std::unordered_map<std::string_view, Entry> index;
    std::array<std::unordered_map<std::string_view, std::string_view>, 3> exceptions;
    std::unordered_map<std::string_view, int> tagCounts;
    // per part of speech: noun, verb, adjective (with satellites), adverb
    std::array<std::unordered_map<std::string_view, int>, kPosCount> posTagCounts;

    [[nodiscard]] const Entry *entry(std::string_view w) const
    {
        auto it = index.find(w);
        return it == index.end() ? nullptr : &it->second;
    }
    [[nodiscard]] bool has(std::string_view w, int pos) const
    {
        const Entry *e = entry(w);
        return e && e->line[pos] >= 0;
    }

    // morphy for one part of speech: exception list, the word itself, then the
    // detachment table. Returns the first base form listed in WordNet.
    [[nodiscard]] std::string base(std::string_view w, int pos) const;
    // Synset offsets listed on the lemma's index line for one part of speech.
    [[nodiscard]] std::vector<long> offsets(std::string_view w, int pos) const;
    [[nodiscard]] std::string_view dataLine(int pos, long offset) const;

    struct Synset
    {
        int lexFile = -1;
        std::vector<std::string_view> words;
        struct Pointer
        {
            std::string_view symbol;
            long offset;
            int pos;
            int source;
            int target;
        };
        std::vector<Pointer> pointers;

        // An instance of a class ("Idaho" of an American state) rather than
        // a class: it has an instance-hypernym pointer (read with pointers).
        [[nodiscard]] bool isInstance() const
        {
            return std::any_of(pointers.begin(), pointers.end(),
                               [](const Pointer &p) { return p.symbol == "@i" && p.pos == 0; });
        }
        // Some word of the synset spells the lower-case lemma capitalised
        // ("Kansas" for "kansas"; WordNet's words are ASCII).
        [[nodiscard]] bool spellsCapitalised(std::string_view lemma) const
        {
            return std::any_of(words.begin(), words.end(), [&](std::string_view w) {
                return !w.empty() && w.front() >= 'A' && w.front() <= 'Z' && w.size() == lemma.size()
                    && std::equal(w.begin(), w.end(), lemma.begin(), [](char a, char b) {
                           return (a >= 'A' && a <= 'Z' ? static_cast<char>(a - 'A' + 'a') : a) == b;
                       });
            });
        }
    };

    // The synset at offset; with pointers false only its file and words
    // (hub synsets list thousands of pointers; most questions need none).
    [[nodiscard]] Synset synset(int pos, long offset, bool pointers = true) const;

    // The noun hypernyms (and instance hypernyms) of a synset, memoised: a
    // walk up the hierarchy meets the same few hundred synsets again and again.
    [[nodiscard]] const std::vector<long> &nounHypernyms(long offset) const;
    mutable std::mutex hypernymMutex;
    mutable std::unordered_map<long, std::vector<long>> hypernymCache;

    void load();
};

} // namespace carto::extract
