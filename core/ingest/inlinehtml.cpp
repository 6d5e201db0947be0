#include "inlinehtml.h"

#include "foundation/regexview.h"

#include <QHash>
#include <QRegularExpression>

#include <limits>

namespace carto::ingest {

namespace {

const QHash<QString, char32_t> &namedEntities()
{
    static const QHash<QString, char32_t> table = {
        {QStringLiteral("amp"), U'&'},        {QStringLiteral("lt"), U'<'},         {QStringLiteral("gt"), U'>'},
        {QStringLiteral("quot"), U'"'},       {QStringLiteral("apos"), U'\''},      {QStringLiteral("nbsp"), U' '},
        {QStringLiteral("ndash"), U'\x2013'}, {QStringLiteral("mdash"), U'\x2014'}, {QStringLiteral("hellip"), U'\x2026'},
        {QStringLiteral("lsquo"), U'\x2018'}, {QStringLiteral("rsquo"), U'\x2019'}, {QStringLiteral("ldquo"), U'\x201C'},
        {QStringLiteral("rdquo"), U'\x201D'}, {QStringLiteral("laquo"), U'\xAB'},   {QStringLiteral("raquo"), U'\xBB'},
        {QStringLiteral("copy"), U'\xA9'},    {QStringLiteral("reg"), U'\xAE'},     {QStringLiteral("trade"), U'\x2122'},
        {QStringLiteral("bull"), U'\x2022'},  {QStringLiteral("middot"), U'\xB7'},  {QStringLiteral("deg"), U'\xB0'},
        {QStringLiteral("eacute"), U'\xE9'},  {QStringLiteral("egrave"), U'\xE8'},  {QStringLiteral("aacute"), U'\xE1'},
        {QStringLiteral("agrave"), U'\xE0'},  {QStringLiteral("uuml"), U'\xFC'},    {QStringLiteral("ouml"), U'\xF6'},
        {QStringLiteral("auml"), U'\xE4'},    {QStringLiteral("iuml"), U'\xEF'},    {QStringLiteral("ccedil"), U'\xE7'},
        {QStringLiteral("ntilde"), U'\xF1'},  {QStringLiteral("szlig"), U'\xDF'},   {QStringLiteral("euro"), U'\x20AC'},
        {QStringLiteral("pound"), U'\xA3'},   {QStringLiteral("times"), U'\xD7'},   {QStringLiteral("shy"), U'\xAD'},
        {QStringLiteral("thinsp"), U' '},     {QStringLiteral("ensp"), U' '},       {QStringLiteral("emsp"), U' '},
    };
    return table;
}

// Hours, minutes and seconds as written (each group may be absent) to a count
// of seconds, refusing what does not fit an int: "999999h" is not a time.
std::optional<int> toSeconds(const QRegularExpressionMatch &m)
{
    qint64 total = 0;
    const qint64 unit[] = {3600, 60, 1};
    for (int group = 1; group <= 3; ++group) {
        const QStringView digits = m.capturedView(group);
        if (digits.isEmpty())
            continue;
        bool ok = false;
        const qint64 value = digits.toLongLong(&ok);
        if (!ok || value > std::numeric_limits<int>::max())
            return std::nullopt;
        total += value * unit[group - 1];
        if (total > std::numeric_limits<int>::max())
            return std::nullopt;
    }
    return int(total);
}

} // namespace

QString HtmlTag::attribute(QStringView key) const
{
    for (const auto &[k, v] : attributes) {
        if (k == key)
            return v;
    }
    return {};
}

std::optional<HtmlTag> parseHtmlTag(QStringView raw)
{
    raw = raw.trimmed();
    if (raw.size() < 3 || raw.front() != u'<' || raw.back() != u'>')
        return std::nullopt;
    QStringView body = raw.mid(1, raw.size() - 2);
    HtmlTag tag;
    if (body.startsWith(u'/')) {
        tag.closing = true;
        body = body.mid(1);
    }
    if (body.endsWith(u'/')) {
        tag.selfClosing = true;
        body.chop(1);
    }
    qsizetype i = 0;
    while (i < body.size() && (body[i].isLetterOrNumber() || body[i] == u'-' || body[i] == u':'))
        ++i;
    if (i == 0)
        return std::nullopt;
    tag.name = body.first(i).toString().toLower();
    // Attributes: name, name=value, name="value", name='value'.
    while (i < body.size()) {
        while (i < body.size() && body[i].isSpace())
            ++i;
        const qsizetype nameStart = i;
        while (i < body.size() && !body[i].isSpace() && body[i] != u'=')
            ++i;
        if (i == nameStart) {
            ++i;
            continue;
        }
        QString name = body.mid(nameStart, i - nameStart).toString().toLower();
        QString value;
        while (i < body.size() && body[i].isSpace())
            ++i;
        if (i < body.size() && body[i] == u'=') {
            ++i;
            while (i < body.size() && body[i].isSpace())
                ++i;
            if (i < body.size() && (body[i] == u'"' || body[i] == u'\'')) {
                const QChar quote = body[i++];
                const qsizetype valueStart = i;
                while (i < body.size() && body[i] != quote)
                    ++i;
                value = decodeHtmlEntities(body.mid(valueStart, i - valueStart));
                ++i;
            } else {
                const qsizetype valueStart = i;
                while (i < body.size() && !body[i].isSpace())
                    ++i;
                value = decodeHtmlEntities(body.mid(valueStart, i - valueStart));
            }
        }
        tag.attributes.emplace_back(std::move(name), std::move(value));
    }
    return tag;
}

QString decodeHtmlEntities(QStringView text)
{
    if (!text.contains(u'&'))
        return text.toString();
    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text[i] != u'&') {
            out += text[i];
            continue;
        }
        // Only a short window: searching the whole rest of the text for each
        // '&' made a run of ampersands quadratic.
        const qsizetype found = text.mid(i + 1, 40).indexOf(u';');
        const qsizetype semi = found < 0 ? -1 : i + 1 + found;
        if (semi < 0) {
            out += text[i];
            continue;
        }
        const QStringView ref = text.mid(i + 1, semi - i - 1);
        char32_t cp = 0;
        if (ref.startsWith(u'#')) {
            bool ok = false;
            const uint value = (ref.size() > 1 && (ref[1] == u'x' || ref[1] == u'X')) ? ref.mid(2).toUInt(&ok, 16)
                                                                                     : ref.mid(1).toUInt(&ok, 10);
            if (ok && value > 0 && value <= 0x10FFFF && !(value >= 0xD800 && value <= 0xDFFF))
                cp = value;
        } else {
            cp = namedEntities().value(ref.toString(), 0);
        }
        if (cp == 0) {
            out += text[i];
            continue;
        }
        out += QString::fromUcs4(&cp, 1);
        i = semi;
    }
    return out;
}

std::optional<int> parseTimeLabel(QStringView label)
{
    label = label.trimmed();
    while (label.startsWith(u'[') || label.startsWith(u'('))
        label = label.mid(1);
    while (label.endsWith(u']') || label.endsWith(u')'))
        label.chop(1);
    static const QRegularExpression clock(QStringLiteral("^(?:(\\d{1,3}):)?(\\d{1,2}):(\\d{2})(?:\\.\\d+)?$"));
    static const QRegularExpression units(QStringLiteral("^(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s?)?$"));
    if (const auto m = matchView(clock, label); m.hasMatch())
        return toSeconds(m);
    if (const auto m = matchView(units, label); m.hasMatch() && !label.isEmpty())
        return toSeconds(m);
    return std::nullopt;
}

bool isTimestampAnchor(const HtmlTag &tag)
{
    if (tag.name != u"a")
        return false;
    for (const auto &[key, value] : tag.attributes) {
        if ((key == u"data-t" || key == u"data-time" || key == u"data-timestamp") && parseTimeLabel(value))
            return true;
        if (key == u"class" && value.contains(QLatin1String("timestamp"), Qt::CaseInsensitive))
            return true;
    }
    return false;
}

bool isDroppedElement(QStringView name)
{
    return name == u"script" || name == u"style" || name == u"noscript" || name == u"template";
}

bool isBlockLevelElement(QStringView name)
{
    static const QStringList names = {
        QStringLiteral("p"),       QStringLiteral("div"),     QStringLiteral("li"),      QStringLiteral("ul"),
        QStringLiteral("ol"),      QStringLiteral("dl"),      QStringLiteral("dt"),      QStringLiteral("dd"),
        QStringLiteral("h1"),      QStringLiteral("h2"),      QStringLiteral("h3"),      QStringLiteral("h4"),
        QStringLiteral("h5"),      QStringLiteral("h6"),      QStringLiteral("blockquote"), QStringLiteral("pre"),
        QStringLiteral("table"),   QStringLiteral("tr"),      QStringLiteral("td"),      QStringLiteral("th"),
        QStringLiteral("thead"),   QStringLiteral("tbody"),   QStringLiteral("tfoot"),   QStringLiteral("caption"),
        QStringLiteral("section"), QStringLiteral("article"), QStringLiteral("aside"),   QStringLiteral("nav"),
        QStringLiteral("header"),  QStringLiteral("footer"),  QStringLiteral("main"),    QStringLiteral("figure"),
        QStringLiteral("figcaption"), QStringLiteral("hr"),   QStringLiteral("details"), QStringLiteral("summary"),
        QStringLiteral("form"),    QStringLiteral("fieldset"), QStringLiteral("address"), QStringLiteral("body"),
        QStringLiteral("html"),    QStringLiteral("center"),
    };
    return names.contains(name);
}

InlineHtml::InlineHtml(DocumentBuilder &builder, Document &document)
    : m_builder(builder)
    , m_doc(document)
{
}

void InlineHtml::tag(const HtmlTag &tag)
{
    if (isDroppedElement(tag.name)) {
        if (tag.closing)
            m_dropDepth = std::max(0, m_dropDepth - 1);
        else if (!tag.selfClosing)
            ++m_dropDepth;
        return;
    }
    if (m_dropDepth > 0)
        return;
    if (tag.name == u"a") {
        if (!tag.closing && isTimestampAnchor(tag)) {
            m_inTimestamp = true;
            m_timestampLabel = tag.attribute(u"data-t");
            if (m_timestampLabel.isEmpty())
                m_timestampLabel = tag.attribute(u"data-time");
            if (m_timestampLabel.isEmpty())
                m_timestampLabel = tag.attribute(u"data-timestamp");
            m_timestampText.clear();
        } else if (!tag.closing) {
            m_links.emplace_back(m_builder.beginMark(), tag.attribute(u"href"));
        } else if (m_inTimestamp) {
            m_inTimestamp = false;
            QString label = m_timestampLabel.isEmpty() ? m_timestampText.trimmed() : m_timestampLabel;
            if (const auto seconds = parseTimeLabel(label)) {
                if (label.startsWith(u'[') && label.endsWith(u']'))
                    label = label.mid(1).chopped(1);
                m_builder.addTimestamp(*seconds, label);
            } else {
                m_builder.appendText(m_timestampText); // not a time after all: keep the text
            }
        } else if (!m_links.empty()) {
            const auto [mark, url] = m_links.back();
            m_links.pop_back();
            const TextRange range = m_builder.endMark(mark);
            if (!range.isEmpty())
                m_doc.links.push_back(Link{range, url});
        }
        return;
    }
    if (tag.name == u"br") {
        m_builder.lineBreak();
        return;
    }
    if (isBlockLevelElement(tag.name))
        m_builder.closeBlock();
}

void InlineHtml::text(QStringView text)
{
    if (m_dropDepth > 0)
        return;
    if (m_inTimestamp) {
        m_timestampText += text;
        return;
    }
    m_builder.appendText(text);
}

void InlineHtml::feedRaw(QStringView raw)
{
    qsizetype i = 0;
    while (i < raw.size()) {
        const qsizetype lt = raw.indexOf(u'<', i);
        if (lt < 0) {
            text(decodeHtmlEntities(raw.mid(i)));
            break;
        }
        if (lt > i)
            text(decodeHtmlEntities(raw.mid(i, lt - i)));
        if (raw.mid(lt).startsWith(u"<!--")) {
            const qsizetype close = raw.indexOf(u"-->", lt + 4);
            i = close < 0 ? raw.size() : close + 3;
            continue;
        }
        const qsizetype gt = raw.indexOf(u'>', lt);
        if (gt < 0) {
            text(decodeHtmlEntities(raw.mid(lt)));
            break;
        }
        if (const auto parsed = parseHtmlTag(raw.mid(lt, gt - lt + 1)))
            tag(*parsed);
        else if (!raw.mid(lt).startsWith(u"<!") && !raw.mid(lt).startsWith(u"<?"))
            text(decodeHtmlEntities(raw.mid(lt, gt - lt + 1)));
        i = gt + 1;
    }
}

} // namespace carto::ingest
