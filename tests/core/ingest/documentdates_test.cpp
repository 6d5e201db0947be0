#include "ingest/corpusreader.h"
#include "ingest/documentdates.h"

#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using namespace carto;
using namespace carto::ingest;

class DocumentDatesTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void partialDate_isoRoundTrip_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");
        QTest::newRow("year") << QStringLiteral("1790") << QStringLiteral("1790");
        QTest::newRow("month") << QStringLiteral("1790-01") << QStringLiteral("1790-01");
        QTest::newRow("day") << QStringLiteral("1790-01-08") << QStringLiteral("1790-01-08");
        QTest::newRow("timestamp") << QStringLiteral("2023-05-01T10:00:00Z") << QStringLiteral("2023-05-01");
        QTest::newRow("bad day keeps month") << QStringLiteral("2023-02-30") << QStringLiteral("2023-02");
        QTest::newRow("not a date") << QStringLiteral("12345") << QString();
        QTest::newRow("words") << QStringLiteral("May") << QString();
    }

    void partialDate_isoRoundTrip()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        QCOMPARE(PartialDate::fromIsoPrefix(text).toIsoString(), iso);
    }

    void partialDate_ordersByTime()
    {
        QVERIFY(PartialDate::fromIsoPrefix(u"1842-11-06") < PartialDate::fromIsoPrefix(u"1843-01-09"));
        QVERIFY(PartialDate::ofYear(1842) < PartialDate::ofMonth(1842, 1));
    }

    void parse_commonWritings_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("iso");
        QTest::newRow("rfc 2822") << QStringLiteral("Tue, 4 Apr 2023 09:15:00 +0200") << QStringLiteral("2023-04-04");
        QTest::newRow("old mail") << QStringLiteral("Fri, 14 Mar 1890 16:00:00 -0500") << QStringLiteral("1890-03-14");
        QTest::newRow("month day year") << QStringLiteral("May 1, 2023") << QStringLiteral("2023-05-01");
        QTest::newRow("day month year") << QStringLiteral("30 June 2021") << QStringLiteral("2021-06-30");
        QTest::newRow("month year") << QStringLiteral("December 1843") << QStringLiteral("1843-12");
        QTest::newRow("year") << QStringLiteral("1905") << QStringLiteral("1905");
        QTest::newRow("prose") << QStringLiteral("sometime last spring") << QString();
        QTest::newRow("no month name") << QStringLiteral("12 Foo 2020") << QString();
    }

    void parse_commonWritings()
    {
        QFETCH(QString, text);
        QFETCH(QString, iso);
        QCOMPARE(DocumentDates::parse(text).toIsoString(), iso);
    }

    void fromFileName_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("iso");
        QTest::newRow("sotu") << QStringLiteral("1790-washington.txt") << QStringLiteral("1790");
        QTest::newRow("dated") << QStringLiteral("notes/2021-06-30 meeting.md") << QStringLiteral("2021-06-30");
        QTest::newRow("compact") << QStringLiteral("report_20190415.pdf") << QStringLiteral("2019-04-15");
        QTest::newRow("year month") << QStringLiteral("minutes-2020-03.txt") << QStringLiteral("2020-03");
        QTest::newRow("hex id") << QStringLiteral("001_98a4980af2d9ab33.txt") << QString();
        QTest::newRow("inside word") << QStringLiteral("a1998b.txt") << QString();
        QTest::newRow("long number") << QStringLiteral("1234567.txt") << QString();
        QTest::newRow("none") << QStringLiteral("readme.txt") << QString();
    }

    void fromFileName()
    {
        QFETCH(QString, name);
        QFETCH(QString, iso);
        QCOMPARE(DocumentDates::fromFileName(name).toIsoString(), iso);
    }

    void assign_statedDateBeatsFileNameWhichIsInferred()
    {
        QTemporaryDir dir;
        const auto write = [&](const QString &name, const QByteArray &bytes) {
            QFile f(dir.filePath(name));
            return f.open(QIODevice::WriteOnly) && f.write(bytes) == bytes.size();
        };
        QVERIFY(write(QStringLiteral("1999-notes.md"), "---\ndate: 2004-02-29\n---\n# Notes\n\nThe engine ran.\n"));
        QVERIFY(write(QStringLiteral("1790-washington.txt"), "Fellow citizens, the union is strong.\n"));
        QVERIFY(write(QStringLiteral("page.html"),
                      "<html><head><meta property=\"article:published_time\" content=\"2020-01-02T03:04:05Z\">"
                      "</head><body><p>The page text.</p><time datetime=\"2019-01-01\">then</time></body></html>"));
        QVERIFY(write(QStringLiteral("undated.txt"), "No date here at all.\n"));
        QString error;
        const auto corpus = CorpusReader().read(dir.path(), &error);
        QVERIFY2(corpus, qPrintable(error));
        QCOMPARE(corpus->documents.size(), size_t(4));
        const Document &md = corpus->documents[1];
        QCOMPARE(md.path, QStringLiteral("1999-notes.md"));
        QCOMPARE(md.date.date.toIsoString(), QStringLiteral("2004-02-29"));
        QCOMPARE(md.date.source, DocumentDate::Source::FrontMatter);
        QVERIFY(!md.date.isInferred());
        const Document &sotu = corpus->documents[0];
        QCOMPARE(sotu.date.date.toIsoString(), QStringLiteral("1790"));
        QVERIFY(sotu.date.isInferred());
        const Document &page = corpus->documents[2];
        QCOMPARE(page.date.date.toIsoString(), QStringLiteral("2020-01-02"));
        QCOMPARE(page.date.source, DocumentDate::Source::HtmlMeta);
        QVERIFY(!corpus->documents[3].date.isValid());
    }

    void assign_htmlTimeElementWhenNoMeta()
    {
        QTemporaryDir dir;
        QFile f(dir.filePath(QStringLiteral("post.html")));
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("<html><body><article><p>Posted <time datetime=\"2018-07-04\">July 4</time>. The text.</p></article></body></html>");
        f.close();
        std::vector<Problem> problems;
        const auto doc = CorpusReader().readFile(f.fileName(), QStringLiteral("post.html"), problems);
        QVERIFY(doc);
        QCOMPARE(doc->date.date.toIsoString(), QStringLiteral("2018-07-04"));
        QCOMPARE(doc->date.source, DocumentDate::Source::HtmlTime);
    }
};

QTEST_GUILESS_MAIN(DocumentDatesTest)
#include "documentdates_test.moc"
