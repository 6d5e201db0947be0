#include "snippets.h"

#include <algorithm>

using namespace Qt::StringLiterals;

namespace carto::app::snippets {

namespace {
constexpr qsizetype kMaxSnippet = 400;
}

TextRange sentenceAround(const ingest::Document &document, TextRange range)
{
    const auto &sentences = document.sentences;
    auto it = std::upper_bound(sentences.begin(), sentences.end(), range.start,
                               [](qsizetype pos, const TextRange &s) { return pos < s.start; });
    if (it != sentences.begin()) {
        const TextRange s = *std::prev(it);
        if (s.contains(range.start) && s.length() <= kMaxSnippet * 2)
            return s;
    }
    // No usable sentence: a window around the range, cut at spaces.
    const qsizetype size = document.text.size();
    qsizetype start = std::max<qsizetype>(0, range.start - kMaxSnippet / 2);
    qsizetype end = std::min(size, range.end + kMaxSnippet / 2);
    while (start > 0 && start < range.start && !document.text.at(start - 1).isSpace())
        ++start;
    while (end < size && end > range.end && !document.text.at(end).isSpace())
        --end;
    return {start, end};
}

QString highlighted(QStringView text, TextRange sentence, std::vector<TextRange> highlights)
{
    sentence.start = std::clamp<qsizetype>(sentence.start, 0, text.size());
    sentence.end = std::clamp<qsizetype>(sentence.end, sentence.start, text.size());
    std::sort(highlights.begin(), highlights.end(),
              [](const TextRange &a, const TextRange &b) { return a.start < b.start; });
    QString html;
    qsizetype pos = sentence.start;
    for (TextRange h : highlights) {
        h.start = std::max(h.start, pos);
        h.end = std::min(h.end, sentence.end);
        if (h.isEmpty())
            continue;
        html += text.mid(pos, h.start - pos).toString().toHtmlEscaped();
        html += u"<b style=\"background-color:#ffe28a;color:#000000\">"_s
            + text.mid(h.start, h.length()).toString().toHtmlEscaped() + u"</b>"_s;
        pos = h.end;
    }
    html += text.mid(pos, sentence.end - pos).toString().toHtmlEscaped();
    return html.simplified();
}

QString timestamp(int seconds)
{
    const int h = seconds / 3600, m = (seconds / 60) % 60, s = seconds % 60;
    if (h > 0)
        return u"[%1:%2:%3]"_s.arg(h).arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
    return u"[%1:%2]"_s.arg(m, 2, 10, QLatin1Char('0')).arg(s, 2, 10, QLatin1Char('0'));
}

} // namespace carto::app::snippets
