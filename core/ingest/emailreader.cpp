#include "emailreader.h"

#include "documentbuilder.h"
#include "documentdates.h"
#include "formatdetector.h"
#include "htmlreader.h"
#include "plaintextreader.h"
#include "textdecoder.h"

#include <QFileInfo>
#include <QRegularExpression>

#include <gmime/gmime.h>

#include <mutex>

namespace carto::ingest {

namespace {

void initGMime()
{
    static std::once_flag once;
    std::call_once(once, [] { g_mime_init(); });
}

// Owns one GObject reference.
template <typename T>
class GRef final
{
public:
    explicit GRef(T *p)
        : m_p(p)
    {
    }
    ~GRef()
    {
        if (m_p)
            g_object_unref(m_p);
    }
    GRef(const GRef &) = delete;
    GRef &operator=(const GRef &) = delete;
    [[nodiscard]] T *get() const { return m_p; }

private:
    T *m_p;
};

QString addresses(InternetAddressList *list)
{
    if (!list || internet_address_list_length(list) == 0)
        return {};
    char *s = internet_address_list_to_string(list, nullptr, FALSE);
    const QString out = QString::fromUtf8(s).simplified();
    g_free(s);
    return out;
}

// The part's content with its transfer encoding (base64, quoted-printable) undone.
QByteArray partBytes(GMimePart *part)
{
    GMimeDataWrapper *content = g_mime_part_get_content(part);
    if (!content)
        return {};
    const GRef<GMimeStream> mem(g_mime_stream_mem_new());
    g_mime_data_wrapper_write_to_stream(content, mem.get());
    const GByteArray *array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(mem.get()));
    return array ? QByteArray(reinterpret_cast<const char *>(array->data), qsizetype(array->len)) : QByteArray();
}

QString mimeType(GMimeContentType *type)
{
    char *s = g_mime_content_type_get_mime_type(type);
    const QString out = QString::fromUtf8(s);
    g_free(s);
    return out;
}

class MessageReader final
{
public:
    MessageReader(Document &doc, std::vector<Problem> &problems, const ReadBudget &budget)
        : m_doc(doc)
        , m_problems(problems)
        , m_budget(budget)
    {
    }

    void object(GMimeObject *o, int depth)
    {
        if (!o || depth > 32)
            return; // nesting that deep is hostile, not mail
        if (GMIME_IS_MULTIPART(o)) {
            multipart(GMIME_MULTIPART(o), depth);
        } else if (GMIME_IS_MESSAGE_PART(o)) {
            // A forwarded message: its text is part of this one.
            if (GMimeMessage *inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(o)))
                object(g_mime_message_get_mime_part(inner), depth + 1);
        } else if (GMIME_IS_PART(o)) {
            part(GMIME_PART(o));
        }
    }

    [[nodiscard]] int textParts() const { return m_textParts; }
    [[nodiscard]] std::vector<SetAside> &attachments() { return m_attachments; }

private:
    void multipart(GMimeMultipart *mp, int depth)
    {
        const int n = g_mime_multipart_get_count(mp);
        GMimeContentType *type = g_mime_object_get_content_type(GMIME_OBJECT(mp));
        if (!g_mime_content_type_is_type(type, "multipart", "alternative")) {
            for (int i = 0; i < n; ++i)
                object(g_mime_multipart_get_part(mp, i), depth + 1);
            return;
        }
        // The same text twice: read the plain version, else the HTML one, else the richest.
        GMimeObject *best = nullptr;
        for (int i = 0; i < n; ++i) {
            GMimeObject *child = g_mime_multipart_get_part(mp, i);
            GMimeContentType *t = g_mime_object_get_content_type(child);
            if (g_mime_content_type_is_type(t, "text", "plain")) {
                best = child;
                break;
            }
            if (!best && g_mime_content_type_is_type(t, "text", "html"))
                best = child;
        }
        if (!best && n > 0)
            best = g_mime_multipart_get_part(mp, n - 1);
        object(best, depth + 1);
    }

    void part(GMimePart *p)
    {
        GMimeObject *o = GMIME_OBJECT(p);
        GMimeContentType *type = g_mime_object_get_content_type(o);
        const bool plain = g_mime_content_type_is_type(type, "text", "plain");
        const bool html = g_mime_content_type_is_type(type, "text", "html");
        if (g_mime_part_is_attachment(p) || (!plain && !html)) {
            const char *name = g_mime_part_get_filename(p);
            const QString label = QStringLiteral("%1 (%2)").arg(name ? QString::fromUtf8(name) : QStringLiteral("unnamed"),
                                                               mimeType(type));
            m_attachments.push_back({SetAside::Kind::Attachment, {}, label});
            return;
        }
        const char *charset = g_mime_object_get_content_type_parameter(o, "charset");
        DecodedText decoded = TextDecoder::decode(partBytes(p), charset ? QByteArrayView(charset) : QByteArrayView());
        if (!decoded.warning.isEmpty())
            m_problems.push_back({Problem::Severity::Warning, m_doc.path, QStringLiteral("mail part: ") + decoded.warning});
        if (decoded.text.trimmed().isEmpty())
            return;
        ++m_textParts;
        if (html) {
            Document page;
            page.path = m_doc.path;
            if (HtmlReader::read(decoded.text, page, m_problems, m_budget))
                DocumentBuilder::appendDocument(m_doc, page);
            return;
        }
        const char *format = g_mime_object_get_content_type_parameter(o, "format");
        PlainTextReader::Options options;
        options.email = true;
        options.flowed = format && g_ascii_strcasecmp(format, "flowed") == 0;
        PlainTextReader::append(decoded.text, m_doc, options);
    }

    Document &m_doc;
    std::vector<Problem> &m_problems;
    const ReadBudget &m_budget;
    int m_textParts = 0;
    std::vector<SetAside> m_attachments;
};

PartialDate messageDate(GMimeMessage *message)
{
    if (GDateTime *dt = g_mime_message_get_date(message))
        return PartialDate::fromDate(QDate(g_date_time_get_year(dt), g_date_time_get_month(dt), g_date_time_get_day_of_month(dt)));
    // GMime gives no date before 1970; archives of old letters have them.
    const char *raw = g_mime_object_get_header(GMIME_OBJECT(message), "Date");
    return raw ? DocumentDates::parse(QString::fromUtf8(raw)) : PartialDate();
}

// "Re: ", "Fwd: ", "AW: ", "SV: " (and "Re[2]: ") before a subject say the
// message replies to or forwards another; they are no words of its subject.
qsizetype replyPrefixLength(const QString &subject)
{
    static const QRegularExpression prefix(QStringLiteral("^(?:(?:re|fwd?|aw|sv|vs|antw|wg|tr)(?:\\[\\d+\\])?\\s*:\\s*)+"),
                                           QRegularExpression::CaseInsensitiveOption);
    const QRegularExpressionMatch m = prefix.match(subject);
    return m.hasMatch() ? m.capturedLength() : 0;
}

void addHeading(Document &doc, const QString &text)
{
    if (!doc.text.isEmpty())
        doc.text += QStringLiteral("\n\n");
    // The prefix stays in the text for the reader, outside the heading that extraction reads.
    const qsizetype prefix = replyPrefixLength(text);
    doc.text += QStringView(text).first(prefix);
    Block heading;
    heading.kind = Block::Kind::Heading;
    heading.level = 1;
    heading.range.start = doc.text.size();
    doc.text += QStringView(text).sliced(prefix);
    heading.range.end = doc.text.size();
    if (!heading.range.isEmpty())
        doc.blocks.push_back(heading);
}

} // namespace

bool EmailReader::read(const QByteArray &bytes, Document &document, std::vector<Problem> &problems,
                       const ReadBudget &budget)
{
    initGMime();
    const bool mbox = FormatDetector::looksLikeMbox(bytes);
    const GRef<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(bytes.constData(), size_t(bytes.size())));
    const GRef<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
    g_mime_parser_set_format(parser.get(), mbox ? GMIME_FORMAT_MBOX : GMIME_FORMAT_MESSAGE);
    MessageReader reader(document, problems, budget);
    int messages = 0;
    PartialDate first;
    QString firstSubject;
    while (!g_mime_parser_eos(parser.get())) {
        if (budget.exhausted()) {
            problems.push_back({Problem::Severity::Error, document.path,
                                QStringLiteral("%1 (stopped at message %2), skipped").arg(budget.reason()).arg(messages + 1)});
            return false;
        }
        const GRef<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), nullptr));
        if (!message.get())
            break;
        ++messages;
        const QString subject = QString::fromUtf8(g_mime_message_get_subject(message.get())).simplified();
        if (messages == 1)
            firstSubject = subject;
        if (mbox)
            addHeading(document, subject.isEmpty() ? QStringLiteral("(no subject)") : subject);
        const PartialDate date = messageDate(message.get());
        if (date.isValid() && (!first.isValid() || date < first))
            first = date;
        if (!mbox || messages == 1) {
            const std::pair<const char *, QString> headers[] = {
                {"from", addresses(g_mime_message_get_from(message.get()))},
                {"to", addresses(g_mime_message_get_to(message.get()))},
                {"cc", addresses(g_mime_message_get_cc(message.get()))},
                {"date", date.toIsoString()}};
            for (const auto &[key, value] : headers) {
                if (!value.isEmpty())
                    document.metadata.emplace_back(QString::fromLatin1(key), value);
            }
        }
        reader.object(g_mime_message_get_mime_part(message.get()), 0);
    }
    if (messages == 0) {
        problems.push_back({Problem::Severity::Error, document.path, QStringLiteral("no mail message could be read, skipped")});
        return false;
    }
    if (mbox)
        document.metadata.emplace_back(QStringLiteral("messages"), QString::number(messages));
    if (first.isValid())
        document.date = {first, DocumentDate::Source::EmailHeader};
    document.title = mbox && messages > 1 ? QFileInfo(document.path).completeBaseName() : firstSubject;
    for (SetAside &a : reader.attachments())
        document.setAside.push_back(std::move(a));
    DocumentBuilder::finalize(document, QFileInfo(document.path).completeBaseName());
    if (reader.textParts() == 0 || document.blocks.empty()) {
        problems.push_back({Problem::Severity::Error, document.path, QStringLiteral("mail has no readable text, skipped")});
        return false;
    }
    return true;
}

} // namespace carto::ingest
