#include "taggermodel.h"

#include "wordshape.h"


#include <algorithm>
#include <bit>
#include <cmath>

namespace carto::extract {

// Reads taggerconvert's table (see tools/taggerconvert.cpp for the layout).
class TaggerBlobReader
{
public:
    explicit TaggerBlobReader(std::string_view data) : m_data(data) {}
    bool ok() const { return m_ok; }
    std::uint8_t u8()
    {
        if (m_pos >= m_data.size()) {
            m_ok = false;
            return 0;
        }
        return static_cast<std::uint8_t>(m_data[m_pos++]);
    }
    std::uint32_t u32()
    {
        std::uint32_t v = 0;
        for (int i = 0; i < 4; ++i)
            v |= static_cast<std::uint32_t>(u8()) << (8 * i);
        return v;
    }
    float f32() { return std::bit_cast<float>(u32()); }
    std::uint64_t varint()
    {
        std::uint64_t v = 0;
        for (int shift = 0; shift < 64 && m_ok; shift += 7) {
            const std::uint8_t b = u8();
            v |= static_cast<std::uint64_t>(b & 0x7f) << shift;
            if (!(b & 0x80))
                return v;
        }
        m_ok = false;
        return 0;
    }
    std::string_view name()
    {
        const size_t n = u8();
        if (!m_ok || n == 0 || m_pos + n > m_data.size()) {
            m_ok = false;
            return {};
        }
        const std::string_view s = m_data.substr(m_pos, n);
        m_pos += n;
        return s;
    }

private:
    std::string_view m_data;
    size_t m_pos = 0;
    bool m_ok = true;
};

namespace {

// tags.yml's names, in PosTag order.
constexpr std::array<std::string_view, kPosTagCount> kLinguaNames = {
    "cc", "cd", "det", "ex", "fw", "in", "jj", "jjr", "jjs", "lrb", "ls", "md", "nn", "nnp", "nnps",
    "nns", "pdt", "pos", "pp", "ppc", "ppd", "ppl", "ppr", "pps", "prp", "prps", "rb", "rbr", "rbs", "rp",
    "rrb", "sym", "to", "uh", "vb", "vbd", "vbg", "vbn", "vbp", "vbz", "wdt", "wp", "wps", "wrb"};
// unknown.yml's names, in WordClass order.
constexpr std::array<std::string_view, kWordClassCount> kClassNames = {
    "-abr-", "-cap-", "-ed-", "-hyp-", "-hyp-adj-", "-ing-", "-ly-", "-s-", "-sym-", "-tion-", "-unknown-"};

constexpr double kSmoothing = 1.0;         // pseudo-observations of the word's class
constexpr double kMinShare = 0.001;        // smaller tag shares are dropped from a row
constexpr int kMaxRow = 8;                 // candidate tags per row at most
constexpr double kTransitionPrior = 0.001; // weight of P(t) in a transition
constexpr size_t kMaxKey = 255;            // taggerconvert's longest spelling

bool fail(QString *error, const QString &why)
{
    *error = QStringLiteral("tagger table: ") + why;
    return false;
}

std::uint64_t fnv1a(std::string_view s)
{
    std::uint64_t h = 1469598103934665603ull;
    for (char c : s) {
        h ^= static_cast<unsigned char>(c);
        h *= 1099511628211ull;
    }
    return h;
}

char lowerAscii(char c)
{
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c + ('a' - 'A')) : c;
}

bool hasUpperAscii(std::string_view s)
{
    return std::any_of(s.begin(), s.end(), [](char c) { return c >= 'A' && c <= 'Z'; });
}

// A {tag: count} row of the table; add(tag, count) per entry.
template <typename F>
bool readCounts(TaggerBlobReader &in, const std::vector<PosTag> &tagOf, F &&add)
{
    const int n = in.u8();
    for (int i = 0; i < n && in.ok(); ++i) {
        const std::uint8_t t = in.u8();
        const std::uint64_t count = in.varint();
        if (t >= tagOf.size() || count > 0xffffffffu)
            return false;
        add(tagOf[t], static_cast<std::uint32_t>(count));
    }
    return in.ok() && n > 0;
}

// The surface as a lexicon key: ASCII, typographic apostrophes and hyphens
// made plain. False when it cannot be a lexicon spelling.
bool toKey(QStringView surface, std::string &key)
{
    if (surface.isEmpty() || static_cast<size_t>(surface.size()) > kMaxKey)
        return false;
    key.resize(static_cast<size_t>(surface.size()));
    for (qsizetype i = 0; i < surface.size(); ++i) {
        char16_t c = surface[i].unicode();
        if (c == 0x2019 || c == 0x2018 || c == 0x02BC)
            c = u'\'';
        else if (c == 0x2010 || c == 0x2011)
            c = u'-';
        else if (c >= 0x80)
            return false;
        key[static_cast<size_t>(i)] = static_cast<char>(c);
    }
    return true;
}

} // namespace

bool TaggerModel::load(std::string_view blob, QString *error)
{
    TaggerBlobReader in(blob);
    std::vector<PosTag> tagOf;
    std::vector<float> transitions;
    if (!readTags(in, tagOf, transitions, error) || !readClasses(in, tagOf, error) || !readWords(in, tagOf, error))
        return false;
    buildTransitions(transitions);
    buildClassRows();
    buildWordRows();
    buildFoldedRows();
    const bool ok = buildFixedRows(error);
    m_rowSlots = {};
    m_rows.shrink_to_fit();
    return ok;
}

bool TaggerModel::readTags(TaggerBlobReader &in, std::vector<PosTag> &tagOf, std::vector<float> &transitions,
                           QString *error)
{
    for (char c : std::string_view("CTAG")) {
        if (in.u8() != static_cast<std::uint8_t>(c))
            return fail(error, QStringLiteral("not a converted Lingua::EN::Tagger model"));
    }
    if (in.u32() != 1)
        return fail(error, QStringLiteral("unsupported version"));
    const int tagCount = in.u8();
    tagOf.assign(static_cast<size_t>(tagCount), PosTag::None);
    for (int i = 0; i < tagCount; ++i) {
        const std::string_view n = in.name();
        const auto it = std::find(kLinguaNames.begin(), kLinguaNames.end(), n);
        if (it == kLinguaNames.end())
            return fail(error, QStringLiteral("unknown tag '%1'").arg(QLatin1StringView(n.data(), n.size())));
        tagOf[static_cast<size_t>(i)] = static_cast<PosTag>(it - kLinguaNames.begin());
    }
    if (std::find(tagOf.begin(), tagOf.end(), PosTag::Period) == tagOf.end())
        return fail(error, QStringLiteral("no sentence-final tag 'pp'"));
    transitions.assign(static_cast<size_t>(kPosTagCount) * kPosTagCount, 0.0f);
    for (PosTag from : tagOf) {
        for (PosTag to : tagOf)
            transitions[static_cast<size_t>(from) * kPosTagCount + static_cast<size_t>(to)] = in.f32();
    }
    return in.ok() || fail(error, QStringLiteral("truncated transitions"));
}

bool TaggerModel::readClasses(TaggerBlobReader &in, const std::vector<PosTag> &tagOf, QString *error)
{
    std::array<bool, kWordClassCount> seen{};
    const std::uint64_t classCount = in.varint();
    for (std::uint64_t c = 0; c < classCount && in.ok(); ++c) {
        const std::string_view n = in.name();
        Counts counts;
        if (!readCounts(in, tagOf, [&](PosTag t, std::uint32_t k) { counts.add(t, k); }))
            return fail(error, QStringLiteral("broken unknown-word class"));
        const auto it = std::find(kClassNames.begin(), kClassNames.end(), n);
        if (it == kClassNames.end())
            continue; // a class we have no rule for
        double total = 0;
        for (double k : counts.value)
            total += k;
        for (double &k : counts.value)
            k /= total;
        const auto ci = static_cast<size_t>(it - kClassNames.begin());
        m_classes[ci] = counts;
        seen[ci] = true;
    }
    for (size_t ci = 0; ci < kWordClassCount; ++ci) {
        if (!seen[ci])
            return fail(error, QStringLiteral("unknown-word class %1 missing")
                                   .arg(QLatin1StringView(kClassNames[ci].data(), kClassNames[ci].size())));
    }
    return true;
}

bool TaggerModel::readWords(TaggerBlobReader &in, const std::vector<PosTag> &tagOf, QString *error)
{
    const std::uint64_t wordCount = in.varint();
    if (!in.ok() || wordCount == 0 || wordCount > 10'000'000)
        return fail(error, QStringLiteral("broken word count"));
    m_words.reserve(static_cast<size_t>(wordCount) * 3 / 2); // room for the lower-case keys
    m_rows.reserve(static_cast<size_t>(wordCount));
    // lexicon spellings plus the lower-case keys it lacks (a quarter more): under half full
    m_slots.assign(std::bit_ceil(static_cast<size_t>(wordCount) * 2), -1);
    for (std::uint64_t w = 0; w < wordCount; ++w) {
        Word word;
        word.spelling = in.name();
        word.countBegin = static_cast<std::uint32_t>(m_counts.size());
        if (!in.ok() || !readCounts(in, tagOf, [&](PosTag t, std::uint32_t k) { m_counts.emplace_back(t, k); }))
            return fail(error, QStringLiteral("broken entry after %1 words").arg(w));
        word.countSize = static_cast<std::uint8_t>(m_counts.size() - word.countBegin);
        std::uint32_t best = 0;
        for (std::uint32_t i = word.countBegin; i < m_counts.size(); ++i) {
            m_prior[static_cast<size_t>(m_counts[i].first)] += m_counts[i].second;
            if (m_counts[i].second > best) {
                best = m_counts[i].second;
                word.majority = m_counts[i].first;
            }
        }
        m_words.push_back(word); // taggerconvert rejects repeated keys
        insert(word.spelling);
    }
    m_wordCount = static_cast<int>(m_words.size());
    double total = 0;
    for (double k : m_prior)
        total += k;
    for (size_t t = 0; t < kPosTagCount; ++t) {
        m_prior[t] /= total;
        m_logPrior[t] = m_prior[t] > 0 ? std::log(m_prior[t]) : 0;
    }
    return true;
}

void TaggerModel::buildTransitions(const std::vector<float> &probabilities)
{
    for (size_t from = 0; from < kPosTagCount; ++from) {
        for (size_t to = 0; to < kPosTagCount; ++to) {
            const double p = (1 - kTransitionPrior) * probabilities[from * kPosTagCount + to]
                + kTransitionPrior * m_prior[to];
            m_transition[from * kPosTagCount + to] = p > 0 ? static_cast<float>(std::log(p)) : -1e30f;
        }
    }
}

const TaggerModel::Word *TaggerModel::find(std::string_view spelling) const
{
    const size_t mask = m_slots.size() - 1;
    for (size_t i = fnv1a(spelling) & mask;; i = (i + 1) & mask) {
        const std::int32_t w = m_slots[i];
        if (w < 0)
            return nullptr;
        if (m_words[static_cast<size_t>(w)].spelling == spelling)
            return &m_words[static_cast<size_t>(w)];
    }
}

std::int32_t TaggerModel::insert(std::string_view spelling)
{
    const size_t mask = m_slots.size() - 1;
    size_t i = fnv1a(spelling) & mask;
    while (m_slots[i] >= 0)
        i = (i + 1) & mask;
    m_slots[i] = static_cast<std::int32_t>(m_words.size() - 1);
    return m_slots[i];
}

void TaggerModel::addCounts(const Word &w, Counts &into) const
{
    for (std::uint32_t i = w.countBegin; i < w.countBegin + w.countSize; ++i)
        into.add(m_counts[i].first, m_counts[i].second);
}

Tagger::Lexeme TaggerModel::addRow(const Counts &counts, const Counts *smoothing)
{
    double n = 0;
    for (std::uint64_t m = counts.mask; m; m &= m - 1)
        n += counts.value[static_cast<size_t>(std::countr_zero(m))];
    const double k = smoothing ? kSmoothing : 0;
    std::array<std::pair<double, int>, kPosTagCount> kept{};
    int size = 0;
    int best = 0;
    double bestShare = -1;
    for (std::uint64_t m = counts.mask | (smoothing ? smoothing->mask : 0); m; m &= m - 1) {
        const int t = std::countr_zero(m); // ascending: rows are in tag order
        const size_t ti = static_cast<size_t>(t);
        if (m_prior[ti] <= 0)
            continue; // a tag the lexicon never uses cannot be scored
        const double share = (counts.value[ti] + (smoothing ? k * smoothing->value[ti] : 0)) / (n + k);
        if (share > bestShare) {
            bestShare = share;
            best = t;
        }
        if (share >= kMinShare)
            kept[static_cast<size_t>(size++)] = {share, t};
    }
    if (size == 0)
        kept[static_cast<size_t>(size++)] = {1.0, best};
    if (size > kMaxRow) {
        std::stable_sort(kept.begin(), kept.begin() + size,
                         [](const auto &a, const auto &b) { return a.first > b.first; });
        size = kMaxRow;
        std::sort(kept.begin(), kept.begin() + size, [](const auto &a, const auto &b) { return a.second < b.second; });
    }
    std::array<Entry, kMaxRow> row{};
    std::uint64_t hash = 1469598103934665603ull;
    for (int i = 0; i < size; ++i) {
        const auto [share, t] = kept[static_cast<size_t>(i)];
        const Entry e{static_cast<float>(std::log(share) - m_logPrior[static_cast<size_t>(t)]), static_cast<PosTag>(t),
                      static_cast<std::uint8_t>(i == 0 ? size : 0)};
        row[static_cast<size_t>(i)] = e;
        hash = (hash ^ (std::bit_cast<std::uint32_t>(e.score) | std::uint64_t(t) << 32)) * 1099511628211ull;
    }
    // Many words share a row ({NN: 1} smoothed the same way): one copy keeps
    // the table small enough to stay in cache while tagging.
    auto same = [&](Tagger::Lexeme l) {
        for (int i = 0; i < size; ++i) {
            const Entry &a = m_rows[static_cast<size_t>(l + i)];
            const Entry &b = row[static_cast<size_t>(i)];
            if (a.tag != b.tag || a.score != b.score || a.size != b.size)
                return false;
        }
        return true;
    };
    if (m_rowCount * 2 >= m_rowSlots.size())
        growRowSlots();
    const size_t mask = m_rowSlots.size() - 1;
    size_t i = hash & mask;
    for (; m_rowSlots[i].second >= 0; i = (i + 1) & mask) {
        if (m_rowSlots[i].first == hash && same(m_rowSlots[i].second))
            return m_rowSlots[i].second;
    }
    const auto lexeme = static_cast<Tagger::Lexeme>(m_rows.size());
    m_rows.insert(m_rows.end(), row.begin(), row.begin() + size);
    m_rowSlots[i] = {hash, lexeme};
    ++m_rowCount;
    return lexeme;
}

void TaggerModel::growRowSlots()
{
    std::vector<std::pair<std::uint64_t, Tagger::Lexeme>> old(std::max<size_t>(m_rowSlots.size() * 2, 1 << 14), {0, -1});
    std::swap(old, m_rowSlots);
    const size_t mask = m_rowSlots.size() - 1;
    for (const auto &[hash, lexeme] : old) {
        if (lexeme < 0)
            continue;
        size_t i = hash & mask;
        while (m_rowSlots[i].second >= 0)
            i = (i + 1) & mask;
        m_rowSlots[i] = {hash, lexeme};
    }
}

const TaggerModel::Counts *TaggerModel::smoothingFor(std::string_view spelling) const
{
    const WordShape shape = wordShape(spelling, 0, majority());
    return shape.kind == WordShape::ClassRow ? &m_classes[static_cast<size_t>(shape.cls)] : nullptr;
}

void TaggerModel::buildClassRows()
{
    static_assert(kClassNames.size() == kWordClassCount);
    static_assert(kMaxRow == kMaxCandidates);
    const Counts &cap = m_classes[static_cast<size_t>(WordClass::Cap)];
    for (size_t c = 0; c < kWordClassCount; ++c) {
        m_classRows[c] = addRow(m_classes[c], nullptr);
        Counts mix;
        for (size_t t = 0; t < kPosTagCount; ++t) {
            if (const double p = 0.5 * cap.value[t] + 0.5 * m_classes[c].value[t]; p > 0)
                mix.add(static_cast<PosTag>(t), p);
        }
        m_capMixRows[c] = addRow(mix, nullptr);
    }
}

// Each spelling's own row, smoothed towards its shape's class.
void TaggerModel::buildWordRows()
{
    Counts counts;
    for (int wi = 0; wi < m_wordCount; ++wi) {
        Word &w = m_words[static_cast<size_t>(wi)];
        counts.clear();
        addCounts(w, counts);
        w.exact = addRow(counts, smoothingFor(w.spelling));
        w.initial = w.exact;
        w.folded = w.exact;
    }
}

// Lower-case keys chain the spellings that fold to them; their rows sum the
// chain ("NORTH" + "North" + "north"). Then the sentence-initial rows.
void TaggerModel::buildFoldedRows()
{
    size_t arena = 0;
    for (int wi = 0; wi < m_wordCount; ++wi) {
        if (hasUpperAscii(m_words[static_cast<size_t>(wi)].spelling))
            arena += m_words[static_cast<size_t>(wi)].spelling.size();
    }
    m_lowerArena.reserve(arena); // string_views point into it: it must not reallocate
    std::string key;
    std::vector<std::int32_t> heads(static_cast<size_t>(m_wordCount), -1);
    std::vector<std::int32_t> lowerKey(static_cast<size_t>(m_wordCount), -1);
    for (int wi = 0; wi < m_wordCount; ++wi) {
        const std::string_view s = m_words[static_cast<size_t>(wi)].spelling;
        if (!hasUpperAscii(s))
            continue;
        key.assign(s);
        std::transform(key.begin(), key.end(), key.begin(), lowerAscii);
        const Word *k = find(key);
        std::int32_t ki = k ? static_cast<std::int32_t>(k - m_words.data()) : -1;
        if (ki < 0) {
            const size_t at = m_lowerArena.size();
            m_lowerArena += key;
            Word lower;
            lower.spelling = std::string_view(m_lowerArena).substr(at, key.size());
            m_words.push_back(lower);
            heads.push_back(-1);
            ki = insert(lower.spelling);
        }
        m_words[static_cast<size_t>(wi)].nextVariant = heads[static_cast<size_t>(ki)];
        heads[static_cast<size_t>(ki)] = wi;
        lowerKey[static_cast<size_t>(wi)] = ki;
    }
    Counts counts;
    for (size_t ki = 0; ki < m_words.size(); ++ki) {
        if (heads[ki] < 0)
            continue;
        Word &k = m_words[ki];
        counts.clear();
        if (k.exact >= 0)
            addCounts(k, counts);
        for (std::int32_t v = heads[ki]; v >= 0; v = m_words[static_cast<size_t>(v)].nextVariant)
            addCounts(m_words[static_cast<size_t>(v)], counts);
        k.folded = addRow(counts, smoothingFor(k.spelling));
    }
    buildInitialRows(lowerKey);
}

// "North" at a sentence start: "North" + "north".
void TaggerModel::buildInitialRows(const std::vector<std::int32_t> &lowerKey)
{
    std::string key;
    Counts counts;
    for (int wi = 0; wi < m_wordCount; ++wi) {
        Word &w = m_words[static_cast<size_t>(wi)];
        if (w.spelling.front() < 'A' || w.spelling.front() > 'Z')
            continue;
        const Word &lowerCaseKey = m_words[static_cast<size_t>(lowerKey[static_cast<size_t>(wi)])];
        const Word *lower = &lowerCaseKey; // "North": the key is "north"
        if (hasUpperAscii(w.spelling.substr(1))) {
            key.assign(w.spelling);
            key[0] = lowerAscii(key[0]);
            lower = find(key); // "McCain" -> "mcCain"
        }
        if (!lower || lower->exact < 0)
            continue;
        counts.clear();
        addCounts(w, counts);
        addCounts(*lower, counts);
        w.initial = addRow(counts, smoothingFor(lowerCaseKey.spelling));
    }
}

bool TaggerModel::buildFixedRows(QString *error)
{
    auto fixed = [&](std::string_view spelling, Tagger::Lexeme &out) {
        const Word *w = find(spelling);
        if (!w || w->exact < 0)
            return fail(error, QStringLiteral("no entry for %1")
                                   .arg(QLatin1StringView(spelling.data(), spelling.size())));
        out = w->exact;
        return true;
    };
    if (!fixed("*NUM*", m_number) || !fixed("*ORD*", m_ordinal) || !fixed("``", openQuote) || !fixed("''", closeQuote)
        || !fixed("`", openSingle) || !fixed("'", apostrophe) || !fixed("'s", possessive) || !fixed("...", ellipsis)
        || !fixed("--", dash) || !fixed("us", objectUs))
        return false;
    for (char16_t c = 0; c < 128; ++c) {
        Tagger::Lexeme &p = m_asciiPunct[c];
        p = m_classRows[static_cast<size_t>(WordClass::Sym)];
        const char ch = static_cast<char>(c);
        if (const Word *w = find(std::string_view(&ch, 1)); w && w->exact >= 0)
            p = w->exact;
        std::string_view bracket;
        switch (c) {
        case u'(': case u'[': bracket = "*LRB*"; break;
        case u')': case u']': bracket = "*RRB*"; break;
        case u'{': bracket = "*LCB*"; break;
        case u'}': bracket = "*RCB*"; break;
        case u'"': p = closeQuote; break;
        case u'\'': p = apostrophe; break;
        default: break;
        }
        if (!bracket.empty() && !fixed(bracket, p))
            return false;
    }
    return true;
}

Tagger::Lexeme TaggerModel::punctuation(char16_t c) const
{
    if (c < 128)
        return m_asciiPunct[c];
    switch (c) {
    case 0x201C: case 0x00AB: case 0x2039: case 0x201E: return openQuote;
    case 0x201D: case 0x00BB: case 0x203A: return closeQuote;
    case 0x2018: return openSingle;
    case 0x2019: case 0x02BC: return apostrophe;
    case 0x2013: case 0x2014: case 0x2015: return dash;
    case 0x2026: return ellipsis;
    case 0x00A3: case 0x20AC: case 0x00A5: return m_asciiPunct[u'$'];
    case 0x2022: case 0x00B7: return m_asciiPunct[u':']; // bullets separate like colons
    default: return m_classRows[static_cast<size_t>(WordClass::Sym)];
    }
}

Tagger::Lexeme TaggerModel::rowOf(WordShape shape) const
{
    switch (shape.kind) {
    case WordShape::Number: return m_number;
    case WordShape::Ordinal: return m_ordinal;
    case WordShape::Fixed: return m_classRows[static_cast<size_t>(WordClass::Sym)];
    case WordShape::ClassRow: break;
    }
    const auto c = static_cast<size_t>(shape.cls);
    return shape.capitalMix ? m_capMixRows[c] : m_classRows[c];
}

PosTag TaggerModel::majorityTag(std::string_view spelling) const
{
    const Word *w = find(spelling);
    return w && w->exact >= 0 ? w->majority : PosTag::None;
}

MajorityTag TaggerModel::majority() const
{
    return [this](std::string_view lower) { return majorityTag(lower); };
}

Tagger::Lexeme TaggerModel::known(QStringView surface, std::uint8_t flags) const
{
    thread_local std::string key;
    if (!toKey(surface, key))
        return -1;
    if (flags & Tagger::CaseUnreliable) {
        std::transform(key.begin(), key.end(), key.begin(), lowerAscii);
        const Word *w = find(key);
        return w ? w->folded : -1;
    }
    const Word *w = find(key);
    if ((flags & Tagger::SentenceInitial) && key.front() >= 'A' && key.front() <= 'Z') {
        if (w && w->exact >= 0)
            return w->initial;
        key[0] = lowerAscii(key[0]);
        w = find(key);
    }
    return w ? w->exact : -1;
}

Tagger::Lexeme TaggerModel::lookup(QStringView surface, std::uint8_t flags) const
{
    if (surface.size() == 1 && !surface[0].isLetterOrNumber())
        return punctuation(surface[0].unicode());
    const Tagger::Lexeme k = known(surface, flags);
    if (k >= 0)
        return k;
    return rowOf(wordShape(surface, flags, majority()));
}

} // namespace carto::extract
