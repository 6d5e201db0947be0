#include "pdfreader.h"

#include "documentbuilder.h"
#include "pdflayout.h"
#include "textdecoder.h"

#include <QDateTime>
#include <QFileInfo>
#include <QTimeZone>

#include <poppler-document.h>
#include <poppler-page.h>
#include <poppler-toc.h>

#include <map>
#include <memory>
#include <mutex>

namespace carto::ingest {

namespace {

void silencePoppler()
{
    // Poppler prints parse errors to stderr; damaged files are reported as Problems instead.
    static std::once_flag once;
    std::call_once(once, [] { poppler::set_debug_error_function([](const std::string &, void *) {}, nullptr); });
}

QString toQString(const poppler::ustring &s)
{
    return QString::fromUtf16(reinterpret_cast<const char16_t *>(s.data()), qsizetype(s.size()));
}

bool isBoldFont(const std::string &name)
{
    const QString n = QString::fromLatin1(name.data(), qsizetype(name.size())).toLower();
    return n.contains(u"bold") || n.contains(u"black") || n.contains(u"heavy");
}

// Groups poppler's words (in reading order) into lines: a word starts a new
// line when it leaves the current line's vertical extent or steps back left.
std::vector<PdfLine> pageLines(const poppler::page &page)
{
    std::vector<PdfLine> lines;
    PdfLine line;
    bool open = false;
    bool spaceAfter = false;
    qsizetype longestBox = 0;
    bool allBold = true;
    const auto close = [&] {
        if (!open)
            return;
        TextDecoder::clean(line.text);
        TextDecoder::normalize(line.text);
        line.text = line.text.simplified();
        line.bold = allBold;
        if (!line.text.isEmpty())
            lines.push_back(std::move(line));
        line = PdfLine{};
        open = false;
    };
    for (const poppler::text_box &box : page.text_list(poppler::page::text_list_include_font)) {
        const QString word = toQString(box.text());
        if (word.trimmed().isEmpty())
            continue;
        const poppler::rectf r = box.bbox();
        const double mid = r.y() + r.height() / 2;
        const double size = box.get_font_size();
        const bool newLine = !open || mid < line.top || mid > line.bottom || r.x() < line.right - std::max(2.0, size);
        if (newLine) {
            close();
            line.left = r.x();
            line.top = r.y();
            line.bottom = r.y() + r.height();
            line.right = r.x() + r.width();
            line.text = word;
            line.fontSize = size;
            longestBox = word.size();
            allBold = isBoldFont(box.get_font_name());
            open = true;
        } else {
            if (spaceAfter)
                line.text += u' ';
            line.text += word;
            line.right = std::max(line.right, r.x() + r.width());
            line.top = std::min(line.top, r.y());
            line.bottom = std::max(line.bottom, r.y() + r.height());
            if (word.size() > longestBox) {
                longestBox = word.size();
                line.fontSize = size;
            }
            allBold = allBold && isBoldFont(box.get_font_name());
        }
        spaceAfter = box.has_space_after();
    }
    close();
    return lines;
}

void collectOutline(const poppler::toc_item *item, int level, std::vector<PdfOutlineEntry> &out)
{
    // Hostile files can nest or repeat outlines without end; headings need only the top levels.
    constexpr size_t kMaxEntries = 5000;
    if (!item || level > 6)
        return;
    for (const poppler::toc_item *child : item->children()) {
        if (out.size() >= kMaxEntries)
            return;
        const QString title = toQString(child->title()).simplified();
        if (!title.isEmpty())
            out.push_back({title, level});
        collectOutline(child, level + 1, out);
    }
}

void readInfo(const poppler::document &pdf, Document &document)
{
    document.title = toQString(pdf.get_title()).simplified();
    const std::pair<const char *, poppler::ustring> fields[] = {
        {"author", pdf.get_author()}, {"subject", pdf.get_subject()}, {"keywords", pdf.get_keywords()}};
    for (const auto &[key, value] : fields) {
        const QString v = toQString(value).simplified();
        if (!v.isEmpty())
            document.metadata.emplace_back(QString::fromLatin1(key), v);
    }
    const time_t created = pdf.get_creation_date_t();
    if (created > 0) {
        const QDate date = QDateTime::fromSecsSinceEpoch(qint64(created), QTimeZone::utc()).date();
        document.date = {PartialDate::fromDate(date), DocumentDate::Source::PdfMetadata};
        document.metadata.emplace_back(QStringLiteral("created"), date.toString(Qt::ISODate));
    }
}

} // namespace

bool PdfReader::read(const QByteArray &bytes, Document &document, std::vector<Problem> &problems,
                     const ReadBudget &budget, const PdfReadLimits &limits)
{
    silencePoppler();
    // Poppler rebuilds damaged cross-reference tables and may then read a cut-off
    // file partly; say so, since text may be missing.
    const bool truncated = !bytes.right(1024).contains("%%EOF");
    const QString damage = truncated ? QStringLiteral(" (truncated: no %%EOF marker)") : QString();
    // poppler reads the bytes in place; they outlive the document.
    const std::unique_ptr<poppler::document> pdf(
        poppler::document::load_from_raw_data(bytes.constData(), int(std::min<qsizetype>(bytes.size(), INT_MAX))));
    if (!pdf) {
        problems.push_back({Problem::Severity::Error, document.path, QStringLiteral("unreadable PDF%1, skipped").arg(damage)});
        return false;
    }
    if (pdf->is_locked()) {
        problems.push_back({Problem::Severity::Error, document.path,
                            QStringLiteral("PDF is password-protected, skipped")});
        return false;
    }
    readInfo(*pdf, document);
    std::vector<PdfOutlineEntry> outline;
    if (const std::unique_ptr<poppler::toc> toc(pdf->create_toc()); toc)
        collectOutline(toc->root(), 1, outline);

    const int pages = pdf->pages();
    const int readable = std::min(pages, std::max(0, limits.maxPages));
    std::vector<PdfPage> layout;
    qsizetype chars = 0;
    for (int i = 0; i < readable; ++i) {
        // Between pages: one page of a hostile file can cost seconds, and Cancel must not wait for 3,000 of them.
        if (budget.exhausted()) {
            problems.push_back({Problem::Severity::Error, document.path,
                                QStringLiteral("%1 (stopped at page %2 of %3), skipped").arg(budget.reason()).arg(i + 1).arg(pages)});
            return false;
        }
        const std::unique_ptr<poppler::page> page(pdf->create_page(i));
        if (!page)
            continue;
        PdfPage p;
        const poppler::rectf box = page->page_rect(poppler::media_box);
        p.width = box.width();
        p.height = box.height();
        p.lines = pageLines(*page);
        for (const PdfLine &l : p.lines)
            chars += l.text.size() + 1;
        if (chars > limits.maxTextChars) {
            problems.push_back({Problem::Severity::Error, document.path,
                                QStringLiteral("PDF text is longer than %1 million characters (at page %2 of %3), skipped")
                                    .arg(double(limits.maxTextChars) / 1e6, 0, 'g', 3)
                                    .arg(i + 1)
                                    .arg(pages)});
            return false;
        }
        layout.push_back(std::move(p));
    }
    if (readable < pages) {
        problems.push_back({Problem::Severity::Warning, document.path,
                            QStringLiteral("PDF has %1 pages; only the first %2 were read").arg(pages).arg(readable)});
    }
    DocumentBuilder builder(document);
    PdfLayout::build(std::move(layout), outline, builder);
    builder.finish(QFileInfo(document.path).completeBaseName());
    if (document.blocks.empty()) {
        problems.push_back({Problem::Severity::Error, document.path,
                            pages == 0 ? QStringLiteral("unreadable PDF%1: no pages, skipped").arg(damage)
                                       : QStringLiteral("PDF has no text layer (scanned?)%1, skipped").arg(damage)});
        return false;
    }
    if (truncated) {
        problems.push_back({Problem::Severity::Warning, document.path,
                            QStringLiteral("PDF looks truncated (no %%EOF marker); text may be incomplete")});
    }
    return true;
}

} // namespace carto::ingest
