#include "references.h"

#include "gazetteer.h"
#include "lexicon.h"
#include "parallel.h"

#include <unordered_map>

namespace carto::extract {

namespace {

bool isPlaceWord(const WordInfo &w)
{
    return w.properPlace || Gazetteer::instance().isPlace(w.lower);
}

} // namespace

bool looksLikeFullName(const std::vector<int> &ids, const Vocabulary &vocabulary)
{
    if (ids.size() < 2 || ids.size() > 3)
        return false;
    const WordInfo &first = vocabulary.word(ids.front());
    if (first.stop)
        return false;
    // a WordNet person's name only when the word is no common noun as well
    // ("Post" is Emily Post, but "Post-Office Department" is no person)
    return Gazetteer::instance().isGivenName(first.lower)
        || (!(first.direct & Lexicon::Noun) && first.properPerson);
}

bool isFullName(const std::vector<int> &ids, bool personCue, const Vocabulary &vocabulary)
{
    return looksLikeFullName(ids, vocabulary) || (personCue && ids.size() >= 2 && ids.size() <= 3);
}

void resolvePersonReferences(std::vector<std::vector<Occurrence>> &mentions, const std::vector<KeyInfo> &keys,
                             const Vocabulary &vocabulary, int threads)
{
    parallelFor(static_cast<int>(mentions.size()), threads, [&](int di, int) {
        std::vector<Occurrence> &doc = mentions[static_cast<size_t>(di)];
        // full names of this document by their last word (surname) and first word
        std::unordered_map<int, std::vector<std::int32_t>> bySurname;
        std::unordered_map<int, std::vector<std::int32_t>> byGivenName;
        std::unordered_map<std::int32_t, bool> seen;
        std::unordered_map<std::int32_t, size_t> firstSeen; // a full name's first mention
        for (size_t i = 0; i < doc.size(); ++i) {
            const Occurrence &o = doc[i];
            const KeyInfo &k = keys[static_cast<size_t>(o.key)];
            if (!k.named || (k.kinds & KAcronym) || seen.count(o.key))
                continue;
            const bool person = isFullName(k.ids, o.kinds & KPersonCue, vocabulary);
            seen.emplace(o.key, person);
            if (!person)
                continue;
            firstSeen.emplace(o.key, i);
            bySurname[k.ids.back()].push_back(o.key);
            byGivenName[k.ids.front()].push_back(o.key);
        }
        if (bySurname.empty())
            return;
        for (size_t i = 0; i < doc.size(); ++i) {
            Occurrence &o = doc[i];
            const KeyInfo &k = keys[static_cast<size_t>(o.key)];
            if (!k.named || k.ids.size() != 1 || (k.kinds & KAcronym))
                continue;
            if (!(o.kinds & KPersonCue) && isPlaceWord(vocabulary.word(k.ids[0])))
                continue;
            // A lone name is a surname first: "Franklin" beside "Benjamin
            // Franklin" and "Franklin Roosevelt" is Benjamin Franklin, as
            // English refers to people by surname. A given name stands for
            // a full name only when no full name ends in the word.
            const auto surname = bySurname.find(k.ids[0]);
            const std::vector<std::int32_t> *names = nullptr;
            if (surname != bySurname.end())
                names = &surname->second;
            else if (const auto given = byGivenName.find(k.ids[0]); given != byGivenName.end())
                names = &given->second;
            // and it refers back: the full name introduces the person, so a
            // surname used before it is someone else ("Senator Murdock"
            // opening the session, "Lynn Murdock" speaking later)
            if (!names || names->size() != 1 || firstSeen.at(names->front()) > i)
                continue;
            o.key = names->front();
            o.kinds |= KPersonCue;
        }
    });
}

} // namespace carto::extract
