#include "pdfreader.h"

#include "documentbuilder.h"
#include "textdecoder.h"

#include <QFileInfo>
#include <QRectF>

#include <poppler/qt6/poppler-qt6.h>

#include <mutex>

namespace carto::ingest {

namespace {

void silencePoppler()
{
    // Poppler prints parse errors to stderr; damaged files are reported as Problems instead.
    static std::once_flag once;
    std::call_once(once, [] { Poppler::setDebugErrorFunction([](const QString &, const QVariant &) {}, QVariant()); });
}

void addPageText(const QString &pageText, DocumentBuilder &builder)
{
    const QStringList lines = pageText.split(u'\n');
    qsizetype longest = 0;
    for (const QString &line : lines)
        longest = std::max(longest, line.trimmed().size());
    builder.setBlockKind(Block::Kind::Paragraph);
    bool joinHyphen = false;
    for (const QString &raw : lines) {
        const QString line = raw.trimmed();
        if (line.isEmpty()) {
            builder.closeBlock();
            continue;
        }
        if (!joinHyphen)
            builder.appendText(u" ");
        QStringView text = line;
        joinHyphen = text.size() > 1 && text.endsWith(u'-') && text[text.size() - 2].isLower();
        if (joinHyphen)
            text.chop(1);
        builder.appendText(text);
        const QChar last = line.back();
        const bool endsSentence = last == u'.' || last == u'!' || last == u'?' || last == u':';
        if (endsSentence && line.size() * 4 < longest * 3)
            builder.closeBlock();
    }
    builder.closeBlock();
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
    std::unique_ptr<Poppler::Document> pdf = Poppler::Document::loadFromData(bytes);
    if (!pdf) {
        problems.push_back({Problem::Severity::Error, document.path, QStringLiteral("unreadable PDF%1, skipped").arg(damage)});
        return false;
    }
    if (pdf->isLocked()) {
        problems.push_back({Problem::Severity::Error, document.path,
                            QStringLiteral("PDF is password-protected, skipped")});
        return false;
    }
    document.title = pdf->info(QStringLiteral("Title")).simplified();
    for (const QString &key : {QStringLiteral("Author"), QStringLiteral("Subject"), QStringLiteral("Keywords")}) {
        const QString value = pdf->info(key).simplified();
        if (!value.isEmpty())
            document.metadata.emplace_back(key.toLower(), value);
    }
    DocumentBuilder builder(document);
    const int pages = pdf->numPages();
    const int readable = std::min(pages, std::max(0, limits.maxPages));
    for (int i = 0; i < readable; ++i) {
        // Between pages: one page of a hostile file can cost seconds, and Cancel must not wait for 3,000 of them.
        if (budget.exhausted()) {
            problems.push_back({Problem::Severity::Error, document.path,
                                QStringLiteral("%1 (stopped at page %2 of %3), skipped").arg(budget.reason()).arg(i + 1).arg(pages)});
            return false;
        }
        std::unique_ptr<Poppler::Page> page = pdf->page(i);
        if (!page)
            continue;
        QString text = page->text(QRectF());
        TextDecoder::clean(text);
        addPageText(text, builder);
        if (builder.length() > limits.maxTextChars) {
            problems.push_back({Problem::Severity::Error, document.path,
                                QStringLiteral("PDF text is longer than %1 million characters (at page %2 of %3), skipped")
                                    .arg(double(limits.maxTextChars) / 1e6, 0, 'g', 3)
                                    .arg(i + 1)
                                    .arg(pages)});
            return false;
        }
    }
    if (readable < pages) {
        problems.push_back({Problem::Severity::Warning, document.path,
                            QStringLiteral("PDF has %1 pages; only the first %2 were read").arg(pages).arg(readable)});
    }
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
