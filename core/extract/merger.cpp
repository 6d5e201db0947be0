#include "merger.h"

#include "background.h"
#include "lexicon.h"
#include "references.h"

#include <algorithm>
#include <map>
#include <optional>
#include <unordered_set>

namespace carto::extract {

namespace {

// A case form of a word dominates when it is used this many times more often.
constexpr int kCaseDominance = 4;
// A nationality adjective joins its country unless the country is this many
// times rarer in the texts than the adjective.
constexpr int kNationalityRatio = 10;
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

Merger::Merger(const CandidateSet &candidates, const Vocabulary &vocabulary)
    : m_candidates(candidates), m_vocabulary(vocabulary), m_mentions(candidates.keys.size(), 0),
      m_parent(candidates.keys.size())
{
    for (size_t k = 0; k < m_parent.size(); ++k)
        m_parent[k] = static_cast<std::int32_t>(k);
}

std::int32_t Merger::root(std::int32_t k) const
{
    std::int32_t r = k;
    while (m_parent[static_cast<size_t>(r)] != r)
        r = m_parent[static_cast<size_t>(r)];
    // path compression keeps later look-ups short
    while (m_parent[static_cast<size_t>(k)] != r) {
        const std::int32_t next = m_parent[static_cast<size_t>(k)];
        m_parent[static_cast<size_t>(k)] = r;
        k = next;
    }
    return r;
}

void Merger::join(std::int32_t a, std::int32_t b)
{
    if (a < 0 || b < 0)
        return;
    const std::int32_t ra = root(a);
    const std::int32_t rb = root(b);
    if (ra != rb)
        m_parent[static_cast<size_t>(ra)] = rb;
}

int Merger::backgroundCount(int word) const
{
    return m_vocabulary.word(word).background;
}

// The key of a name as WordNet spells it ("U.S.", "United States"), if its words occur.
std::int32_t Merger::keyOfName(const QString &name) const
{
    std::vector<int> ids;
    for (QString part : name.toLower().split(u' ', Qt::SkipEmptyParts)) {
        if (part.size() > 2 && part.back() == u'.')
            part.remove(u'.');
        const int id = m_vocabulary.find(part);
        if (id < 0)
            return -1;
        ids.push_back(id);
    }
    return ids.empty() ? -1 : find(ids, true);
}

bool Merger::shareDocument(std::int32_t a, std::int32_t b) const
{
    if (a < 0 || b < 0)
        return false;
    const auto &da = m_documents[static_cast<size_t>(a)];
    const auto &db = m_documents[static_cast<size_t>(b)];
    auto i = da.begin();
    auto j = db.begin();
    while (i != da.end() && j != db.end()) {
        if (*i == *j)
            return true;
        *i < *j ? ++i : ++j;
    }
    return false;
}

void Merger::merge(const std::vector<std::vector<Occurrence>> &mentions)
{
    m_documents.resize(m_mentions.size());
    for (size_t di = 0; di < mentions.size(); ++di) {
        for (const Occurrence &o : mentions[di]) {
            const auto key = static_cast<size_t>(o.key);
            ++m_mentions[key];
            auto &docs = m_documents[key];
            if (keyInfo(o.key).named && (docs.empty() || docs.back() != static_cast<std::int32_t>(di)))
                docs.push_back(static_cast<std::int32_t>(di));
        }
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
    for (const auto &[acronym, expansion] : m_candidates.acronyms)
        join(acronym, expansion);
}

void Merger::joinNationalities()
{
    const Lexicon &lex = Lexicon::instance();
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        if (!mentioned(key) || !k.named || k.ids.size() != 1)
            continue;
        const int target = m_vocabulary.word(k.ids[0]).pertainym;
        if (target < 0)
            continue;
        // the country as named, or written another way ("American" with "US"
        // in the text): the most mentioned WordNet synonym that occurs
        const WordInfo &place = m_vocabulary.word(target);
        // a place of two words ("Soviet Union") is a name of two keys' words
        std::int32_t best = place.lower.contains(u' ') ? keyOfName(place.lower) : find({target}, true);
        // (the ratio below compares corpus-wide counts)
        int bestCount = shareDocument(key, best) ? mentionsOf(best) : 0;
        if (bestCount == 0) {
            QString lemma = place.lower;
            lemma.replace(u' ', u'_');
            for (const QString &synonym : lex.properSynonyms(utf8(lemma))) {
                const std::int32_t sk = keyOfName(synonym);
                if (mentionsOf(sk) > bestCount && shareDocument(key, sk)) {
                    best = sk;
                    bestCount = mentionsOf(sk);
                }
            }
        }
        if (bestCount > 0 && bestCount * kNationalityRatio >= mentionsOf(key))
            join(key, best);
    }
}

void Merger::joinProperSynonyms()
{
    const Lexicon &lex = Lexicon::instance();
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        if (!k.named || mentionsOf(key) < 2 || k.ids.size() > 4)
            continue;
        QStringList words;
        for (int id : k.ids)
            words.append(m_vocabulary.word(id).lower);
        const std::string lemma = utf8(words.join(u'_'));
        if (lex.nounLexFile(lemma, true) != u"noun.location")
            continue; // countries and places only: people's synonyms are nicknames
        const bool unambiguous = lex.placeSenses(lemma) == 1;
        for (const QString &synonym : lex.properSynonyms(lemma)) {
            const std::int32_t other = keyOfName(synonym);
            if (mentionsOf(other) < 2)
                continue;
            QString otherLemma = synonym.toLower();
            otherLemma.replace(u' ', u'_');
            if (shareDocument(key, other) || (unambiguous && lex.placeSenses(utf8(otherLemma)) == 1))
                join(key, other);
        }
    }
}

void Merger::joinPlurals()
{
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        if (!mentioned(key) || !k.named || (k.kinds & KAcronym))
            continue;
        const int last = k.ids.back();
        const WordInfo &w = m_vocabulary.word(last);
        std::vector<int> singular = k.ids;
        if (w.lemma != last && w.direct == 0) {
            // "States" joins "State" when WordNet lists no plural lemma and the
            // singular is a common noun the texts also write in lower case;
            // demonyms stay apart ("Indians" are people, not India)
            const WordInfo &base = m_vocabulary.word(w.lemma);
            // a member noun that is no demonym ("Republicans" and "Republican",
            // "Democrats" and "Democrat") names one group either way
            const bool member = base.personNoun && base.pertainym < 0 && (base.direct & Lexicon::Noun);
            if (!member && (base.lowMid.load() == 0 || base.pertainym >= 0 || (base.direct & Lexicon::Adjective)))
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
        const std::int32_t sk = find(singular, true);
        if (mentioned(sk) && (k.ids.size() == 1 || mentionsOf(sk) >= 2))
            join(key, sk);
    }
}

void Merger::joinCaseVariants()
{
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        if (!mentioned(key) || !k.named)
            continue;
        // an acronym and the same letters in lower case ("OMF" and the "omf"
        // of a path) are one when the letters are no English word; "ARM" and
        // "arms" stay apart
        const bool acronym = (k.kinds & KAcronym) != 0;
        if (acronym && (k.ids.size() != 1 || m_vocabulary.word(k.ids[0]).known()))
            continue;
        std::vector<int> ids = k.ids;
        ids.back() = m_vocabulary.word(ids.back()).lemma;
        const std::int32_t term = find(ids, false);
        const int lower = mentionsOf(term);
        const int count = mentionsOf(key);
        if (lower == 0)
            continue;
        if (acronym)
            join(term, key); // the acronym names the concept
        else if (ids.size() > 1 || count >= kCaseDominance * lower || lower >= kCaseDominance * count)
            join(key, term);
    }
}

void Merger::joinUndefinedAcronyms()
{
    std::vector<std::uint8_t> defined(m_mentions.size(), 0);
    for (const auto &[acronym, expansion] : m_candidates.acronyms)
        defined[static_cast<size_t>(acronym)] = 1;
    // letters of each candidate acronym -> its key, then one pass over the phrases
    std::map<QString, std::int32_t> acronymByLetters;
    size_t longest = 0;
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        if (!mentioned(key) || k.ids.size() != 1 || !(k.kinds & KAcronym) || defined[static_cast<size_t>(key)])
            continue;
        const WordInfo &w = m_vocabulary.word(k.ids[0]);
        if (w.lower.size() < 2 || w.lower.size() > 6 || w.lowMid.load() >= w.capMid.load())
            continue;
        acronymByLetters.emplace(w.lower, key);
        longest = std::max(longest, static_cast<size_t>(w.lower.size()));
    }
    if (acronymByLetters.empty())
        return;
    std::map<QString, std::vector<std::int32_t>> byInitials;
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        if (!mentioned(key) || k.ids.size() < 2 || k.ids.size() > longest || (k.kinds & KAcronym))
            continue;
        QString initials;
        bool content = true;
        for (int id : k.ids) {
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
        std::optional<std::int32_t> target;
        bool unique = true;
        for (std::int32_t e : it->second) {
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
    std::unordered_map<int, std::vector<std::int32_t>> byLast;
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        if (mentioned(key) && k.named && k.ids.size() >= 2)
            byLast[k.ids.back()].push_back(key);
    }
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        if (!mentioned(key) || !k.named || (k.kinds & KAcronym) || k.ids.size() > 3)
            continue;
        if (k.ids.size() == 1 && m_vocabulary.word(k.ids[0]).known())
            continue; // "Court", "Congress": a common word, not a short form
        auto it = byLast.find(k.ids.back());
        if (it == byLast.end())
            continue;
        std::optional<std::int32_t> target;
        bool unique = true;
        for (std::int32_t longer : it->second) {
            const KeyInfo &l = keyInfo(longer);
            if (l.ids.size() <= k.ids.size() || !std::equal(k.ids.rbegin(), k.ids.rend(), l.ids.rbegin()))
                continue;
            // "Government of Great Britain" is headed by "Government": the short
            // form must be the head and its modifiers, with no connector before
            const bool connector = std::any_of(l.ids.begin(), l.ids.end() - static_cast<std::ptrdiff_t>(k.ids.size()),
                                               [&](int id) { return m_vocabulary.word(id).stop; });
            if (connector)
                continue;
            // a surname left beside the full name in one document was not
            // resolved to it there (resolvePersonReferences: it came first,
            // or two full names share it): someone else ("Senator Murdock"
            // before "Lynn Murdock")
            if (k.ids.size() == 1 && isFullName(l.ids, l.kinds & KPersonCue, m_vocabulary) && shareDocument(key, longer))
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
    for (std::int32_t key = 0; key < static_cast<std::int32_t>(m_mentions.size()); ++key) {
        const KeyInfo &k = keyInfo(key);
        const int count = mentionsOf(key);
        if (count == 0 || k.named || k.ids.size() < 2 || (k.kinds & (KQuoted | KLink | KExpansion | kPhraseKinds))
            || count > kVariantMaxMentions)
            continue;
        // the common-noun form of a name ("British Government") is no variant
        if (mentioned(find(k.ids, true)))
            continue;
        // the most mentioned shorter term inside whose extra words are all general
        std::int32_t best = -1;
        int bestCount = 0;
        const size_t n = k.ids.size();
        for (size_t b = 0; b < n; ++b) {
            for (size_t e = b + 1; e <= n; ++e) {
                if (e - b == n)
                    continue;
                bool general = true;
                for (size_t i = 0; i < n && general; ++i) {
                    if (i < b || i >= e)
                        general = isGeneral(k.ids[i]);
                }
                if (!general)
                    continue;
                std::vector<int> sub(k.ids.begin() + static_cast<std::ptrdiff_t>(b), k.ids.begin() + static_cast<std::ptrdiff_t>(e));
                sub.back() = m_vocabulary.word(sub.back()).lemma;
                const std::int32_t sk = find(sub, false);
                const int sc = sk < 0 ? 0 : mentionsOf(root(sk));
                if (sc >= kVariantRatio * count && sc > bestCount) {
                    best = sk;
                    bestCount = sc;
                }
            }
        }
        if (best >= 0)
            join(key, best);
    }
}

} // namespace carto::extract
