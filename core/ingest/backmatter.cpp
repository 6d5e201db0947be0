#include "backmatter.h"

#include "foundation/regexview.h"

#include <QRegularExpression>

#include <algorithm>
#include <optional>

namespace carto::ingest {

namespace {

using Kind = SetAside::Kind;

constexpr int kMinBibliographyRun = 3;
constexpr int kMinIndexRun = 4;
constexpr int kMinContentsRun = 3;

std::optional<Kind> kindOfHeading(QStringView title)
{
    static const QRegularExpression numbering(QStringLiteral("^(?:[0-9]+(?:\\.[0-9]+)*\\.?|[A-Z]\\.|[IVXLC]+\\.)\\s+"));
    QString t = title.toString().simplified();
    t.remove(numbering);
    t = t.toLower();
    if (t.size() > 80)
        return std::nullopt;
    static const QRegularExpression appendix(QStringLiteral("^(?:appendix|appendices|annex|annexes)\\b"));
    static const QRegularExpression bibliography(QStringLiteral(
        "^(?:references|bibliography|select bibliography|works cited|literature cited|literature|sources|reference list|"
        "further reading|notes and references|references and notes)$"));
    static const QRegularExpression index(QStringLiteral("^(?:index|general index|subject index|name index|author index|index of [a-z ]+)$"));
    static const QRegularExpression contents(QStringLiteral("^(?:contents|table of contents)$"));
    static const QRegularExpression licence(QStringLiteral("\\b(?:licen[cs]e|licensing|copying|copyright notice|terms and conditions)\\b"));
    if (matchView(appendix, t).hasMatch())
        return Kind::Appendix;
    if (matchView(bibliography, t).hasMatch())
        return Kind::Bibliography;
    if (matchView(index, t).hasMatch())
        return Kind::Index;
    if (matchView(contents, t).hasMatch())
        return Kind::Contents;
    if (matchView(licence, t).hasMatch())
        return Kind::Licence;
    return std::nullopt;
}

bool citationLike(QStringView t)
{
    if (t.size() < 20 || t.size() > 1200)
        return false;
    static const QRegularExpression year(QStringLiteral("(?<![0-9])(?:1[5-9][0-9]{2}|20[0-9]{2})[a-z]?(?![0-9])"));
    if (!matchView(year, t).hasMatch())
        return false;
    static const QRegularExpression cues[] = {
        QRegularExpression(QStringLiteral("\\bpp?\\.\\s*[0-9]")),
        QRegularExpression(QStringLiteral("\\b(?:vol|no|ed|eds)\\.\\s")),
        QRegularExpression(QStringLiteral("\\bISBN\\b|\\bdoi\\b|doi\\.org|https?://")),
        QRegularExpression(QStringLiteral("\\bet al\\.")),
        QRegularExpression(QStringLiteral("\\b(?:Press|Journal|Proceedings|University|Publishers?|Publishing|Conference|Review)\\b")),
        QRegularExpression(QStringLiteral("\\b\\p{Lu}\\p{Ll}+,\\s(?:\\p{Lu}\\.\\s?)+|\\b(?:\\p{Lu}\\.\\s?)+\\p{Lu}\\p{Ll}+")),
        QRegularExpression(QStringLiteral("^\\[[^\\]]{1,12}\\]")),
        QRegularExpression(QStringLiteral("\\((?:1[5-9][0-9]{2}|20[0-9]{2})[a-z]?\\)")),
    };
    int found = 0;
    for (const QRegularExpression &cue : cues)
        found += matchView(cue, t).hasMatch() ? 1 : 0;
    return found >= 2;
}

bool isNumberToken(QStringView token)
{
    while (!token.isEmpty() && QStringView(u",.;").contains(token.back()))
        token.chop(1);
    if (token.isEmpty())
        return false;
    bool digits = false;
    for (const QChar c : token) {
        if (c.isDigit())
            digits = true;
        else if (c != u'-' && c != QChar(0x2013))
            return false;
    }
    return digits;
}

// "alpha particle, 12, 45-47" (one entry, or a column of them read as one block).
bool indexLike(QStringView t)
{
    // An entry is a line or two; long blocks are prose (and counting their words costs time).
    if (t.size() > 400)
        return false;
    int tokens = 0;
    int numbers = 0;
    for (const QStringView token : t.split(u' ', Qt::SkipEmptyParts)) {
        ++tokens;
        numbers += isNumberToken(token) ? 1 : 0;
    }
    const qsizetype stops = t.count(QLatin1String(". "));
    const qsizetype firstSpace = t.indexOf(u' ');
    return numbers >= 1 && numbers * 4 >= tokens && stops * 10 <= tokens
           && !isNumberToken(firstSpace < 0 ? t : t.first(firstSpace));
}

bool contentsLike(QStringView t)
{
    if (t.size() > 160)
        return false;
    static const QRegularExpression leader(QStringLiteral("(?:\\.{4,}|(?:\\. ){3,})\\s*[0-9ivxlc]+$"));
    static const QRegularExpression numbered(QStringLiteral("^(?:[0-9]+(?:\\.[0-9]+)*\\.?|[A-Z]\\.)?\\s*\\p{Lu}[^.!?]*\\s[0-9]{1,4}$"));
    return matchView(leader, t).hasMatch() || matchView(numbered, t).hasMatch();
}

void addRuns(Document &doc, Kind kind, bool (*like)(QStringView), int minRun, double from, double to)
{
    const qsizetype n = doc.text.size();
    size_t i = 0;
    while (i < doc.blocks.size()) {
        size_t j = i;
        while (j < doc.blocks.size() && doc.blocks[j].kind != Block::Kind::Heading
               && like(doc.blocks[j].range.slice(doc.text)))
            ++j;
        if (int(j - i) >= minRun) {
            const double position = double(doc.blocks[i].range.start) / double(std::max<qsizetype>(1, n));
            if (position >= from && position <= to) {
                qsizetype start = doc.blocks[i].range.start;
                if (i > 0 && doc.blocks[i - 1].kind == Block::Kind::Heading)
                    start = doc.blocks[i - 1].range.start; // the run's own heading
                doc.setAside.push_back({kind, TextRange{start, doc.blocks[j - 1].range.end}, {}});
            }
        }
        i = j == i ? i + 1 : j;
    }
}

} // namespace

QString setAsideKindName(SetAside::Kind kind)
{
    switch (kind) {
    case Kind::Contents:
        return QStringLiteral("table of contents");
    case Kind::Appendix:
        return QStringLiteral("appendix");
    case Kind::Bibliography:
        return QStringLiteral("bibliography");
    case Kind::Index:
        return QStringLiteral("index");
    case Kind::Licence:
        return QStringLiteral("licence");
    case Kind::Quote:
        return QStringLiteral("quoted reply");
    case Kind::Signature:
        return QStringLiteral("signature");
    case Kind::Attachment:
        return QStringLiteral("attachment");
    case Kind::Headers:
        return QStringLiteral("mail headers");
    }
    return {};
}

void BackMatter::find(Document &doc)
{
    for (const Section &section : doc.sections) {
        if (const auto kind = kindOfHeading(section.title))
            doc.setAside.push_back({*kind, section.range, section.title});
    }
    addRuns(doc, Kind::Bibliography, citationLike, kMinBibliographyRun, 0.1, 1.0);
    addRuns(doc, Kind::Index, indexLike, kMinIndexRun, 0.5, 1.0);
    addRuns(doc, Kind::Contents, contentsLike, kMinContentsRun, 0.0, 0.3);

    // In text order, nested or overlapping ranges folded into the first; attachments (no range) last.
    std::stable_sort(doc.setAside.begin(), doc.setAside.end(), [](const SetAside &a, const SetAside &b) {
        const bool ae = a.range.isEmpty();
        const bool be = b.range.isEmpty();
        return ae != be ? be : a.range.start < b.range.start;
    });
    std::vector<SetAside> merged;
    for (SetAside &a : doc.setAside) {
        if (!merged.empty() && !a.range.isEmpty() && !merged.back().range.isEmpty() && a.range.start < merged.back().range.end) {
            merged.back().range.end = std::max(merged.back().range.end, a.range.end);
            continue;
        }
        merged.push_back(std::move(a));
    }
    doc.setAside = std::move(merged);
}

void BackMatter::apply(Document &doc)
{
    std::vector<TextRange> ranges;
    for (const SetAside &a : doc.setAside) {
        if (!a.range.isEmpty())
            ranges.push_back(a.range);
    }
    if (ranges.empty())
        return;
    std::sort(ranges.begin(), ranges.end(), [](const TextRange &a, const TextRange &b) { return a.start < b.start; });
    const auto inside = [&](const TextRange &r) {
        auto it = std::upper_bound(ranges.begin(), ranges.end(), r.start,
                                   [](qsizetype pos, const TextRange &x) { return pos < x.start; });
        return it != ranges.begin() && std::prev(it)->contains(r);
    };
    const bool anyLeft = std::any_of(doc.blocks.begin(), doc.blocks.end(), [&](const Block &b) { return !inside(b.range); });
    if (!anyLeft) {
        std::erase_if(doc.setAside, [](const SetAside &a) { return a.kind != Kind::Attachment; });
        return;
    }
    std::erase_if(doc.blocks, [&](const Block &b) { return inside(b.range); });
    std::erase_if(doc.sentences, [&](const TextRange &s) { return inside(s); });
    std::erase_if(doc.timestamps, [&](const Timestamp &t) { return inside(t.passage); });
}

} // namespace carto::ingest
