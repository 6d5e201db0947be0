#include "corpusreader.h"

#include "backmatter.h"
#include "documentdates.h"
#include "emailreader.h"
#include "folderscanner.h"
#include "formatdetector.h"
#include "htmlreader.h"
#include "markdownreader.h"
#include "pdfreader.h"
#include "plaintextreader.h"
#include "textdecoder.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <atomic>
#include <exception>
#include <thread>

namespace carto::ingest {

namespace {

QString megabytes(qint64 bytes)
{
    return QString::number(double(bytes) / (1024.0 * 1024.0), 'f', 1);
}

// What every reader's document gets once its text and blocks are known.
Document finished(Document doc, bool readSetAside)
{
    // The text is NFC already (TextDecoder, DocumentBuilder, PdfReader); titles
    // and metadata come from headers, entities and PDF info strings as well.
    doc.title = doc.title.normalized(QString::NormalizationForm_C);
    for (auto &[key, value] : doc.metadata)
        value = value.normalized(QString::NormalizationForm_C);
    BackMatter::find(doc);
    if (!readSetAside)
        BackMatter::apply(doc);
    DocumentDates::assign(doc);
    return doc;
}

} // namespace

CorpusReader::CorpusReader(Options options)
    : m_options(options)
{
}

CorpusReader::CorpusReader()
    : CorpusReader(Options{})
{
}

std::optional<Document> CorpusReader::readFile(const QString &absolutePath, const QString &relativePath,
                                               std::vector<Problem> &problems, const CancelToken *cancel) const
{
    const auto fail = [&](const QString &message) -> std::optional<Document> {
        problems.push_back({Problem::Severity::Error, relativePath, message});
        return std::nullopt;
    };
    try {
        const QFileInfo info(absolutePath);
        if (!info.exists())
            return fail(QStringLiteral("file not found"));
        if (!info.isFile())
            return fail(QStringLiteral("not a regular file, skipped"));
        if (info.size() > m_options.maxFileBytes) {
            return fail(QStringLiteral("file too large (%1 MB, limit %2 MB), skipped")
                            .arg(megabytes(info.size()), megabytes(m_options.maxFileBytes)));
        }
        if (info.size() == 0)
            return fail(QStringLiteral("empty file, skipped"));
        QFile file(absolutePath);
        if (!file.open(QIODevice::ReadOnly))
            return fail(QStringLiteral("cannot open: %1").arg(file.errorString()));
        // Read at most one byte past the limit: the file may have grown since the check.
        const QByteArray bytes = file.read(m_options.maxFileBytes + 1);
        if (bytes.size() > m_options.maxFileBytes)
            return fail(QStringLiteral("file too large (over %1 MB), skipped").arg(megabytes(m_options.maxFileBytes)));
        if (bytes.isEmpty())
            return fail(file.error() == QFileDevice::NoError ? QStringLiteral("empty file, skipped")
                                                             : QStringLiteral("cannot read: %1").arg(file.errorString()));
        return readBytes(bytes, info.absoluteFilePath(), relativePath, problems, cancel);
    } catch (const std::exception &e) {
        return fail(QStringLiteral("internal error while reading: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        return fail(QStringLiteral("internal error while reading"));
    }
}

std::optional<Document> CorpusReader::readBytes(const QByteArray &bytes, const QString &absolutePath,
                                                const QString &relativePath, std::vector<Problem> &problems,
                                                const CancelToken *cancel) const
{
    const ReadBudget budget(m_options.maxFileTime, cancel);
    const auto fail = [&](const QString &message) -> std::optional<Document> {
        problems.push_back({Problem::Severity::Error, relativePath, message});
        return std::nullopt;
    };
    try {
        const QFileInfo info(absolutePath);
        if (bytes.size() > m_options.maxFileBytes)
            return fail(QStringLiteral("file too large (over %1 MB), skipped").arg(megabytes(m_options.maxFileBytes)));
        if (bytes.isEmpty())
            return fail(QStringLiteral("empty file, skipped"));
        Document doc;
        doc.path = relativePath;
        doc.absolutePath = info.absoluteFilePath();

        const std::optional<DocumentFormat> format = FormatDetector::detect(info.fileName(), bytes);
        if (!format)
            return fail(QStringLiteral("binary file, skipped"));
        doc.format = *format;

        if (doc.format == DocumentFormat::Pdf) {
            PdfReadLimits limits;
            limits.maxPages = m_options.maxPdfPages;
            limits.maxTextChars = m_options.maxFileBytes;
            if (!PdfReader::read(bytes, doc, problems, budget, limits))
                return std::nullopt;
            return finished(std::move(doc), m_options.readSetAside);
        }
        if (doc.format == DocumentFormat::Email) {
            if (!EmailReader::read(bytes, doc, problems, budget))
                return std::nullopt;
            return finished(std::move(doc), m_options.readSetAside);
        }

        const QByteArray declared = doc.format == DocumentFormat::Html ? TextDecoder::declaredHtmlCharset(bytes) : QByteArray();
        DecodedText decoded = TextDecoder::decode(bytes, declared);
        if (!decoded.warning.isEmpty())
            problems.push_back({Problem::Severity::Warning, relativePath, decoded.warning});
        doc.encoding = decoded.encoding;
        doc.mojibakeRepaired = decoded.mojibakeRepaired;
        if (decoded.text.trimmed().isEmpty())
            return fail(QStringLiteral("no text (only white space), skipped"));

        if (doc.format == DocumentFormat::PlainText && FormatDetector::looksLikeMarkdown(decoded.text))
            doc.format = DocumentFormat::Markdown;

        switch (doc.format) {
        case DocumentFormat::Markdown:
            if (!MarkdownReader::read(decoded.text, doc, problems, budget))
                return std::nullopt;
            break;
        case DocumentFormat::Html:
            if (!HtmlReader::read(decoded.text, doc, problems, budget))
                return std::nullopt;
            break;
        case DocumentFormat::PlainText:
        case DocumentFormat::Pdf:
        case DocumentFormat::Email:
            PlainTextReader::read(std::move(decoded.text), doc);
            break;
        }
        if (doc.blocks.empty())
            return fail(QStringLiteral("no readable text, skipped"));
        return finished(std::move(doc), m_options.readSetAside);
    } catch (const std::exception &e) {
        return fail(QStringLiteral("internal error while reading: %1").arg(QString::fromLocal8Bit(e.what())));
    } catch (...) {
        return fail(QStringLiteral("internal error while reading"));
    }
}

std::optional<Corpus> CorpusReader::read(const QString &root, QString *error, ProgressSink *progress,
                                         const CancelToken *cancel) const
{
    const auto failWith = [&](const QString &message) -> std::optional<Corpus> {
        if (error)
            *error = message;
        return std::nullopt;
    };
    const QFileInfo rootInfo(root);
    if (root.isEmpty() || !rootInfo.exists())
        return failWith(QStringLiteral("folder not found: %1").arg(root));
    if (!rootInfo.isDir())
        return failWith(QStringLiteral("not a folder: %1").arg(root));
    if (!rootInfo.isReadable() || !rootInfo.isExecutable())
        return failWith(QStringLiteral("folder is not readable: %1").arg(root));

    FolderScanner::Limits limits;
    limits.maxDepth = m_options.maxFolderDepth;
    limits.maxFiles = m_options.maxFiles;
    FolderScanner::Result scanned = FolderScanner::scan(rootInfo.absoluteFilePath(), limits, cancel);
    if (cancel && cancel->isCancelled())
        return failWith(QStringLiteral("reading cancelled"));
    const QDir rootDir(rootInfo.absoluteFilePath());
    const qsizetype total = scanned.relativePaths.size();
    if (progress)
        progress->report(QStringLiteral("Reading"), 0, total);

    struct Slot
    {
        std::optional<Document> document;
        std::vector<Problem> problems;
    };
    std::vector<Slot> fileSlots(static_cast<size_t>(total));
    std::atomic<qsizetype> nextIndex{0};
    std::atomic<qsizetype> done{0};
    const auto work = [&] {
        for (;;) {
            if (cancel && cancel->isCancelled())
                return;
            const qsizetype i = nextIndex.fetch_add(1);
            if (i >= total)
                return;
            const QString &relative = scanned.relativePaths[i];
            Slot &slot = fileSlots[size_t(i)];
            slot.document = readFile(rootDir.absoluteFilePath(relative), relative, slot.problems, cancel);
            const qsizetype finished = done.fetch_add(1) + 1;
            if (progress)
                progress->report(QStringLiteral("Reading"), finished, total);
        }
    };
    int threads = m_options.threads > 0 ? m_options.threads : int(std::thread::hardware_concurrency());
    threads = int(std::clamp<qsizetype>(threads, 1, std::max<qsizetype>(1, total)));
    {
        std::vector<std::jthread> workers;
        for (int t = 1; t < threads; ++t)
            workers.emplace_back(work);
        work();
    }
    if (cancel && cancel->isCancelled())
        return failWith(QStringLiteral("reading cancelled"));

    Corpus corpus;
    corpus.root = rootInfo.absoluteFilePath();
    corpus.problems = std::move(scanned.problems);
    for (Slot &slot : fileSlots) {
        for (Problem &p : slot.problems)
            corpus.problems.push_back(std::move(p));
        if (slot.document) {
            slot.document->id = DocumentId(int(corpus.documents.size()));
            corpus.documents.push_back(std::move(*slot.document));
        }
    }
    if (corpus.documents.empty()) {
        if (total == 0)
            return failWith(QStringLiteral("no documents in %1").arg(root));
        return failWith(QStringLiteral("no readable documents in %1 (%2 files skipped; first: %3: %4)")
                            .arg(root)
                            .arg(total)
                            .arg(corpus.problems.empty() ? QString() : corpus.problems.front().path,
                                 corpus.problems.empty() ? QString() : corpus.problems.front().message));
    }
    return corpus;
}

} // namespace carto::ingest
