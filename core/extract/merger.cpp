#include "merger.h"

#include "background.h"
#include "lexicon.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_set>

namespace carto::extract {

namespace {

// A case form of a word dominates when it is used this many times more often.
constexpr int kCaseDominance = 4;
// A variant has at most this many mentions, and its concept this many times more.
constexpr int kVariantMaxMentions = 2;
constexpr int kVariantRatio = 4;
// A word seen this often in the general-English background (per million
// words) adds no specific meaning to a phrase ("law", "system", "families").
constexpr double kGeneralWordPerMillion = 80.0;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

} // namespace

Merger::Merger(const KeyMap &keys, const Vocabulary &vocabulary, const AcronymPairs &acronyms)
    : m_keys(keys), m_vocabulary(vocabulary), m_acronyms(acronyms)
{
}

std::uint64_t Merger::root(std::uint64_t k) const
{
    std::uint64_t r = k;
    for (auto it = m_parent.find(r); it != m_parent.end() && it->second != r; it = m_parent.find(r))
        r = it->second;
    // path compression keeps later look-ups short
    while (k != r) {
        auto it = m_parent.find(k);
        const std::uint64_t next = it->second;
        it->second = r;
        k = next;
    }
    return r;
}

void Merger::join(std::uint64_t a, std::uint64_t b)
{
    const std::uint64_t ra = root(a);
    const std::uint64_t rb = root(b);
    if (ra != rb)
        m_parent[ra] = rb;
}

int Merger::mentionsOf(std::uint64_t key) const
{
    auto it = m_mentions.find(key);
    return it == m_mentions.end() ? 0 : it->second;
}

const KeyInfo *Merger::keyInfo(std::uint64_t key) const
{
    auto it = m_keys.find(key);
    return it == m_keys.end() ? nullptr : &it->second;
}

int Merger::backgroundCount(int word) const
{
    return m_vocabulary.word(word).background;
}

void Merger::merge(const std::vector<std::vector<Occurrence>> &mentions)
{
    for (const auto &doc : mentions) {
        for (const Occurrence &o : doc)
            ++m_mentions[o.key];
    }
    joinAcronymDefinitions();
    joinNationalities();
    joinProperSynonyms();
    joinPlurals();
    joinCaseVariants();
    joinUndefinedAcronyms();
    joinShortNames();
    foldVariants();
}

void Merger::joinAcronymDefinitions()
{
    for (const auto &[acronym, expansion] : m_acronyms)
        join(acronym, expansion);
}

void Merger::joinNationalities()
{
    const Lexicon &lex = Lexicon::instance();
    for (const auto &[key, count] : m_mentions) {
        const KeyInfo *k = keyInfo(key);
        if (!k || !k->named || k->ids.size() != 1)
            continue;
        const int target = m_vocabulary.word(k->ids[0]).pertainym;
        if (target < 0)
            continue;
        const std::uint64_t country = candidateKey({target}, true);
        if (mentionsOf(country) > 0) {
            join(key, country);
            continue;
        }
        // the country is written another way ("American" with "US" in the
        // text): join the most mentioned WordNet synonym that occurs
        std::uint64_t best = 0;
        int bestCount = 0;
        for (const QString &synonym : lex.properSynonyms(utf8(m_vocabulary.word(target).lower))) {
            std::vector<int> ids;
            for (QString part : synonym.toLower().split(u' ', Qt::SkipEmptyParts)) {
                if (part.size() > 2 && part.back() == u'.')
                    part.remove(u'.');
                ids.push_back(m_vocabulary.find(part));
            }
            if (ids.empty() || std::find(ids.begin(), ids.end(), -1) != ids.end())
                continue;
            const std::uint64_t sk = candidateKey(ids, true);
            if (mentionsOf(sk) > bestCount) {
                best = sk;
                bestCount = mentionsOf(sk);
            }
        }
        if (bestCount > 0)
            join(key, best);
    }
}

void Merger::joinProperSynonyms()
{
    const Lexicon &lex = Lexicon::instance();
    // the names that occur, by their words, so a synonym is found by spelling
    std::map<std::vector<int>, std::uint64_t> byIds;
    for (const auto &[key, count] : m_mentions) {
        if (const KeyInfo *k = keyInfo(key); k && k->named && count >= 2)
            byIds.emplace(k->ids, key);
    }
    for (const auto &[ids, key] : byIds) {
        if (ids.size() > 4)
            continue;
        QStringList words;
        for (int id : ids)
            words.append(m_vocabulary.word(id).lower);
        const std::string lemma = utf8(words.join(u'_'));
        if (lex.nounLexFile(lemma, true) != u"noun.location")
            continue; // countries and places only: people's synonyms are nicknames
        for (const QString &synonym : lex.properSynonyms(lemma)) {
            std::vector<int> sids;
            for (QString part : synonym.toLower().split(u' ', Qt::SkipEmptyParts)) {
                if (part.size() > 2 && part.back() == u'.')
                    part.remove(u'.');
                sids.push_back(m_vocabulary.find(part));
            }
            auto it = byIds.find(sids);
            if (it != byIds.end())
                join(key, it->second);
        }
    }
}

void Merger::joinPlurals()
{
    for (const auto &[key, count] : m_mentions) {
        const KeyInfo *k = keyInfo(key);
        if (!k || !k->named || (k->kinds & KAcronym))
            continue;
        const int last = k->ids.back();
        const WordInfo &w = m_vocabulary.word(last);
        std::vector<int> singular = k->ids;
        if (w.lemma != last && w.direct == 0) {
            // "States" joins "State" when WordNet lists no plural lemma and the
            // singular is a common noun the texts also write in lower case;
            // demonyms stay apart ("Indians" are people, not India)
            const WordInfo &base = m_vocabulary.word(w.lemma);
            if (base.lowMid.load() == 0 || base.pertainym >= 0 || (base.direct & Lexicon::Adjective))
                continue;
            singular.back() = w.lemma;
        } else if (!w.known() && w.lower.size() > 3 && w.lower.endsWith(u's') && !w.lower.endsWith(u"ss")) {
            // an unknown plural ("Ricarees") joins its singular when both occur
            const int id = m_vocabulary.find(w.lower.chopped(1));
            if (id < 0)
                continue;
            singular.back() = id;
        } else {
            continue;
        }
        const std::uint64_t sk = candidateKey(singular, true);
        if (mentionsOf(sk) > 0 && (k->ids.size() == 1 || mentionsOf(sk) >= 2))
            join(key, sk);
    }
}

void Merger::joinCaseVariants()
{
    for (const auto &[key, count] : m_mentions) {
        const KeyInfo *k = keyInfo(key);
        if (!k || !k->named || (k->kinds & KAcronym))
            continue;
        std::vector<int> ids = k->ids;
        ids.back() = m_vocabulary.word(ids.back()).lemma;
        const std::uint64_t term = candidateKey(ids, false);
        const int lower = mentionsOf(term);
        if (lower == 0)
            continue;
        if (ids.size() > 1 || count >= kCaseDominance * lower || lower >= kCaseDominance * count)
            join(key, term);
    }
}

void Merger::joinUndefinedAcronyms()
{
    std::unordered_set<std::uint64_t> defined;
    for (const auto &[acronym, expansion] : m_acronyms)
        defined.insert(acronym);
    // letters of each candidate acronym -> its key, then one pass over the phrases
    std::map<QString, std::uint64_t> acronymByLetters;
    size_t longest = 0;
    for (const auto &[key, count] : m_mentions) {
        const KeyInfo *k = keyInfo(key);
        if (!k || k->ids.size() != 1 || !(k->kinds & KAcronym) || defined.count(key))
            continue;
        const WordInfo &w = m_vocabulary.word(k->ids[0]);
        if (w.lower.size() < 2 || w.lower.size() > 6 || w.lowMid.load() >= w.capMid.load())
            continue;
        acronymByLetters.emplace(w.lower, key);
        longest = std::max(longest, static_cast<size_t>(w.lower.size()));
    }
    if (acronymByLetters.empty())
        return;
    std::map<QString, std::vector<std::uint64_t>> byInitials;
    for (const auto &[key, count] : m_mentions) {
        const KeyInfo *k = keyInfo(key);
        if (!k || k->ids.size() < 2 || k->ids.size() > longest || (k->kinds & KAcronym))
            continue;
        QString initials;
        bool content = true;
        for (int id : k->ids) {
            const WordInfo &w = m_vocabulary.word(id);
            if (w.stop || w.lower.isEmpty() || !w.lower.front().isLetter()) {
                content = false;
                break;
            }
            initials.append(w.lower.front());
        }
        if (content && acronymByLetters.count(initials))
            byInitials[initials].push_back(key);
    }
    for (const auto &[letters, key] : acronymByLetters) {
        auto it = byInitials.find(letters);
        if (it == byInitials.end())
            continue;
        std::optional<std::uint64_t> target;
        bool unique = true;
        for (std::uint64_t e : it->second) {
            if (target && root(e) != *target)
                unique = false;
            target = root(e);
        }
        if (unique && target)
            join(key, *target);
    }
}

void Merger::joinShortNames()
{
    // longer names by their last word
    std::unordered_map<int, std::vector<std::uint64_t>> byLast;
    for (const auto &[key, count] : m_mentions) {
        if (const KeyInfo *k = keyInfo(key); k && k->named && k->ids.size() >= 2)
            byLast[k->ids.back()].push_back(key);
    }
    for (const auto &[key, count] : m_mentions) {
        const KeyInfo *k = keyInfo(key);
        if (!k || !k->named || (k->kinds & KAcronym) || k->ids.size() > 3)
            continue;
        if (k->ids.size() == 1 && m_vocabulary.word(k->ids[0]).known())
            continue; // "Court", "Congress": a common word, not a short form
        auto it = byLast.find(k->ids.back());
        if (it == byLast.end())
            continue;
        std::optional<std::uint64_t> target;
        bool unique = true;
        for (std::uint64_t longer : it->second) {
            const KeyInfo &l = m_keys.at(longer);
            if (l.ids.size() <= k->ids.size() || !std::equal(k->ids.rbegin(), k->ids.rend(), l.ids.rbegin()))
                continue;
            // "Government of Great Britain" is headed by "Government": the short
            // form must be the head and its modifiers, with no connector before
            const bool connector = std::any_of(l.ids.begin(), l.ids.end() - static_cast<std::ptrdiff_t>(k->ids.size()),
                                               [&](int id) { return m_vocabulary.word(id).stop; });
            if (connector)
                continue;
            if (target && root(longer) != *target)
                unique = false;
            target = root(longer);
        }
        if (unique && target)
            join(key, *target);
    }
}

void Merger::foldVariants()
{
    // a general noun ("law", "system", "families"); an adjective ("financial",
    // "protective") narrows the concept instead
    const double perMillion = 1e6 / std::max(1.0, static_cast<double>(Background::instance().total()));
    std::vector<std::int8_t> general(static_cast<size_t>(m_vocabulary.wordCount()), -1);
    auto isGeneral = [&](int id) {
        std::int8_t &g = general[static_cast<size_t>(id)];
        if (g < 0) {
            const WordInfo &w = m_vocabulary.word(id);
            const bool noun = (w.pos & Lexicon::Noun) && !(w.direct & Lexicon::Adjective);
            g = w.stop || (noun && backgroundCount(id) * perMillion >= kGeneralWordPerMillion);
        }
        return g == 1;
    };
    for (const auto &[key, count] : m_mentions) {
        const KeyInfo *k = keyInfo(key);
        if (!k || k->named || k->ids.size() < 2 || (k->kinds & (KQuoted | KLink | KExpansion | kPhraseKinds))
            || count > kVariantMaxMentions)
            continue;
        // the common-noun form of a name ("British Government") is no variant
        if (mentionsOf(candidateKey(k->ids, true)) > 0)
            continue;
        // the most mentioned shorter term inside whose extra words are all general
        std::uint64_t best = 0;
        int bestCount = 0;
        const size_t n = k->ids.size();
        for (size_t b = 0; b < n; ++b) {
            for (size_t e = b + 1; e <= n; ++e) {
                if (e - b == n)
                    continue;
                bool general = true;
                for (size_t i = 0; i < n && general; ++i) {
                    if (i < b || i >= e)
                        general = isGeneral(k->ids[i]);
                }
                if (!general)
                    continue;
                std::vector<int> sub(k->ids.begin() + static_cast<std::ptrdiff_t>(b), k->ids.begin() + static_cast<std::ptrdiff_t>(e));
                sub.back() = m_vocabulary.word(sub.back()).lemma;
                const std::uint64_t sk = candidateKey(sub, false);
                const int sc = mentionsOf(root(sk));
                if (sc >= kVariantRatio * count && sc > bestCount) {
                    best = sk;
                    bestCount = sc;
                }
            }
        }
        if (bestCount > 0)
            join(key, best);
    }
}

} // namespace carto::extract
