#include "ingest/formatdetector.h"

#include <QDir>
#include <QFile>
#include <QTest>

using namespace carto::ingest;

class FormatDetectorTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void isBinary_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<bool>("binary");
        QTest::newRow("plain text") << QByteArray("Just some words.\nAnd more.\n") << false;
        QTest::newRow("png") << QByteArray("\x89PNG\r\n\x1a\n rest") << true;
        QTest::newRow("zip") << QByteArray("PK\x03\x04 rest") << true;
        QTest::newRow("nul byte") << QByteArray("text\0more", 9) << true;
        QTest::newRow("control soup") << QByteArray(200, '\x01') << true;
        QTest::newRow("one stray control") << QByteArray("A long line of text with \x02 one stray control character in it.") << false;
        QTest::newRow("utf16 bom") << QByteArray("\xFF\xFEh\0i\0", 6) << false;
    }

    void isBinary()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(bool, binary);
        QCOMPARE(FormatDetector::isBinary(bytes), binary);
    }

    void detect_extensionsAndMagic_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("format"); // -1: binary
        QTest::newRow("md") << QStringLiteral("a.md") << QByteArray("hello") << int(DocumentFormat::Markdown);
        QTest::newRow("html ext") << QStringLiteral("a.HTM") << QByteArray("hello") << int(DocumentFormat::Html);
        QTest::newRow("html sniffed") << QStringLiteral("page") << QByteArray("  <!DOCTYPE html><html><body>x</body></html>") << int(DocumentFormat::Html);
        QTest::newRow("pdf magic") << QStringLiteral("paper.bin") << QByteArray("%PDF-1.4\n...") << int(DocumentFormat::Pdf);
        QTest::newRow("txt") << QStringLiteral("notes.txt") << QByteArray("hello") << int(DocumentFormat::PlainText);
        QTest::newRow("unknown text") << QStringLiteral("notes.xyz") << QByteArray("hello") << int(DocumentFormat::PlainText);
        QTest::newRow("binary") << QStringLiteral("image.dat") << QByteArray("\x89PNG\r\n") << -1;
    }

    void detect_extensionsAndMagic()
    {
        QFETCH(QString, name);
        QFETCH(QByteArray, bytes);
        QFETCH(int, format);
        const auto detected = FormatDetector::detect(name, bytes);
        QCOMPARE(detected ? int(*detected) : -1, format);
    }

    void looksLikeMarkdown_txtSeedWithFrontMatter_isMarkdown()
    {
        const QDir seeds(QStringLiteral(CARTO_SHARED_DIR "/seeds"));
        const QStringList files = seeds.entryList({QStringLiteral("*.txt")}, QDir::Files, QDir::Name);
        QVERIFY2(seeds.exists() && !files.isEmpty(), "shared seeds missing");
        int markdown = 0;
        for (const QString &name : files) {
            QFile file(seeds.filePath(name));
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QString text = QString::fromUtf8(file.readAll());
            const bool isMd = FormatDetector::looksLikeMarkdown(text);
            // Only the seed that opens with YAML front matter is markdown.
            QCOMPARE(isMd, text.startsWith(u"---\n"));
            markdown += isMd ? 1 : 0;
        }
        QCOMPARE(markdown, 1);
    }

    void looksLikeMarkdown_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("markdown");
        QTest::newRow("front matter") << QStringLiteral("---\ntitle: x\n---\nBody") << true;
        QTest::newRow("headings") << QStringLiteral("# One\ntext\n## Two\ntext") << true;
        QTest::newRow("link and bold") << QStringLiteral("See [this](http://x.org) and **that**.") << true;
        QTest::newRow("prose") << QStringLiteral("A plain letter.\n- a dash list\n1. numbered\n") << false;
        QTest::newRow("dashes not front matter") << QStringLiteral("---\nJust a rule line\n") << false;
    }

    void looksLikeMarkdown()
    {
        QFETCH(QString, text);
        QFETCH(bool, markdown);
        QCOMPARE(FormatDetector::looksLikeMarkdown(text), markdown);
    }
};

QTEST_GUILESS_MAIN(FormatDetectorTest)
#include "formatdetector_test.moc"
