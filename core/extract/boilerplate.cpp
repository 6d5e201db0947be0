#include "boilerplate.h"

#include <QSet>

namespace carto::extract {

namespace {

constexpr int kMaxRepeatedWords = 25; // longer repeated blocks are quoted prose, not furniture

QString normalisedLine(QStringView text)
{
    QString out;
    out.reserve(text.size());
    for (QChar c : text) {
        if (c.isLetterOrNumber())
            out.append(c.toLower());
        else if (!out.isEmpty() && !out.endsWith(u' '))
            out.append(u' ');
    }
    return out.trimmed();
}

struct Features
{
    int words = 0;
    int capitalised = 0;     // words starting upper-case, among the first 10 content words
    int considered = 0;
    int letters = 0;
    int youWords = 0;        // you, your
    int weWords = 0;         // we, our, us
    bool endsSentence = false;
    bool bullet = false;
    bool debris = false;     // markup or identifier-like tokens only

    [[nodiscard]] bool titleLike() const { return considered >= 2 && capitalised * 10 >= considered * 6; }
    // Punctuated blocks of some length are prose, even when they open with names.
    [[nodiscard]] bool prose() const { return endsSentence && words >= 5 && !bullet; }
};

bool isFunctionWord(QStringView w)
{
    static const QSet<QString> small = {QStringLiteral("a"), QStringLiteral("an"), QStringLiteral("the"),
                                        QStringLiteral("of"), QStringLiteral("and"), QStringLiteral("or"),
                                        QStringLiteral("for"), QStringLiteral("to"), QStringLiteral("in"),
                                        QStringLiteral("on"), QStringLiteral("at"), QStringLiteral("by"),
                                        QStringLiteral("with"), QStringLiteral("from"), QStringLiteral("vs")};
    return small.contains(w.toString().toLower());
}

Features features(QStringView text, bool listItem)
{
    Features f;
    const QStringView t = text.trimmed();
    f.bullet = listItem || t.startsWith(u"- ") || t.startsWith(u"* ") || t.startsWith(QStringView(u"\u2022"))
        || t.startsWith(QStringView(u"\u2013 "));
    if (!t.isEmpty()) {
        const QChar last = t.back();
        f.endsSentence = last == u'.' || last == u'!' || last == u'?' || last == u'"' || last == QChar(0x201D)
            || last == u')' || last == QChar(0x2026);
    }
    if (t.size() > 2000) {
        // a long block is body prose; counting its words would only cost time
        f.words = static_cast<int>(t.size() / 6);
        f.considered = 10;
        return f;
    }
    int debrisWords = 0;
    qsizetype i = 0;
    while (i < t.size()) {
        while (i < t.size() && t[i].isSpace())
            ++i;
        const qsizetype start = i;
        while (i < t.size() && !t[i].isSpace())
            ++i;
        if (i == start)
            break;
        const QStringView w = t.mid(start, i - start);
        bool hasLetter = false;
        for (QChar c : w) {
            if (c.isLetter()) {
                hasLetter = true;
                ++f.letters;
            }
        }
        if (!hasLetter)
            continue;
        ++f.words;
        if (w.contains(u'_') || w.contains(u'<') || w.contains(u'>') || w.contains(u'{') || w.contains(u'='))
            ++debrisWords;
        QString bare;
        for (QChar c : w) {
            if (c.isLetter())
                bare.append(c.toLower());
        }
        if (bare == u"you" || bare == u"your")
            ++f.youWords;
        else if (bare == u"we" || bare == u"our" || bare == u"us")
            ++f.weWords;
        if (f.considered < 10 && !isFunctionWord(bare)) {
            ++f.considered;
            qsizetype k = 0;
            while (k < w.size() && !w[k].isLetter())
                ++k;
            if (k < w.size() && w[k].isUpper())
                ++f.capitalised;
        }
    }
    f.debris = f.words == 0 || (debrisWords > 0 && debrisWords * 2 >= f.words);
    return f;
}

} // namespace

std::vector<ingest::Block> BoilerplateFilter::units(const ingest::Document &doc)
{
    if (!doc.blocks.empty())
        return doc.blocks;
    ingest::Block whole;
    whole.range = {0, doc.text.size()};
    return {whole};
}

BoilerplateFilter::BoilerplateFilter(const ingest::Corpus &corpus)
    : m_documentCount(static_cast<int>(corpus.documents.size()))
{
    for (const ingest::Document &doc : corpus.documents) {
        QSet<QString> seen;
        for (const ingest::Block &b : doc.blocks) {
            const QStringView text = b.range.slice(doc.text);
            if (text.count(u' ') >= kMaxRepeatedWords)
                continue;
            const QString key = normalisedLine(text);
            if (!key.isEmpty() && !seen.contains(key)) {
                seen.insert(key);
                ++m_lineDocuments[key];
            }
        }
    }
}

std::vector<bool> BoilerplateFilter::boilerplateUnits(const ingest::Document &doc) const
{
    const std::vector<ingest::Block> blocks = units(doc);
    const size_t n = blocks.size();
    std::vector<bool> out(n, false);
    std::vector<Features> f(n);
    std::vector<bool> chrome(n, false);
    for (size_t i = 0; i < n; ++i) {
        const ingest::Block &b = blocks[i];
        const QStringView text = b.range.slice(doc.text);
        f[i] = features(text, b.kind == ingest::Block::Kind::ListItem);
        const bool heading = b.kind == ingest::Block::Kind::Heading;
        bool bad = f[i].debris || b.isChrome;
        // link lists: navigation, lists of further articles
        bad = bad || (b.isLinkOnly && (f[i].bullet || f[i].words <= 12));
        // site furniture repeated across documents
        if (!bad && m_documentCount >= 2 && f[i].words <= kMaxRepeatedWords) {
            const auto it = m_lineDocuments.constFind(normalisedLine(text));
            bad = it != m_lineDocuments.constEnd() && *it >= 2;
        }
        // short isolated lines outside the prose: dates, bylines, "Up Next"
        bad = bad || (!heading && n > 1 && f[i].words <= 3 && !f[i].endsSentence);
        // reader-addressing notes near the edges ("we may earn a commission when you buy")
        const bool nearEdge = i < 3 || i + 3 >= n;
        bad = bad || (nearEdge && n > 3 && f[i].words <= 60 && f[i].youWords > 0 && f[i].weWords > 0);
        out[i] = bad;
        // A page with landmarks says itself what is furniture: a list in its body is content.
        chrome[i] = bad || (doc.chromeMarked ? b.isChrome : (f[i].bullet || b.isLinkOnly));
    }
    // The body ends at the last prose block not preceded by a run of two or
    // more furniture blocks (short lines, bullets, link lists); whatever follows
    // it (further-article lists, author blurbs, teaser titles) is page furniture.
    size_t bodyEnd = n;
    for (size_t i = n; i-- > 0;) {
        const bool afterFurniture = i >= 2 && chrome[i - 1] && chrome[i - 2];
        if (f[i].prose() && !out[i] && !afterFurniture) {
            bodyEnd = i + 1;
            break;
        }
    }
    if (bodyEnd < n && !doc.chromeMarked) {
        for (size_t i = bodyEnd; i < n; ++i)
            out[i] = true;
    }
    // runs of three or more title-case lines or bulleted titles anywhere
    size_t runStart = 0;
    for (size_t i = 0; i <= n; ++i) {
        const bool titleish = i < n && !f[i].endsSentence && (f[i].titleLike() || blocks[i].isLinkOnly)
            && blocks[i].kind != ingest::Block::Kind::Heading && !(doc.chromeMarked && !blocks[i].isChrome);
        if (!titleish) {
            if (i - runStart >= 3) {
                for (size_t k = runStart; k < i; ++k)
                    out[k] = true;
            }
            runStart = i + 1;
        }
    }
    return out;
}

} // namespace carto::extract
