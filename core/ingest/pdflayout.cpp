#include "pdflayout.h"

#include "documentbuilder.h"
#include "hyphenation.h"

#include "foundation/regexview.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <algorithm>
#include <cmath>
#include <map>

namespace carto::ingest {

namespace {

// Running headers and footers sit in these bands of the page.
constexpr double kFurnitureBand = 0.12;
// A heading's font is at least this much larger than the body's.
constexpr double kHeadingScale = 1.15;

// Page furniture is compared with its numbers masked: "Chapter 2 · 17" and
// "Chapter 2 · 18" are the same running header.
QString furnitureKey(QStringView text)
{
    QString key;
    for (const QChar c : text) {
        if (c.isDigit()) {
            if (!key.endsWith(u'#'))
                key += u'#';
        } else if (c.isLetter()) {
            key += c.toLower();
        } else if (!key.isEmpty() && !key.endsWith(u' ')) {
            key += u' ';
        }
    }
    return key.trimmed();
}

bool isPageNumber(QStringView text)
{
    static const QRegularExpression number(
        QStringLiteral("^[-\\x{2013}\\x{2014} ]*(?:page\\s+)?(?:[0-9]{1,4}|[ivxlcdm]{1,6})(?:\\s*(?:/|of)\\s*[0-9]{1,4})?[-\\x{2013}\\x{2014} ]*$"),
        QRegularExpression::CaseInsensitiveOption);
    return matchView(number, text.trimmed()).hasMatch();
}

// Letters strewn one by one ("h h h h"): glyphs of a figure or a formula.
bool isGlyphDebris(QStringView text)
{
    int tokens = 0;
    int single = 0;
    for (const QStringView token : text.split(u' ', Qt::SkipEmptyParts)) {
        ++tokens;
        single += token.size() == 1 ? 1 : 0;
    }
    return tokens >= 3 && single * 10 >= tokens * 7;
}

// The lines of one page that may be running headers or footers: the two
// highest in the top band and the two lowest in the bottom band.
std::vector<size_t> furnitureCandidates(const PdfPage &page)
{
    std::vector<size_t> order(page.lines.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) { return page.lines[a].top < page.lines[b].top; });
    std::vector<size_t> out;
    for (size_t k = 0; k < order.size() && k < 2; ++k) {
        if (page.lines[order[k]].top < page.height * kFurnitureBand)
            out.push_back(order[k]);
    }
    for (size_t k = 0; k < order.size() && k < 2; ++k) {
        const size_t i = order[order.size() - 1 - k];
        if (page.lines[i].bottom > page.height * (1 - kFurnitureBand) && std::find(out.begin(), out.end(), i) == out.end())
            out.push_back(i);
    }
    return out;
}

double roundedSize(double size)
{
    return std::round(size * 2) / 2;
}

QString outlineKey(QStringView text)
{
    QString key;
    for (const QChar c : text) {
        if (c.isLetterOrNumber())
            key += c.toLower();
    }
    return key;
}

bool endsSentence(QStringView t)
{
    return !t.isEmpty() && QStringView(u".!?:\"\x201D").contains(t.back());
}

bool hasDotLeader(QStringView t)
{
    return t.contains(QLatin1String("....")) || t.contains(QLatin1String(". . ."));
}

struct Geometry
{
    double bodySize = 10;
    double advance = 12; // baseline-to-baseline distance of body lines
    std::vector<double> left;  // per page: the body's left margin
    std::vector<double> right; // per page: the body's right edge
};

Geometry measure(const std::vector<PdfPage> &pages)
{
    Geometry g;
    std::map<double, qsizetype> sizes;
    for (const PdfPage &p : pages) {
        for (const PdfLine &l : p.lines)
            sizes[roundedSize(l.fontSize)] += l.text.size();
    }
    if (!sizes.empty())
        g.bodySize = std::max_element(sizes.begin(), sizes.end(), [](auto &a, auto &b) { return a.second < b.second; })->first;
    std::vector<double> advances;
    for (const PdfPage &p : pages) {
        std::vector<double> lefts;
        double right = 0;
        for (size_t i = 0; i < p.lines.size(); ++i) {
            const PdfLine &l = p.lines[i];
            if (std::abs(roundedSize(l.fontSize) - g.bodySize) > 0.5)
                continue;
            lefts.push_back(l.left);
            right = std::max(right, l.right);
            if (i + 1 < p.lines.size()) {
                const double d = p.lines[i + 1].top - l.top;
                if (d > 0 && d < 2.5 * g.bodySize)
                    advances.push_back(d);
            }
        }
        std::sort(lefts.begin(), lefts.end());
        g.left.push_back(lefts.empty() ? 0 : lefts[lefts.size() / 4]);
        g.right.push_back(right);
    }
    if (!advances.empty()) {
        std::nth_element(advances.begin(), advances.begin() + qsizetype(advances.size() / 2), advances.end());
        g.advance = advances[advances.size() / 2];
    } else {
        g.advance = g.bodySize * 1.2;
    }
    return g;
}

class Assembler final
{
public:
    Assembler(const std::vector<PdfPage> &pages, const std::vector<PdfOutlineEntry> &outline, DocumentBuilder &builder,
              const Hyphenation &hyphenation)
        : m_pages(pages)
        , m_geometry(measure(pages))
        , m_builder(builder)
        , m_hyphenation(hyphenation)
    {
        for (const PdfOutlineEntry &e : outline)
            m_outline.insert(outlineKey(e.title), e.level);
        std::vector<double> headingSizes;
        for (const PdfPage &p : pages) {
            for (const PdfLine &l : p.lines) {
                const double s = roundedSize(l.fontSize);
                if (s >= m_geometry.bodySize * kHeadingScale)
                    headingSizes.push_back(s);
            }
        }
        std::sort(headingSizes.begin(), headingSizes.end(), std::greater<>());
        headingSizes.erase(std::unique(headingSizes.begin(), headingSizes.end()), headingSizes.end());
        m_headingSizes = headingSizes;
    }

    void run()
    {
        for (size_t p = 0; p < m_pages.size(); ++p) {
            const std::vector<PdfLine> &lines = m_pages[p].lines;
            for (size_t i = 0; i < lines.size(); ++i)
                line(p, lines[i], i == 0);
        }
        flush();
    }

private:
    // Heading level of a line: from the outline, a larger font, or a short bold line; 0 for body text.
    int headingLevel(const PdfLine &l) const
    {
        if (l.text.size() > 150)
            return 0;
        if (const auto it = m_outline.constFind(outlineKey(l.text)); it != m_outline.constEnd() && !it.key().isEmpty())
            return std::clamp(*it, 1, 6);
        const double s = roundedSize(l.fontSize);
        const auto it = std::find(m_headingSizes.begin(), m_headingSizes.end(), s);
        if (it != m_headingSizes.end())
            return std::min(6, int(it - m_headingSizes.begin()) + 1);
        if (l.bold && l.text.size() <= 80 && !QStringView(u".,;:").contains(l.text.back()))
            return std::min(6, int(m_headingSizes.size()) + 1);
        return 0;
    }

    bool full(size_t page, const PdfLine &l) const
    {
        const double left = m_geometry.left[page];
        const double right = m_geometry.right[page];
        return l.right >= right - 0.12 * std::max(1.0, right - left);
    }

    // Whether `l` continues the open paragraph whose last line is m_last.
    bool continues(size_t page, const PdfLine &l, bool pageStart) const
    {
        const PdfLine &prev = m_last;
        if (m_kind != Block::Kind::Paragraph || std::abs(roundedSize(l.fontSize) - roundedSize(prev.fontSize)) > 0.5)
            return false;
        if (hasDotLeader(prev.text) || hasDotLeader(l.text))
            return false;
        const double indent = m_geometry.bodySize;
        const bool prevFull = full(m_lastPage, prev);
        if (pageStart || l.top < prev.top - m_geometry.advance) {
            // A new page or column: the paragraph goes on if its last line was full.
            return prevFull && l.left <= m_geometry.left[page] + indent / 2;
        }
        const double gap = l.top - prev.top;
        if (gap > 1.6 * m_geometry.advance)
            return false;
        if (l.left > prev.left + indent)
            return false; // a first-line indent opens a paragraph
        if (l.left < prev.left - indent && !m_firstIndented)
            return false; // outdented: the next entry of a hanging-indent list
        if (!prevFull && (endsSentence(prev.text) || prev.right < m_geometry.left[m_lastPage] + 0.6 * (m_geometry.right[m_lastPage] - m_geometry.left[m_lastPage])))
            return false;
        return true;
    }

    void line(size_t page, const PdfLine &l, bool pageStart)
    {
        const int level = headingLevel(l);
        if (level > 0) {
            // A heading wrapped over two lines of the same font stays one heading.
            const bool sameHeading = m_kind == Block::Kind::Heading && m_level == level && !pageStart
                                     && std::abs(l.top - m_last.top) < 2 * l.fontSize && roundedSize(l.fontSize) == roundedSize(m_last.fontSize);
            if (!sameHeading) {
                flush();
                m_kind = Block::Kind::Heading;
                m_level = level;
                m_text = l.text;
            } else {
                m_text += u' ' + l.text;
            }
        } else if (!m_text.isEmpty() && continues(page, l, pageStart)) {
            join(l.text);
        } else {
            flush();
            m_kind = Block::Kind::Paragraph;
            m_level = 0;
            m_text = l.text;
            m_firstIndented = l.left > m_geometry.left[page] + m_geometry.bodySize / 2;
        }
        m_last = l;
        m_lastPage = page;
    }

    void join(QStringView next)
    {
        const QStringView p = m_text;
        if (p.endsWith(QChar(0x00AD))) {
            m_text.chop(1); // a soft hyphen is a typesetter's break: always join
            m_text += next;
            return;
        }
        const bool broken = p.size() >= 3 && p.back() == u'-' && p[p.size() - 2].isLetter() && !next.isEmpty()
                            && next.front().isLower();
        if (!broken) {
            m_text += u' ';
            m_text += next;
            return;
        }
        qsizetype s = p.size() - 1;
        while (s > 0 && p[s - 1].isLetter())
            --s;
        if (m_hyphenation.joins(p.mid(s, p.size() - 1 - s), next))
            m_text.chop(1);
        m_text += next;
    }

    void flush()
    {
        if (m_text.isEmpty())
            return;
        m_text.remove(QChar(0x00AD));
        m_builder.setBlockKind(m_kind, m_level);
        m_builder.appendText(m_text);
        m_builder.closeBlock();
        m_text.clear();
    }

    const std::vector<PdfPage> &m_pages;
    Geometry m_geometry;
    DocumentBuilder &m_builder;
    const Hyphenation &m_hyphenation;
    QHash<QString, int> m_outline;
    std::vector<double> m_headingSizes;
    QString m_text;
    Block::Kind m_kind = Block::Kind::Paragraph;
    int m_level = 0;
    PdfLine m_last;
    size_t m_lastPage = 0;
    bool m_firstIndented = false;
};

} // namespace

void PdfLayout::dropFurniture(std::vector<PdfPage> &pages)
{
    QHash<QString, int> pagesWithKey;
    std::vector<std::vector<size_t>> candidates(pages.size());
    for (size_t p = 0; p < pages.size(); ++p) {
        candidates[p] = furnitureCandidates(pages[p]);
        QSet<QString> seen;
        for (const size_t i : candidates[p]) {
            const QString key = furnitureKey(pages[p].lines[i].text);
            if (!key.isEmpty() && !seen.contains(key)) {
                seen.insert(key);
                ++pagesWithKey[key];
            }
        }
    }
    const int repeated = std::min<int>(3, int(pages.size()));
    for (size_t p = 0; p < pages.size(); ++p) {
        PdfPage &page = pages[p];
        std::vector<char> drop(page.lines.size(), 0);
        if (pages.size() >= 2) {
            for (const size_t i : candidates[p]) {
                const QString &text = page.lines[i].text;
                const QString key = furnitureKey(text);
                drop[i] = isPageNumber(text) || (!key.isEmpty() && pagesWithKey.value(key) >= repeated) ? 1 : 0;
            }
        }
        // A page is never all furniture: a page of repeated lines is content.
        if (std::count(drop.begin(), drop.end(), 1) == qsizetype(drop.size()))
            std::fill(drop.begin(), drop.end(), 0);
        for (size_t i = 0; i < page.lines.size(); ++i)
            drop[i] = drop[i] || isGlyphDebris(page.lines[i].text) ? 1 : 0;
        size_t out = 0;
        for (size_t i = 0; i < page.lines.size(); ++i) {
            if (!drop[i])
                page.lines[out++] = std::move(page.lines[i]);
        }
        page.lines.resize(out);
    }
}

void PdfLayout::build(std::vector<PdfPage> pages, const std::vector<PdfOutlineEntry> &outline, DocumentBuilder &builder)
{
    dropFurniture(pages);
    // The document's own spellings decide hyphenated line ends first.
    QString all;
    for (const PdfPage &p : pages) {
        for (const PdfLine &l : p.lines) {
            all += l.text;
            all += u'\n';
        }
    }
    const Hyphenation hyphenation(all);
    Assembler(pages, outline, builder, hyphenation).run();
}

} // namespace carto::ingest
