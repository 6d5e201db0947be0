#include "candidates.h"

#include "chunker.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "parallel.h"

#include <algorithm>
#include <array>

namespace carto::extract {

namespace {

constexpr int kMaxTermTokens = 5;
constexpr int kMaxQuotedWords = 6;
constexpr std::uint64_t kNameSalt = 0x6E616D6564ull; // "named"

// One thread's table of the keys it met: ids local to the thread until
// findCandidates numbers them for the corpus.
struct ThreadKeys
{
    std::unordered_map<std::uint64_t, std::int32_t> index;
    std::vector<KeyInfo> keys;
    std::vector<std::uint64_t> hashes;
    std::vector<int> lastDocument;
    AcronymPairs acronyms;
};

// Emits the candidate occurrences of one sentence into a document's list and
// its thread's key table.
class SentenceCandidates
{
public:
    SentenceCandidates(const ingest::Document &doc, const DocumentTokens &d, const Vocabulary &v, int docIndex,
                       int sentence, std::vector<Occurrence> &out, ThreadKeys &keys)
        : m_doc(doc), m_d(d), m_v(v), m_docIndex(docIndex), m_sentence(sentence), m_out(out), m_keys(keys)
    {
        const Sentence &s = d.sentences[static_cast<size_t>(sentence)];
        m_b = s.tokBegin;
        m_e = s.tokEnd;
    }

    void run()
    {
        const TaggedSentence s{m_d.tokens, m_d.tags, m_v, m_b, m_e};
        for (const Chunk &c : chunkSentence(s))
            emitChunk(c, s);
        nationalities(s);
        identifiers();
        acronymDefinitions();
        quotedCoinages();
        wikiLinks();
    }

private:
    const Token &tok(std::int32_t i) const { return m_d.tokens[static_cast<size_t>(i)]; }
    const WordInfo &word(std::int32_t i) const { return m_v.wordOf(tok(i)); }
    const FormInfo &form(std::int32_t i) const { return m_v.formOf(tok(i)); }
    bool isWordAt(std::int32_t i) const { return i >= m_b && i < m_e && tok(i).isWord(); }

    std::int32_t emit(std::int32_t b, std::int32_t e, bool named, std::uint16_t kinds, bool skipDeterminers = false,
                      std::int32_t aliasBegin = -1);
    void emitChunk(const Chunk &c, const TaggedSentence &s);
    void emitName(const Chunk &c, std::uint16_t kinds);
    void emitTerms(const Chunk &c, const TaggedSentence &s, std::uint16_t kinds);
    void nationalities(const TaggedSentence &s);
    void identifiers();
    void acronymDefinitions();
    void quotedCoinages();
    void wikiLinks();
    std::uint16_t headingKind(std::int32_t b, std::int32_t e) const
    {
        for (std::int32_t i = b; i < e; ++i) {
            if (tok(i).has(Token::CaseUnreliable))
                return KHeading;
        }
        return 0;
    }

    const ingest::Document &m_doc;
    const DocumentTokens &m_d;
    const Vocabulary &m_v;
    int m_docIndex;
    int m_sentence;
    std::vector<Occurrence> &m_out;
    ThreadKeys &m_keys;
    std::int32_t m_b = 0;
    std::int32_t m_e = 0;
};

std::int32_t SentenceCandidates::emit(std::int32_t b, std::int32_t e, bool named, std::uint16_t kinds,
                                      bool skipDeterminers, std::int32_t aliasBegin)
{
    // no allocation per candidate: ids on the stack, stored only for a new key
    constexpr size_t kMaxIds = 24;
    std::array<int, kMaxIds> ids;
    size_t n = 0;
    std::int32_t last = -1;
    for (std::int32_t i = b; i < e && n < kMaxIds; ++i) {
        if (!tok(i).isWord())
            continue;
        if (skipDeterminers && i > b && i + 1 < e
            && isDeterminerLike(static_cast<PosTag>(m_d.tags[static_cast<size_t>(i)]), word(i)))
            continue;
        ids[n++] = form(i).word;
        last = i;
    }
    if (n == 0)
        return -1;
    const FormInfo &lf = form(last);
    if (lf.acronymBase >= 0)
        ids[n - 1] = lf.acronymBase;
    else if (!named)
        ids[n - 1] = m_v.word(lf.word).lemma;
    const std::uint64_t hash = candidateKey(ids.data(), n, named);
    auto [it, inserted] = m_keys.index.try_emplace(hash, static_cast<std::int32_t>(m_keys.keys.size()));
    if (inserted) {
        KeyInfo k;
        k.ids.assign(ids.begin(), ids.begin() + static_cast<std::ptrdiff_t>(n));
        k.named = named;
        m_keys.keys.push_back(std::move(k));
        m_keys.hashes.push_back(hash);
        m_keys.lastDocument.push_back(-1);
    }
    const std::int32_t local = it->second;
    KeyInfo &k = m_keys.keys[static_cast<size_t>(local)];
    ++k.count;
    if (m_keys.lastDocument[static_cast<size_t>(local)] != m_docIndex) {
        m_keys.lastDocument[static_cast<size_t>(local)] = m_docIndex;
        ++k.documents;
    }
    k.kinds |= kinds;
    Occurrence o;
    o.b = b;
    o.e = e;
    o.key = local;
    o.kinds = kinds;
    o.sentence = m_sentence;
    o.aliasBegin = aliasBegin;
    m_out.push_back(o);
    return local;
}

void SentenceCandidates::emitChunk(const Chunk &c, const TaggedSentence &s)
{
    const std::uint16_t heading = headingKind(c.b, c.e);
    switch (c.kind) {
    case Chunk::Name:
        emitName(c, heading);
        break;
    case Chunk::NounPhrase:
        emitTerms(c, s, heading);
        break;
    case Chunk::PrepPhrase:
        emit(c.b, c.e, false, KTerm | KPrepPhrase | heading, true);
        break;
    case Chunk::Coordination:
        emit(c.b, c.e, false, KTerm | KCoordination | heading);
        break;
    }
}

void SentenceCandidates::emitName(const Chunk &c, std::uint16_t kinds)
{
    kinds |= KName;
    if (c.personCue)
        kinds |= KPersonCue;
    if (c.e - c.b == 1) {
        // "DEB_BUILD_OPTIONS": a code identifier in capitals, not an acronym
        if (tok(c.b).has(Token::Identifier))
            kinds |= KIdentifier;
        else if (form(c.b).shape & (AllCaps | Mixed))
            kinds |= KAcronym;
        if (word(c.b).pertainym >= 0)
            kinds |= KNationality;
    }
    emit(c.b, c.e, true, kinds, false, c.titleBegin);
    // the names inside a name with connectors: "Bank of England" also
    // mentions England, "Secretary of War" war
    std::vector<std::pair<std::int32_t, std::int32_t>> parts;
    std::int32_t part = c.b;
    for (std::int32_t i = c.b; i < c.e; ++i) {
        const bool connector = tok(i).isWord() && (word(i).stop || word(i).lower == u"&") && !(form(i).shape & Capitalised);
        if (!connector)
            continue;
        if (i > part)
            parts.emplace_back(part, i);
        part = i + 1;
    }
    if (parts.empty())
        return;
    if (c.e > part)
        parts.emplace_back(part, c.e);
    // a part names something of its own when it is several words or a proper
    // noun WordNet or the gazetteer knows ("England"; not "Engineers")
    for (const auto &[b, e] : parts) {
        bool known = e - b >= 2;
        if (!known)
            known = word(b).properNoun || Gazetteer::instance().isPlace(word(b).lower);
        if (known)
            emit(b, e, true, KName | (kinds & KHeading));
    }
}

// Every sub-phrase that ends in a noun and holds at most kMaxTermTokens words:
// "the new clean energy jobs" gives "new clean energy jobs", "clean energy
// jobs", "energy jobs", "jobs", "new clean energy", "clean energy", "energy".
void SentenceCandidates::emitTerms(const Chunk &c, const TaggedSentence &s, std::uint16_t kinds)
{
    for (std::int32_t b = c.b; b < c.e; ++b) {
        if (b > c.b && tok(b - 1).has(Token::HyphenNext))
            continue; // a hyphen compound cut at the phrase's edge
        for (std::int32_t e = b + 1; e <= c.e && e - b <= kMaxTermTokens; ++e) {
            const std::int32_t last = e - 1;
            if (tok(last).has(Token::HyphenNext))
                continue;
            const PosTag t = s.tag(last);
            if (!isNoun(t) && !(t == PosTag::VBG && (word(last).direct & 1)))
                continue;
            if (isProperNoun(t))
                continue; // names are the name chunks' business
            bool allProper = true;
            for (std::int32_t i = b; i < e && allProper; ++i)
                allProper = isProperNoun(s.tag(i));
            if (allProper)
                continue;
            // one letter is no word; one capitalised word in running text or one
            // acronym is a name or nothing
            const bool capitalised = (form(b).shape & (AllCaps | Mixed))
                || ((form(b).shape & Capitalised) && !tok(b).has(Token::SentenceStart) && !tok(b).has(Token::CaseUnreliable));
            if (e - b == 1 && (word(b).lower.size() == 1 || capitalised))
                continue;
            emit(b, e, false, KTerm | kinds);
        }
    }
}

// "Chinese firms": a nationality adjective outside a name stands for its country.
void SentenceCandidates::nationalities(const TaggedSentence &s)
{
    for (std::int32_t i = m_b; i < m_e; ++i) {
        if (!isWordAt(i) || word(i).pertainym < 0 || !(form(i).shape & Capitalised) || !isAdjective(s.tag(i)))
            continue;
        emit(i, i + 1, true, KName | KNationality | headingKind(i, i + 1));
    }
}

// "package.json", "node_modules", "C++": a name as written, whatever its tag.
void SentenceCandidates::identifiers()
{
    for (std::int32_t i = m_b; i < m_e; ++i) {
        if (isWordAt(i) && tok(i).has(Token::Identifier))
            emit(i, i + 1, true, KName | KIdentifier | headingKind(i, i + 1));
    }
}

// "large language models (LLMs)", "Software as a Service (SaaS)".
void SentenceCandidates::acronymDefinitions()
{
    for (std::int32_t i = m_b + 1; i + 1 < m_e; ++i) {
        if (!(tok(i - 1).has(Token::Bracket) && tok(i - 1).punct == u'(' && tok(i + 1).punct == u')'))
            continue;
        if (!tok(i).isWord() || !((form(i).shape & (AllCaps | Mixed)) || form(i).acronymBase >= 0))
            continue;
        const FormInfo &af = form(i);
        QString letters;
        for (QChar ch : m_v.word(af.acronymBase >= 0 ? af.acronymBase : af.word).lower) {
            if (ch.isLetter())
                letters.append(ch);
        }
        if (letters.size() < 2)
            continue;
        // Schwartz–Hearst: match the letters right to left against word starts.
        int li = static_cast<int>(letters.size()) - 1;
        std::int32_t j = i - 2;
        std::int32_t start = -1;
        const std::int32_t limit = std::max(m_b, i - 1 - static_cast<std::int32_t>(letters.size()) * 2 - 2);
        while (j >= limit && li >= 0) {
            if (!tok(j).isWord()) {
                if (tok(j).has(Token::Bracket) || tok(j).punct == u',' || tok(j).punct == u'.')
                    break;
                --j;
                continue;
            }
            const QString &w = word(j).lower;
            if (!w.isEmpty() && w.front() == letters[li]) {
                --li;
                start = j; // further letters may come from inside the same word ("SaaS": Service)
            } else if (li == static_cast<int>(letters.size()) - 1) {
                break; // the last letter must match the word just before the bracket
            }
            --j;
        }
        if (li >= 0 || start < 0 || (word(start).stop && !(word(start).pos & 5)))
            continue;
        bool allLower = true;
        for (std::int32_t k = start; k < i - 1; ++k) {
            if (tok(k).isWord() && (form(k).shape & Capitalised))
                allLower = false;
        }
        const std::uint16_t heading = headingKind(start, i + 1);
        const std::int32_t expansion = emit(start, i - 1, !allLower, KExpansion | (allLower ? KTerm : KName) | heading);
        const std::int32_t acronym = emit(i, i + 1, true, KName | KAcronym | KExpansion | heading);
        if (expansion >= 0 && acronym >= 0)
            m_keys.acronyms.emplace_back(acronym, expansion);
    }
}

// "Slowing the Flow", "creative destruction": a short quoted phrase.
void SentenceCandidates::quotedCoinages()
{
    for (std::int32_t i = m_b; i < m_e; ++i) {
        if (!tok(i).has(Token::Quote) || tok(i).punct == u'\'' || tok(i).punct == QChar(0x2019)
            || tok(i).punct == QChar(0x2018))
            continue;
        std::int32_t j = i + 1;
        int words = 0;
        bool content = false;
        while (j < m_e && !tok(j).has(Token::Quote) && words <= kMaxQuotedWords) {
            if (tok(j).isWord()) {
                ++words;
                content = content || !word(j).stop;
            }
            ++j;
        }
        if (j >= m_e || !tok(j).has(Token::Quote) || words == 0 || words > kMaxQuotedWords || !content
            || !tok(i + 1).isWord() || !tok(j - 1).isWord()) {
            continue;
        }
        if (words == 1 && word(i + 1).known())
            continue; // a quoted dictionary word is emphasis, not a coinage
        if (word(i + 1).honorific)
            continue; // a nickname ("Mr. Sam"): the chunker finds the name in it
        const bool named = form(j - 1).shape & Capitalised;
        const std::uint16_t code = j == i + 2 && tok(i + 1).has(Token::Identifier) ? KIdentifier : 0; // "NO_SHIM"
        emit(i + 1, j, named, KQuoted | (named ? KName : KTerm) | code | headingKind(i + 1, j));
        i = j;
    }
}

void SentenceCandidates::wikiLinks()
{
    const TextRange sentence = m_d.sentences[static_cast<size_t>(m_sentence)].range;
    for (const ingest::WikiLink &link : m_doc.wikiLinks) {
        if (link.range.start < sentence.start || link.range.end > sentence.end)
            continue;
        std::int32_t b = -1;
        std::int32_t e = -1;
        for (std::int32_t k = m_b; k < m_e; ++k) {
            if (tok(k).isWord() && tok(k).start >= link.range.start && tok(k).end <= link.range.end) {
                if (b < 0)
                    b = k;
                e = k + 1;
            }
        }
        if (b >= 0) {
            const bool named = form(e - 1).shape & Capitalised;
            emit(b, e, named, KLink | (named ? KName : KTerm));
        }
    }
}

} // namespace

std::uint64_t hashIds(const int *ids, size_t n)
{
    std::uint64_t h = 0x9E3779B97F4A7C15ull ^ n;
    for (size_t i = 0; i < n; ++i) {
        h ^= static_cast<std::uint64_t>(ids[i]) + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
        h *= 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    return h;
}

std::uint64_t candidateKey(const int *ids, size_t n, bool named)
{
    const std::uint64_t h = hashIds(ids, n);
    return named ? (h ^ kNameSalt) * 0x94D049BB133111EBull : h;
}

CandidateSet findCandidates(const ingest::Corpus &corpus, const std::vector<DocumentTokens> &docs,
                            const Vocabulary &vocabulary, int threads, const CancelToken *cancel)
{
    CandidateSet out;
    out.occurrences.resize(docs.size());
    const size_t slots = static_cast<size_t>(std::max(1, threads));
    std::vector<ThreadKeys> keys(slots);
    for (ThreadKeys &k : keys)
        k.index.reserve(1 << 16);
    std::vector<int> threadOf(docs.size(), 0);
    parallelFor(static_cast<int>(docs.size()), threads, [&](int di, int thread) {
        if (cancel && cancel->isCancelled())
            return;
        threadOf[static_cast<size_t>(di)] = thread;
        const DocumentTokens &d = docs[static_cast<size_t>(di)];
        std::vector<Occurrence> &occ = out.occurrences[static_cast<size_t>(di)];
        occ.reserve(d.tokens.size());
        for (int s = 0; s < static_cast<int>(d.sentences.size()); ++s) {
            SentenceCandidates(corpus.documents[static_cast<size_t>(di)], d, vocabulary, di, s, occ,
                               keys[static_cast<size_t>(thread)])
                .run();
        }
    });
    // Number the keys for the corpus in the order the documents first use
    // them, so the numbers do not depend on which thread met them; counts and
    // document counts add up because each document had exactly one thread.
    std::vector<std::vector<std::int32_t>> global(slots);
    for (size_t t = 0; t < slots; ++t)
        global[t].assign(keys[t].keys.size(), -1);
    for (size_t di = 0; di < docs.size(); ++di) {
        ThreadKeys &tk = keys[static_cast<size_t>(threadOf[di])];
        std::vector<std::int32_t> &map = global[static_cast<size_t>(threadOf[di])];
        for (Occurrence &o : out.occurrences[di]) {
            std::int32_t &g = map[static_cast<size_t>(o.key)];
            if (g < 0) {
                const std::uint64_t hash = tk.hashes[static_cast<size_t>(o.key)];
                auto [it, inserted] = out.index.try_emplace(hash, static_cast<std::int32_t>(out.keys.size()));
                if (inserted) {
                    KeyInfo k;
                    k.ids = tk.keys[static_cast<size_t>(o.key)].ids;
                    k.named = tk.keys[static_cast<size_t>(o.key)].named;
                    out.keys.push_back(std::move(k));
                }
                g = it->second;
                const KeyInfo &local = tk.keys[static_cast<size_t>(o.key)];
                KeyInfo &k = out.keys[static_cast<size_t>(g)];
                k.count += local.count;
                k.documents += local.documents;
                k.kinds |= local.kinds;
            }
            o.key = g;
        }
    }
    for (size_t t = 0; t < slots; ++t) {
        for (const auto &[acronym, expansion] : keys[t].acronyms)
            out.acronyms.emplace_back(global[t][static_cast<size_t>(acronym)], global[t][static_cast<size_t>(expansion)]);
    }
    std::sort(out.acronyms.begin(), out.acronyms.end()); // independent of the threads
    out.acronyms.erase(std::unique(out.acronyms.begin(), out.acronyms.end()), out.acronyms.end());
    return out;
}

} // namespace carto::extract
