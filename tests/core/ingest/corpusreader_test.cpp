#include "ingest/corpusreader.h"
#include "support/hostileinputs.h"

#include <QDir>
#include <QFile>
#include <QMutex>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <chrono>
#include <cstdio>
#include <thread>

#include <sys/stat.h>
#include <unistd.h>

using namespace carto;
using namespace carto::ingest;

namespace {

bool writeFile(const QString &path, const QByteArray &bytes)
{
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size();
}

const Problem *problemFor(const Corpus &corpus, const QString &path)
{
    for (const Problem &p : corpus.problems) {
        if (p.path == path)
            return &p;
    }
    return nullptr;
}

const Document *documentAt(const Corpus &corpus, const QString &path)
{
    for (const Document &d : corpus.documents) {
        if (d.path == path)
            return &d;
    }
    return nullptr;
}

QByteArray tinyPdfTruncated()
{
    return QByteArray("%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n2 0 obj\n<< /Type /Pa");
}

// Every structural range of a document must slice its text sensibly.
QString checkSpans(const Document &doc)
{
    const qsizetype n = doc.text.size();
    for (const QChar c : doc.text) {
        if ((c.unicode() < 0x20 && c != u'\n' && c != u'\t') || c == u'\r')
            return QStringLiteral("control character in text");
    }
    qsizetype previous = 0;
    for (const Block &b : doc.blocks) {
        if (b.range.isEmpty() || b.range.start < previous || b.range.end > n)
            return QStringLiteral("bad block range");
        previous = b.range.end;
    }
    previous = 0;
    size_t block = 0;
    for (const TextRange &s : doc.sentences) {
        if (s.isEmpty() || s.start < previous || s.end > n)
            return QStringLiteral("bad sentence range %1-%2").arg(s.start).arg(s.end);
        const QStringView slice = s.slice(doc.text);
        if (slice.front().isSpace() || slice.back().isSpace())
            return QStringLiteral("untrimmed sentence: %1").arg(slice);
        while (block < doc.blocks.size() && doc.blocks[block].range.end < s.end)
            ++block;
        if (block == doc.blocks.size() || !doc.blocks[block].range.contains(s))
            return QStringLiteral("sentence outside blocks: %1").arg(slice);
        previous = s.end;
    }
    for (const WikiLink &w : doc.wikiLinks) {
        if (w.range.isEmpty() || w.range.end > n || w.target.isEmpty())
            return QStringLiteral("bad wiki link");
    }
    for (const Link &l : doc.links) {
        if (l.range.isEmpty() || l.range.end > n)
            return QStringLiteral("bad link");
    }
    for (const Timestamp &t : doc.timestamps) {
        if (std::find(doc.sentences.begin(), doc.sentences.end(), t.passage) == doc.sentences.end())
            return QStringLiteral("timestamp passage is not a sentence");
    }
    for (const Section &s : doc.sections) {
        if (!s.range.contains(s.heading) || s.range.end > n || s.heading.slice(doc.text).toString().simplified() != s.title)
            return QStringLiteral("bad section %1").arg(s.title);
    }
    // Set-aside parts are in order and in the text; no sentence that extraction reads lies inside one.
    previous = 0;
    for (const SetAside &a : doc.setAside) {
        if (a.kind == SetAside::Kind::Attachment) {
            if (!a.range.isEmpty() || a.label.isEmpty())
                return QStringLiteral("attachment with a range or no name");
            continue;
        }
        if (a.range.isEmpty() || a.range.start < previous || a.range.end > n)
            return QStringLiteral("bad set-aside range %1-%2").arg(a.range.start).arg(a.range.end);
        previous = a.range.end;
        for (const TextRange &s : doc.sentences) {
            if (a.range.contains(s))
                return QStringLiteral("sentence inside set-aside %1: %2").arg(setAsideKindName(a.kind), s.slice(doc.text));
        }
    }
    return {};
}

class RecordingProgress final : public ProgressSink
{
public:
    void report(const QString &stage, qint64 done, qint64 total) override
    {
        QMutexLocker lock(&m_mutex);
        stages << stage;
        maxDone = std::max(maxDone, done);
        lastTotal = total;
    }
    QStringList stages;
    qint64 maxDone = 0;
    qint64 lastTotal = -1;

private:
    QMutex m_mutex;
};

} // namespace

class CorpusReaderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_seeds_readsAllWithTitlesAndMarkdownSeedSniffed()
    {
        const QString seeds = QStringLiteral(CARTO_SHARED_DIR "/seeds");
        QVERIFY2(QDir(seeds).exists(), "shared seeds missing");
        QString error;
        const auto corpus = CorpusReader().read(seeds, &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->documents.size(), size_t(5));
        QVERIFY(corpus->problems.empty());
        for (size_t i = 0; i < corpus->documents.size(); ++i) {
            QCOMPARE(corpus->documents[i].id, DocumentId(int(i)));
            QVERIFY(!corpus->documents[i].title.isEmpty());
            if (i > 0)
                QVERIFY(corpus->documents[i - 1].path < corpus->documents[i].path);
        }
        const Document &md = corpus->documents[0];
        QVERIFY(md.path.startsWith(u"000_"));
        QCOMPARE(md.format, DocumentFormat::Markdown);
        QCOMPARE(md.title, QStringLiteral("Differences in innovation cultures between China and Silicon Valley"));
        QVERIFY(!md.metadataValue(QStringLiteral("videoId")).isEmpty());
        QVERIFY(!md.text.startsWith(u"---"));
        QVERIFY(!md.text.contains(u'<'));
        for (size_t i = 1; i < corpus->documents.size(); ++i)
            QCOMPARE(corpus->documents[i].format, DocumentFormat::PlainText);
    }

    void read_seed000_repairsMojibakeAndKeepsEightTimestamps()
    {
        const QString seeds = QStringLiteral(CARTO_SHARED_DIR "/seeds");
        QVERIFY2(QDir(seeds).exists(), "shared seeds missing");
        const auto corpus = CorpusReader().read(seeds, nullptr);
        QVERIFY(corpus);
        const Document &md = corpus->documents[0];
        QVERIFY(md.mojibakeRepaired);
        QVERIFY(md.text.contains(u"each others’ territories"));
        QVERIFY(!md.text.contains(u"â€"));
        QCOMPARE(md.timestamps.size(), size_t(8));
        QVERIFY(!md.text.contains(u"[00:"));
        for (const Timestamp &t : md.timestamps) {
            const QStringView passage = t.passage.slice(md.text);
            QVERIFY2(passage.endsWith(u'.'), qPrintable(passage.toString()));
            QVERIFY(t.seconds > 0);
            QCOMPARE(t.label.size(), 8);
        }
        QCOMPARE(md.timestamps[0].seconds, 2 * 60 + 54);
        QVERIFY(md.timestamps[0].passage.slice(md.text).endsWith(u"favoring execution-oriented results instead."));
        QVERIFY(!md.text.contains(u"[!info]"));
        QVERIFY(md.text.contains(u"Comparative Insights"));
        // Clean seeds with curly quotes are not "repaired".
        for (size_t i = 1; i < corpus->documents.size(); ++i)
            QVERIFY(!corpus->documents[i].mojibakeRepaired);
    }

    void read_sharedCorpora_everySpanSlicesCorrectly_data()
    {
        QTest::addColumn<QString>("folder");
        QTest::newRow("seeds") << QStringLiteral(CARTO_SHARED_DIR "/seeds");
        QTest::newRow("sotu") << QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu");
        QTest::newRow("fixtures") << QStringLiteral(CARTO_TEST_DATA_DIR "/ingest");
    }

    void read_sharedCorpora_everySpanSlicesCorrectly()
    {
        QFETCH(QString, folder);
        QVERIFY2(QDir(folder).exists(), qPrintable(QStringLiteral("corpus missing: ") + folder));
        QString error;
        const auto corpus = CorpusReader().read(folder, &error);
        QVERIFY2(corpus, qPrintable(error));
        for (const Document &doc : corpus->documents) {
            const QString failure = checkSpans(doc);
            QVERIFY2(failure.isEmpty(), qPrintable(doc.path + QStringLiteral(": ") + failure));
            QVERIFY(!doc.sentences.empty());
        }
    }

    void read_sotu_runOnAddressesSplitIntoSentencesAndControlCharStripped()
    {
        const QString sotu = QStringLiteral(CARTO_SHARED_DIR "/corpora/sotu");
        QVERIFY2(QDir(sotu).exists(), "sotu corpus missing");
        const auto corpus = CorpusReader().read(sotu, nullptr);
        QVERIFY(corpus);
        QCOMPARE(corpus->documents.size(), size_t(233));
        QVERIFY(corpus->problems.empty());
        for (const Document &doc : corpus->documents) {
            // One line each, but many sentences of reasonable length.
            QVERIFY2(doc.sentences.size() * 600 > size_t(doc.text.size()), qPrintable(doc.path));
            QCOMPARE(doc.title, QFileInfo(doc.path).completeBaseName());
        }
    }

    void read_folder_skipsHiddenAndCurationFilesAndSortsPaths()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("b.txt")), "Second file.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a/z.md")), "# Z\n\nNested file.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".hidden.txt")), "Hidden.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral(".git/config.txt")), "Hidden folder.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("cartograph.yaml")), "schema_version: 1\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("notes.cartograph.yaml")), "schema_version: 1\n"));
        QString error;
        const auto corpus = CorpusReader().read(dir.path(), &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->documents.size(), size_t(2));
        QCOMPARE(corpus->documents[0].path, QStringLiteral("a/z.md"));
        QCOMPARE(corpus->documents[0].id, DocumentId(0));
        QCOMPARE(corpus->documents[1].path, QStringLiteral("b.txt"));
        QCOMPARE(corpus->documents[1].id, DocumentId(1));
        QCOMPARE(corpus->documents[1].title, QStringLiteral("b"));
        QVERIFY(corpus->problems.empty());
    }

    void read_projectSavedInsideCorpus_itsBackupsLocksAndRecoveryFilesSkipped()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("note.txt")), "The only document.\n"));
        for (const char *name : {"map.cartograph.yaml", "map.cartograph.yaml~", ".map.cartograph.yaml.lock",
                                 ".map.cartograph.yaml.recovery", ".map.cartograph.yaml.2.recovery",
                                 "untitled-0123456789abcdef.cartograph.yaml.recovery", "map.cartograph.yaml.Xy12Ab",
                                 "cartograph.yaml~"})
            QVERIFY(writeFile(dir.filePath(QString::fromLatin1(name)), "schema_version: 1\n"));
        QString error;
        const auto corpus = CorpusReader().read(dir.path(), &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->documents.size(), size_t(1));
        QCOMPARE(corpus->documents[0].path, QStringLiteral("note.txt"));
        QVERIFY(corpus->problems.empty());
    }

    void read_everyFormat_textTitlesAndMetadataAreNfc()
    {
        // "Zoe" + U+0308 COMBINING DIAERESIS, spelt the way each format can spell it.
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("plain.txt")), "Zoe\xCC\x88 wove in Lyon.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("note.md")),
                          "---\ntitle: \"Zoe\xCC\x88\"\n---\n# Notes\n\nZoe&#x308; wove in Lyon.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("page.html")),
                          "<html><head><title>Zoe&#776;</title></head><body><p>Zoe&#776; wove in Lyon.</p>"
                          "<pre>Zoe&#776; in code</pre></body></html>"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("mail.eml")),
                          "From: Zoe =?utf-8?q?Zoe=CC=88?= <z@example.org>\nSubject: =?utf-8?q?Zoe=CC=88?=\n"
                          "Date: Tue, 4 Apr 2023 09:15:00 +0200\nMIME-Version: 1.0\n"
                          "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\n"
                          "Zoe=CC=88 wove in Lyon.\n"));
        QString error;
        const auto corpus = CorpusReader().read(dir.path(), &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->documents.size(), size_t(4));
        const QString composed = QStringLiteral("Zo\u00EB");
        for (const Document &doc : corpus->documents) {
            QVERIFY2(doc.text.contains(composed + QStringLiteral(" wove in Lyon.")), qPrintable(doc.path + QStringLiteral(": ") + doc.text));
            QVERIFY2(!doc.text.contains(QChar(0x308)), qPrintable(doc.path));
            QVERIFY2(!doc.title.contains(QChar(0x308)), qPrintable(doc.path + QStringLiteral(": ") + doc.title));
            for (const auto &[key, value] : doc.metadata)
                QVERIFY2(!value.contains(QChar(0x308)), qPrintable(doc.path + QStringLiteral(": ") + key));
            const QString bad = checkSpans(doc);
            QVERIFY2(bad.isEmpty(), qPrintable(doc.path + QStringLiteral(": ") + bad));
        }
        QCOMPARE(documentAt(*corpus, QStringLiteral("page.html"))->title, composed);
        QCOMPARE(documentAt(*corpus, QStringLiteral("mail.eml"))->title, composed);
        QCOMPARE(documentAt(*corpus, QStringLiteral("note.md"))->title, composed);
        QVERIFY(documentAt(*corpus, QStringLiteral("page.html"))->text.contains(composed + QStringLiteral(" in code")));
    }

    void read_badInputs_eachReportedAndTheRestStillReads()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("good.txt")), "A good title\nThe body is fine. It has two sentences.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("image.dat")), QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("invalid.txt")), "Broken bytes \xC3\x28 and \xFF here, yet readable text.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("empty.txt")), QByteArray()));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("broken.md")), "---\ntitle: [oops\n---\n\nStill a body.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("cut.pdf")), tinyPdfTruncated()));
        {
            // 50 MB on one line, over the default 32 MB limit.
            QFile huge(dir.filePath(QStringLiteral("huge.txt")));
            QVERIFY(huge.open(QIODevice::WriteOnly));
            const QByteArray chunk(1024 * 1024, 'a');
            for (int i = 0; i < 50; ++i)
                QVERIFY(huge.write(chunk) == chunk.size());
        }
        QString error;
        const auto corpus = CorpusReader().read(dir.path(), &error);
        QVERIFY2(corpus, qPrintable(error));

        QVERIFY(documentAt(*corpus, QStringLiteral("good.txt")));
        QCOMPARE(documentAt(*corpus, QStringLiteral("good.txt"))->title, QStringLiteral("A good title"));

        const struct
        {
            const char *path;
            const char *message;
            bool stillRead;
        } expectations[] = {
            {"image.dat", "binary file", false},   {"invalid.txt", "UTF-8", true},  {"empty.txt", "empty file", false},
            {"broken.md", "front matter", true}, {"cut.pdf", "PDF", false},       {"huge.txt", "too large", false},
        };
        for (const auto &e : expectations) {
            const QString path = QString::fromLatin1(e.path);
            const Problem *p = problemFor(*corpus, path);
            QVERIFY2(p, e.path);
            QVERIFY2(p->message.contains(QLatin1String(e.message)), qPrintable(path + QStringLiteral(": ") + p->message));
            QCOMPARE(documentAt(*corpus, path) != nullptr, e.stillRead);
            QCOMPARE(p->severity, e.stillRead ? Problem::Severity::Warning : Problem::Severity::Error);
        }
        const Document *broken = documentAt(*corpus, QStringLiteral("broken.md"));
        QVERIFY(broken->text.contains(u"Still a body."));
        QVERIFY(problemFor(*corpus, QStringLiteral("broken.md"))->message.contains(QRegularExpression(QStringLiteral("line \\d+, column \\d+"))));
        for (const Document &doc : corpus->documents)
            QVERIFY2(checkSpans(doc).isEmpty(), qPrintable(doc.path));
    }

    void read_windows1252File_decodedWithDetectedCharset()
    {
        QTemporaryDir dir;
        QVERIFY(QFile::copy(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/windows1252.txt"), dir.filePath(QStringLiteral("latin.txt"))));
        const auto corpus = CorpusReader().read(dir.path(), nullptr);
        QVERIFY(corpus);
        QCOMPARE(corpus->documents.size(), size_t(1));
        const Document &doc = corpus->documents[0];
        QVERIFY(doc.encoding != u"UTF-8");
        QVERIFY(doc.text.contains(u"Zürich"));
        QVERIFY(!doc.mojibakeRepaired);
    }

    void read_missingFolder_returnsError()
    {
        QString error;
        QVERIFY(!CorpusReader().read(QStringLiteral("/nonexistent/cartograph/folder"), &error));
        QVERIFY(error.contains(u"not found"));
        QVERIFY(!error.contains(u'\n'));
    }

    void read_emptyFolder_returnsError()
    {
        QTemporaryDir dir;
        QString error;
        QVERIFY(!CorpusReader().read(dir.path(), &error));
        QVERIFY(error.contains(u"no documents"));
    }

    void read_fileInsteadOfFolder_returnsError()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.txt")), "Text.\n"));
        QString error;
        QVERIFY(!CorpusReader().read(dir.filePath(QStringLiteral("a.txt")), &error));
        QVERIFY(error.contains(u"not a folder"));
    }

    void read_onlyUnreadableFiles_returnsError()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("empty.txt")), QByteArray()));
        QString error;
        QVERIFY(!CorpusReader().read(dir.path(), &error));
        QVERIFY2(error.contains(u"no readable documents") && error.contains(u"empty file"), qPrintable(error));
    }

    void read_cancelled_returnsNullopt()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("a.txt")), "Text.\n"));
        CancelToken cancel;
        cancel.cancel();
        QString error;
        QVERIFY(!CorpusReader().read(dir.path(), &error, nullptr, &cancel));
        QVERIFY(error.contains(u"cancelled"));
    }

    void read_progress_reportsReadingFiles()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 6; ++i)
            QVERIFY(writeFile(dir.filePath(QStringLiteral("f%1.txt").arg(i)), "Some text here.\n"));
        RecordingProgress progress;
        CorpusReader::Options options;
        options.threads = 2;
        QVERIFY(CorpusReader(options).read(dir.path(), nullptr, &progress));
        QVERIFY(!progress.stages.isEmpty());
        QVERIFY(progress.stages.front() == u"Reading");
        QCOMPARE(progress.maxDone, qint64(6));
        QCOMPARE(progress.lastTotal, qint64(6));
    }

    void readFile_txtWithFrontMatter_sniffedAsMarkdown()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("note.txt"));
        QVERIFY(writeFile(path, "---\ntitle: Sniffed\n---\n\n## Heading\n\nBody with [[Link]].\n"));
        std::vector<Problem> problems;
        const auto doc = CorpusReader().readFile(path, QStringLiteral("note.txt"), problems);
        QVERIFY(doc);
        QCOMPARE(doc->format, DocumentFormat::Markdown);
        QCOMPARE(doc->title, QStringLiteral("Sniffed"));
        QCOMPARE(doc->path, QStringLiteral("note.txt"));
        QCOMPARE(doc->wikiLinks.size(), size_t(1));
    }

    void readFile_smallerLimit_tooLargeSkippedWithoutReading()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("big.txt"));
        QVERIFY(writeFile(path, QByteArray(4096, 'x')));
        CorpusReader::Options options;
        options.maxFileBytes = 1024;
        std::vector<Problem> problems;
        QVERIFY(!CorpusReader(options).readFile(path, QStringLiteral("big.txt"), problems));
        QCOMPARE(problems.size(), size_t(1));
        QVERIFY(problems[0].message.contains(u"too large"));
    }

    void read_symbolicLinks_reportedAndNeverFollowed_data()
    {
        QTest::addColumn<QString>("link");
        QTest::addColumn<QString>("target"); // relative to the temporary folder
        QTest::addColumn<QString>("message");
        QTest::addColumn<int>("severity");
        QTest::newRow("file outside") << QStringLiteral("innocent.txt") << QStringLiteral("outside/secret.txt")
                                      << QStringLiteral("symbolic link to outside the corpus folder, not followed")
                                      << int(Problem::Severity::Error);
        QTest::newRow("folder outside") << QStringLiteral("docs") << QStringLiteral("outside")
                                        << QStringLiteral("symbolic link to outside the corpus folder, not followed")
                                        << int(Problem::Severity::Error);
        QTest::newRow("file inside") << QStringLiteral("alias.txt") << QStringLiteral("corpus/good.txt")
                                     << QStringLiteral("symbolic link within the corpus folder, not followed")
                                     << int(Problem::Severity::Warning);
        QTest::newRow("loop") << QStringLiteral("again") << QStringLiteral("corpus")
                              << QStringLiteral("symbolic link within the corpus folder, not followed")
                              << int(Problem::Severity::Warning);
        QTest::newRow("broken") << QStringLiteral("gone.txt") << QStringLiteral("nowhere.txt")
                                << QStringLiteral("broken symbolic link, skipped") << int(Problem::Severity::Error);
    }

    // A link to /etc/shadow was read as a document, a folder link pulled in thousands of outside files.
    void read_symbolicLinks_reportedAndNeverFollowed()
    {
        QFETCH(QString, link);
        QFETCH(QString, target);
        QFETCH(QString, message);
        QFETCH(int, severity);
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("outside/secret.txt")), "Private diary: the password is hunter2.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("corpus/good.txt")), "Acme Corporation met Globex Corporation.\n"));
        QVERIFY(QFile::link(dir.filePath(target), dir.filePath(QStringLiteral("corpus/") + link)));
        QString error;
        const auto corpus = CorpusReader().read(dir.filePath(QStringLiteral("corpus")), &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->documents.size(), size_t(1));
        QCOMPARE(corpus->documents[0].path, QStringLiteral("good.txt"));
        QCOMPARE(corpus->problems.size(), size_t(1));
        QCOMPARE(corpus->problems[0].path, link);
        QCOMPARE(corpus->problems[0].message, message);
        QCOMPARE(int(corpus->problems[0].severity), severity);
        for (const Document &doc : corpus->documents)
            QVERIFY(!doc.text.contains(u"hunter2"));
    }

    void read_deepFolders_cutAtDepthLimitAndReported()
    {
        QTemporaryDir dir;
        QString path = QStringLiteral("d");
        for (int i = 1; i < 12; ++i)
            path += QStringLiteral("/d");
        QVERIFY(writeFile(dir.filePath(QStringLiteral("top.txt")), "Top file.\n"));
        QVERIFY(writeFile(dir.filePath(QStringLiteral("d/d/d/three.txt")), "Three levels down.\n"));
        QVERIFY(writeFile(dir.filePath(path + QStringLiteral("/deep.txt")), "Twelve levels down.\n"));
        CorpusReader::Options options;
        options.maxFolderDepth = 4;
        QString error;
        const auto corpus = CorpusReader(options).read(dir.path(), &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->documents.size(), size_t(2));
        QCOMPARE(corpus->documents[0].path, QStringLiteral("d/d/d/three.txt"));
        QCOMPARE(corpus->problems.size(), size_t(1));
        QCOMPARE(corpus->problems[0].path, QStringLiteral("d/d/d/d/d"));
        QCOMPARE(corpus->problems[0].message, QStringLiteral("folder nested more than 4 levels deep, skipped"));
    }

    void read_moreFilesThanLimit_firstInNameOrderReadAndReported()
    {
        QTemporaryDir dir;
        for (int i = 0; i < 9; ++i)
            QVERIFY(writeFile(dir.filePath(QStringLiteral("f%1.txt").arg(i)), "Some text here.\n"));
        CorpusReader::Options options;
        options.maxFiles = 5;
        const auto corpus = CorpusReader(options).read(dir.path(), nullptr);
        QVERIFY(corpus);
        QCOMPARE(corpus->documents.size(), size_t(5));
        QCOMPARE(corpus->documents.back().path, QStringLiteral("f4.txt"));
        QCOMPARE(corpus->problems.size(), size_t(1));
        QCOMPARE(corpus->problems[0].message,
                 QStringLiteral("more than 5 files in the corpus folder; the rest were not read"));
    }

    void read_nameNotUtf8_reportedNotSilentlyDropped()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("ok.txt")), "Acme Corporation met Globex Corporation.\n"));
        // Qt cannot name such a file, so it is written through the raw bytes.
        const QByteArray raw = QFile::encodeName(dir.path()) + "/bad\xff\xfe.txt";
        FILE *f = std::fopen(raw.constData(), "w");
        QVERIFY(f);
        std::fputs("Hidden from Qt.\n", f);
        std::fclose(f);
        QVERIFY(::mkdir((QFile::encodeName(dir.path()) + "/folder\xff").constData(), 0700) == 0);
        const auto corpus = CorpusReader().read(dir.path(), nullptr);
        QVERIFY(corpus);
        QCOMPARE(corpus->documents.size(), size_t(1));
        QCOMPARE(corpus->problems.size(), size_t(2));
        QCOMPARE(corpus->problems[0].path, QStringLiteral("bad\uFFFD\uFFFD.txt"));
        QCOMPARE(corpus->problems[0].message, QStringLiteral("file name is not valid UTF-8, skipped (rename it to read it)"));
        QCOMPARE(corpus->problems[1].path, QStringLiteral("folder\uFFFD"));
        QVERIFY(corpus->problems[1].message.startsWith(u"folder name is not valid UTF-8"));
    }

    void read_fifo_reportedNotOpened()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("ok.txt")), "Acme Corporation met Globex Corporation.\n"));
        // Opening a FIFO blocks until someone writes: it must never be opened.
        QVERIFY(::mkfifo(QFile::encodeName(dir.filePath(QStringLiteral("pipe.txt"))).constData(), 0600) == 0);
        const auto corpus = CorpusReader().read(dir.path(), nullptr);
        QVERIFY(corpus);
        QCOMPARE(corpus->documents.size(), size_t(1));
        QCOMPARE(corpus->problems.size(), size_t(1));
        QCOMPARE(corpus->problems[0].path, QStringLiteral("pipe.txt"));
        QVERIFY(corpus->problems[0].message.startsWith(u"not a regular file"));
    }

    // A PDF whose pages share one content stream reads for minutes (10,000
    // pages: over 400 s); Cancel must stop it between pages. With no time
    // budget, only Cancel can end this test before CTest's TIMEOUT.
    void read_cancelledDuringSlowPdf_stopsBetweenPages()
    {
        QTemporaryDir dir;
        QVERIFY(writeFile(dir.filePath(QStringLiteral("ok.txt")), "Acme Corporation met Globex Corporation.\n"));
        const QByteArray unit = "(Acme Globex) Tj\n";
        const QByteArray content = "BT /F1 11 Tf 50 750 Td\n" + unit.repeated(1024 * 1024 / int(unit.size())) + "ET\n";
        QVERIFY(writeFile(dir.filePath(QStringLiteral("bomb.pdf")),
                          hostilepdf::sharedContent(10000, qCompress(content, 9).mid(4), "/FlateDecode")));
        CorpusReader::Options options;
        options.maxFileTime = std::chrono::hours(1);
        options.threads = 1;
        CancelToken cancel;
        QString error;
        std::optional<Corpus> corpus;
        std::thread reader([&] { corpus = CorpusReader(options).read(dir.path(), &error, nullptr, &cancel); });
        std::this_thread::sleep_for(std::chrono::milliseconds(500));
        cancel.cancel();
        reader.join();
        QVERIFY(!corpus);
        QCOMPARE(error, QStringLiteral("reading cancelled"));
    }
};

QTEST_GUILESS_MAIN(CorpusReaderTest)
#include "corpusreader_test.moc"
