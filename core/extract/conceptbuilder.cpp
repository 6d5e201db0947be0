#include "conceptbuilder.h"

#include "background.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "references.h"

#include <QMap>

#include <algorithm>
#include <map>

namespace carto::extract {

namespace {

// SemCor's tagged words against the background's tokens: scales WordNet's tag
// count of a multiword lemma ("united_states": 100) to a background count.
constexpr double kTagCountScale = 4.6;

std::string utf8(const QString &s)
{
    return s.toStdString();
}

} // namespace

double mentionWeight(const Occurrence &o)
{
    // a name is mentioned whole wherever it stands ("Linux" in "Linux kernel")
    const bool partial = (o.kinds & KNested) && !(o.kinds & (KNestedHead | KName));
    return partial ? kNestedWeight : 1.0;
}

ConceptBuilder::ConceptBuilder(const ingest::Corpus &corpus, const std::vector<DocumentTokens> &docs,
                               const Vocabulary &vocabulary, const std::vector<KeyInfo> &keys, int threads)
    : m_corpus(corpus), m_docs(docs), m_vocabulary(vocabulary), m_keys(keys), m_threads(threads)
{
    double total = 0;
    for (const DocumentTokens &d : docs) {
        double words = 0;
        for (const Token &t : d.tokens)
            words += t.isWord();
        m_documentTokens.push_back(std::max(1.0, words));
        total += words;
    }
    m_corpusTokens = std::max(1.0, total);
}

std::vector<ConceptGroup> ConceptBuilder::group(const std::vector<std::vector<Occurrence>> &mentions,
                                                const Merger &merger) const
{
    std::vector<std::int32_t> index(m_keys.size(), -1); // root key -> group
    std::vector<ConceptGroup> groups;
    for (int di = 0; di < static_cast<int>(mentions.size()); ++di) {
        for (const Occurrence &o : mentions[static_cast<size_t>(di)]) {
            const std::int32_t root = merger.root(o.key);
            std::int32_t &gi = index[static_cast<size_t>(root)];
            if (gi < 0) {
                gi = static_cast<std::int32_t>(groups.size());
                groups.emplace_back();
                groups.back().root = root;
            }
            ConceptGroup &g = groups[static_cast<size_t>(gi)];
            g.mentions.emplace_back(di, &o);
            g.kinds |= o.kinds;
        }
    }
    std::vector<ConceptGroup> out;
    out.reserve(groups.size());
    for (ConceptGroup &g : groups) {
        dropOverlaps(g);
        g.representative = chooseRepresentative(g);
        const KeyInfo &k = representative(g);
        // an acronym seen once, only in a heading and never defined, labels the page
        const bool headingOnly = (g.kinds & KHeading) && g.mentions.size() == 1;
        if (headingOnly && k.ids.size() == 1 && (g.kinds & KAcronym) && !(g.kinds & (KLink | KExpansion)))
            continue;
        // time expressions are no concepts: "year", "tonight", months and weekdays
        const WordInfo &head = m_vocabulary.word(m_vocabulary.word(k.ids.back()).lemma);
        if (head.timeNoun && !k.named)
            continue;
        if (k.named && k.ids.size() == 1 && head.properNoun
            && Lexicon::instance().nounLexFile(utf8(head.lower), true) == u"noun.time")
            continue;
        if (!(g.kinds & (KLink | KQuoted)) && k.ids.size() == 1 && head.lower.size() < 2)
            continue;
        out.push_back(std::move(g));
    }
    return out;
}

// A variant merged into a concept may hold a nested mention of it ("tariff"
// inside "tariff law"): the place counts once, as its outer mention.
void ConceptBuilder::dropOverlaps(ConceptGroup &g)
{
    // the mentions are in document order and, within one, by start with the
    // primary first: one sweep keeps the furthest end a primary mention reached
    std::vector<std::pair<int, const Occurrence *>> kept;
    kept.reserve(g.mentions.size());
    int document = -1;
    std::int32_t primaryEnd = -1;
    for (const auto &m : g.mentions) {
        const Occurrence &o = *m.second;
        if (m.first != document) {
            document = m.first;
            primaryEnd = -1;
        }
        // the same place found twice (a name and its prepositional reading,
        // merged into one concept) counts once
        const bool repeated = !kept.empty() && kept.back().first == m.first && kept.back().second->b == o.b
            && kept.back().second->e == o.e;
        if (repeated)
            continue;
        if (!(o.kinds & KNested)) {
            primaryEnd = std::max(primaryEnd, o.e);
            kept.push_back(m);
        } else if (o.e > primaryEnd) {
            kept.push_back(m);
        }
    }
    g.mentions = std::move(kept);
}

std::int32_t ConceptBuilder::chooseRepresentative(const ConceptGroup &g) const
{
    // a defined acronym's concept is known by its expansion ("software as a service")
    bool one = true;
    for (const auto &[di, o] : g.mentions)
        one = one && o->key == g.mentions.front().second->key;
    if (one)
        return g.mentions.front().second->key;
    std::map<std::int32_t, int> counts;
    for (const auto &[di, o] : g.mentions)
        counts[o->key] += ((o->kinds & KNested) ? 1 : 2) * ((o->kinds & (KAcronym | KNationality)) ? 1 : 2)
            + ((o->kinds & KExpansion) && !(o->kinds & KAcronym) ? 1000 : 0);
    // the letters of an acronym in lower case ("omf" beside "OMF", see
    // Merger::joinCaseVariants) count for the acronym
    for (auto &[key, count] : counts) {
        const KeyInfo &k = this->key(key);
        if (!(k.kinds & KAcronym) || k.ids.size() != 1)
            continue;
        for (auto &[other, otherCount] : counts) {
            if (!this->key(other).named && this->key(other).ids == k.ids) {
                count += otherCount;
                otherCount = 0;
            }
        }
    }
    std::int32_t best = g.root;
    int bestCount = -1;
    for (const auto &[key, count] : counts) {
        if (count > bestCount) {
            best = key;
            bestCount = count;
        }
    }
    return best;
}

QString ConceptBuilder::keyString(const std::vector<int> &ids) const
{
    QString out;
    for (int id : ids) {
        QString w = m_vocabulary.word(id).lower;
        w.remove(u'\'');
        if (w.isEmpty())
            continue;
        if (!out.isEmpty())
            out.append(u' ');
        out.append(w);
    }
    return out;
}

double ConceptBuilder::backgroundCount(const KeyInfo &k) const
{
    const Background &bg = Background::instance();
    auto countOf = [&](int id) { return m_vocabulary.word(id).background; };
    if (k.ids.size() == 1)
        return countOf(k.ids[0]);
    std::vector<double> rates;
    std::string joined;
    for (int id : k.ids) {
        const WordInfo &w = m_vocabulary.word(id);
        if (!joined.empty())
            joined += '_';
        joined += w.lower.toStdString();
        // function words ("of", "the") say nothing of how common the phrase is
        if (!w.stop || (w.direct & (Lexicon::Noun | Lexicon::Adjective)))
            rates.push_back((countOf(id) + kBackgroundFloor) / bg.total());
    }
    // WordNet's own count of a multiword lemma ("united_states") when it has one
    const double listed = kTagCountScale * Lexicon::instance().tagCount(joined);
    return std::max(bg.total() * phraseBackgroundRate(rates), listed);
}

bool ConceptBuilder::evaluative(const KeyInfo &k) const
{
    if (k.ids.size() < 2 || k.named)
        return false;
    const WordInfo &first = m_vocabulary.word(k.ids.front());
    const bool adjectiveOnly = (first.direct & Lexicon::Adjective) && !(first.direct & Lexicon::Noun);
    if (!adjectiveOnly || first.relationalAdjective)
        return false;
    // the head's first sense is an abstraction: an act, state, attribute, feeling
    return m_vocabulary.word(m_vocabulary.word(k.ids.back()).lemma).abstractNoun;
}

SalienceFeatures ConceptBuilder::salience(const ConceptGroup &g) const
{
    const KeyInfo &k = representative(g);
    SalienceFeatures f;
    int named = 0;
    int lastDoc = -1;
    for (const auto &[di, o] : g.mentions) {
        if (di != lastDoc) {
            ++f.documents;
            lastDoc = di;
        }
        // headings restate the body: they earn the heading boost, not frequency
        if (!(o->kinds & KHeading))
            f.mentions += mentionWeight(*o);
        if (o->kinds & (KName | KAcronym))
            ++named;
    }
    f.mentions = std::max(1.0, f.mentions);
    f.corpusTokens = m_corpusTokens;
    f.backgroundCount = backgroundCount(k);
    f.backgroundTokens = Background::instance().total();
    f.words = static_cast<int>(k.ids.size());
    f.named = named * 2 >= static_cast<int>(g.mentions.size());
    f.linked = g.kinds & KLink;
    f.quoted = g.kinds & KQuoted;
    f.heading = g.kinds & KHeading;
    f.acronymPair = g.kinds & KExpansion;
    f.evaluative = !f.named && evaluative(k);
    // "Government", "Department": one capitalised word that is a common noun
    if (f.named && k.ids.size() == 1 && !(g.kinds & KAcronym)) {
        const WordInfo &w = m_vocabulary.word(k.ids[0]);
        const WordInfo &lemma = m_vocabulary.word(w.lemma);
        // capitalised by convention ("the Isthmus", "the Territory"): a common
        // noun the texts also write in lower case, or that WordNet never lists
        // as a proper noun
        const bool common = (w.direct & Lexicon::Noun) || (lemma.direct & Lexicon::Noun);
        f.commonWordName = common && (w.lowMid.load() + lemma.lowMid.load() > 0 || !(w.properNoun || lemma.properNoun));
    }
    return f;
}

} // namespace carto::extract
