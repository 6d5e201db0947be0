// The statistics panel's chart data, without any chart library: what each
// chart counts, and the concept timeline's order (by date, else file order).
#include "document/projectdocument.h"
#include "project/build.h"
#include "stats/chartbuilder.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <array>
#include <map>
#include <numeric>

using namespace carto;
using namespace carto::app::stats;
using namespace Qt::StringLiterals;

namespace {

// A corpus where one curated concept has known counts per document.
struct Corpus
{
    QTemporaryDir dir;
    app::ProjectDocument document;
};

bool writeFile(const QString &path, const QString &text)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(text.toUtf8()) == text.toUtf8().size();
}

QString filler(int kestrels)
{
    QString text = u"The river valley holds meadows and old hedges along the water.\n\n"_s;
    for (int i = 0; i < kestrels; ++i)
        text += u"The Kestrel Survey counted birds over the meadows in spring number %1.\n\n"_s.arg(i + 1);
    return text + u"Farmers and walkers share the paths beside the hedges.\n"_s;
}

// Three documents in file order a, b, c mentioning the concept 1, 3 and 0 times;
// with dates, their date order is b, c, a.
std::unique_ptr<Corpus> makeCorpus(bool dated)
{
    auto corpus = std::make_unique<Corpus>();
    const QString root = corpus->dir.path();
    const std::array<std::pair<const char16_t *, int>, 3> docs{{{u"a", 1}, {u"b", 3}, {u"c", 0}}};
    const std::array<const char16_t *, 3> dates{u"2021-05-01", u"2019-03-01", u"2020-01-01"};
    for (size_t i = 0; i < docs.size(); ++i) {
        const QString name = QString::fromUtf16(docs[i].first);
        QString text = filler(docs[i].second);
        if (dated)
            text = u"---\ntitle: Notes %1\ndate: %2\n---\n\n"_s.arg(name, QString::fromUtf16(dates[i])) + text;
        else
            text = u"# Notes %1\n\n"_s.arg(name) + text;
        if (!writeFile(root + u'/' + name + u".md"_s, text))
            return nullptr;
    }
    if (!writeFile(root + u"/cartograph.yaml"_s, u"concepts:\n  - name: Kestrel Survey\n"_s))
        return nullptr;
    QString error;
    auto build = project::buildCorpus(root, {}, &error);
    if (!build) {
        qWarning("%s", qPrintable(error));
        return nullptr;
    }
    corpus->document.setBuild(std::make_shared<project::BuildResult>(std::move(*build)), root);
    return corpus;
}

QList<double> doubles(std::initializer_list<double> values)
{
    return QList<double>(values);
}

} // namespace

class ChartBuilderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timeline_withDates_ordersByDate();
    void timeline_withoutDates_keepsFileOrder();
    void timeline_countsEveryMentionOnce();
    void timeline_withoutConcept_isEmptyWithAHint();
    void timeline_equalTitles_getDistinctBars();
    void timelineOrder_byDateThenFile_data();
    void timelineOrder_byDateThenFile();
    void documentDate_readsIsoDates_data();
    void documentDate_readsIsoDates();
    void axis_countsGetWholeSteps_data();
    void axis_countsGetWholeSteps();
    void axis_scoresGetRoundSteps_data();
    void axis_scoresGetRoundSteps();
    void topConcepts_followScoreOrder();
    void documentConcepts_countMentionsInThatDocument();
    void weightDistribution_holdsEveryLink();
    void emptyDocument_givesEmptyCharts();
};

void ChartBuilderTest::timeline_withDates_ordersByDate()
{
    const auto corpus = makeCorpus(true);
    QVERIFY(corpus);
    const app::ProjectDocument &doc = corpus->document;
    const graph::NodeIndex kestrel = doc.findConcept(u"Kestrel Survey"_s);
    QVERIFY(kestrel >= 0);
    const ChartData data = ChartBuilder(doc).conceptTimeline(kestrel);
    QCOMPARE(data.kind, ChartData::Kind::Columns);
    QCOMPARE(data.categories, QStringList({u"2019-03-01"_s, u"2020-01-01"_s, u"2021-05-01"_s}));
    QCOMPARE(data.values, doubles({3, 0, 1}));
    QVERIFY(data.title.contains(u"Kestrel Survey"_s));
    QVERIFY(data.categoryTitle.contains(u"date"_s));
    QVERIFY(data.categoryLabels);
}

void ChartBuilderTest::timeline_withoutDates_keepsFileOrder()
{
    const auto corpus = makeCorpus(false);
    QVERIFY(corpus);
    const app::ProjectDocument &doc = corpus->document;
    const graph::NodeIndex kestrel = doc.findConcept(u"Kestrel Survey"_s);
    QVERIFY(kestrel >= 0);
    const ChartData data = ChartBuilder(doc).conceptTimeline(kestrel);
    QCOMPARE(data.categories, QStringList({u"Notes a"_s, u"Notes b"_s, u"Notes c"_s}));
    QCOMPARE(data.values, doubles({1, 3, 0}));
    QVERIFY(data.categoryTitle.contains(u"file order"_s));
}

void ChartBuilderTest::timeline_countsEveryMentionOnce()
{
    // On the sample corpus: for each of the top concepts the bars add up to
    // its mentions, and each document's bar to the mentions in that document.
    QString error;
    auto build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
    QVERIFY2(build, qPrintable(error));
    app::ProjectDocument doc;
    doc.setBuild(std::make_shared<project::BuildResult>(std::move(*build)), QStringLiteral(CARTO_SAMPLES_DIR));
    const ChartBuilder builder(doc);
    const int documents = int(doc.corpus().documents.size());
    QVERIFY(documents >= 3);
    for (int rank = 0; rank < 5; ++rank) {
        const graph::NodeIndex node = doc.nodesByScore()[size_t(rank)];
        const std::vector<TimelineEntry> entries = builder.timelineEntries(node);
        QCOMPARE(int(entries.size()), documents);
        std::map<int, int> perDocument;
        for (const extract::Mention &m : doc.graph().node(node).info.mentions)
            ++perDocument[m.span.document.value()];
        int total = 0;
        for (const TimelineEntry &e : entries) {
            QCOMPARE(e.mentions, perDocument[e.document]);
            QCOMPARE(e.label, doc.corpus().documents[size_t(e.document)].title);
            total += e.mentions;
        }
        QCOMPARE(total, int(doc.graph().node(node).info.mentions.size()));
        QVERIFY(total > 0);
        const ChartData data = builder.conceptTimeline(node);
        QCOMPARE(std::accumulate(data.values.begin(), data.values.end(), 0.0), double(total));
    }
}

void ChartBuilderTest::timeline_withoutConcept_isEmptyWithAHint()
{
    const auto corpus = makeCorpus(false);
    QVERIFY(corpus);
    const ChartBuilder builder(corpus->document);
    for (const graph::NodeIndex node : {-1, corpus->document.nodeCount()}) {
        const ChartData data = builder.conceptTimeline(node);
        QVERIFY(data.values.isEmpty());
        QVERIFY(data.categories.isEmpty());
        QVERIFY(data.title.contains(u"Select a concept"_s));
    }
}

void ChartBuilderTest::timeline_equalTitles_getDistinctBars()
{
    // Both chart libraries key bars by name: two documents called "Notes"
    // must not share a bar.
    QTemporaryDir dir;
    for (const QString &name : {u"a"_s, u"b"_s})
        QVERIFY(writeFile(dir.filePath(name + u".md"_s), u"# Notes\n\n"_s + filler(name == u"a" ? 2 : 1)));
    QVERIFY(writeFile(dir.filePath(u"cartograph.yaml"_s), u"concepts:\n  - name: Kestrel Survey\n"_s));
    QString error;
    auto build = project::buildCorpus(dir.path(), {}, &error);
    QVERIFY2(build, qPrintable(error));
    app::ProjectDocument doc;
    doc.setBuild(std::make_shared<project::BuildResult>(std::move(*build)), dir.path());
    const ChartData data = ChartBuilder(doc).conceptTimeline(doc.findConcept(u"Kestrel Survey"_s));
    QCOMPARE(data.categories, QStringList({u"Notes"_s, u"Notes (2)"_s}));
    QCOMPARE(data.values, doubles({2, 1}));
}

void ChartBuilderTest::timelineOrder_byDateThenFile_data()
{
    QTest::addColumn<QList<int>>("documents");
    QTest::addColumn<QStringList>("dates"); // "" = undated
    QTest::addColumn<QList<int>>("expected");
    QTest::newRow("no dates: file order") << QList<int>{2, 0, 1} << QStringList{u""_s, u""_s, u""_s}
                                          << QList<int>{0, 1, 2};
    QTest::newRow("all dated") << QList<int>{0, 1, 2}
                               << QStringList{u"2001-01-01"_s, u"1999-12-31"_s, u"2000-06-01"_s}
                               << QList<int>{1, 2, 0};
    QTest::newRow("equal dates keep file order") << QList<int>{3, 1, 2}
                                                 << QStringList{u"2000-01-01"_s, u"2000-01-01"_s, u"1990-01-01"_s}
                                                 << QList<int>{2, 1, 3};
    QTest::newRow("undated go last, in file order")
        << QList<int>{0, 1, 2, 3} << QStringList{u""_s, u"2010-01-01"_s, u""_s, u"2005-01-01"_s}
        << QList<int>{3, 1, 0, 2};
    QTest::newRow("empty") << QList<int>{} << QStringList{} << QList<int>{};
}

void ChartBuilderTest::timelineOrder_byDateThenFile()
{
    QFETCH(QList<int>, documents);
    QFETCH(QStringList, dates);
    QFETCH(QList<int>, expected);
    std::vector<TimelineEntry> entries;
    for (qsizetype i = 0; i < documents.size(); ++i) {
        TimelineEntry e;
        e.document = documents[i];
        e.mentions = documents[i] * 10;
        if (!dates[i].isEmpty())
            e.date = QDate::fromString(dates[i], Qt::ISODate);
        entries.push_back(e);
    }
    QList<int> order;
    for (const TimelineEntry &e : carto::app::stats::orderTimeline(entries)) {
        QCOMPARE(e.mentions, e.document * 10); // entries move whole
        order << e.document;
    }
    QCOMPARE(order, expected);
}

void ChartBuilderTest::documentDate_readsIsoDates_data()
{
    QTest::addColumn<QString>("value");
    QTest::addColumn<QDate>("expected"); // invalid = no date
    QTest::newRow("day") << u"2024-03-17"_s << QDate(2024, 3, 17);
    QTest::newRow("month") << u"2024-03"_s << QDate(2024, 3, 1);
    QTest::newRow("year") << u"1790"_s << QDate(1790, 1, 1);
    QTest::newRow("timestamp") << u"2024-03-17T10:30:00Z"_s << QDate(2024, 3, 17);
    QTest::newRow("date and time") << u" 2024-03-17 10:30"_s << QDate(2024, 3, 17);
    QTest::newRow("no such day") << u"2023-02-30"_s << QDate();
    QTest::newRow("no such month") << u"2023-13"_s << QDate();
    QTest::newRow("words") << u"last spring"_s << QDate();
    QTest::newRow("digits run on") << u"20240317"_s << QDate();
    QTest::newRow("empty") << QString() << QDate();
}

void ChartBuilderTest::documentDate_readsIsoDates()
{
    QFETCH(QString, value);
    QFETCH(QDate, expected);
    const std::optional<QDate> date = parseDocumentDate(value);
    QCOMPARE(date.has_value(), expected.isValid());
    if (date)
        QCOMPARE(*date, expected);
}

void ChartBuilderTest::axis_countsGetWholeSteps_data()
{
    QTest::addColumn<QList<double>>("values");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("top");
    QTest::newRow("empty") << QList<double>{} << 1.0 << 1.0;
    QTest::newRow("zeros") << QList<double>{0, 0} << 1.0 << 1.0;
    QTest::newRow("three") << QList<double>{1, 3, 2} << 1.0 << 3.0;
    QTest::newRow("seven") << QList<double>{7} << 2.0 << 8.0;
    QTest::newRow("twenty-six") << QList<double>{26} << 5.0 << 30.0;
    QTest::newRow("hundreds") << QList<double>{230} << 50.0 << 250.0;
}

void ChartBuilderTest::axis_countsGetWholeSteps()
{
    QFETCH(QList<double>, values);
    QFETCH(double, step);
    QFETCH(double, top);
    ChartData data;
    data.values = values;
    data.integerValues = true;
    QCOMPARE(data.axisStep(), step);
    QCOMPARE(data.axisMax(), top);
    QVERIFY(data.axisMax() / data.axisStep() <= 6);
}

void ChartBuilderTest::axis_scoresGetRoundSteps_data()
{
    QTest::addColumn<double>("top");
    QTest::addColumn<double>("step");
    QTest::addColumn<double>("axisMax");
    QTest::addColumn<int>("decimals");
    QTest::newRow("10.75") << 10.7519 << 2.0 << 12.0 << 0;
    QTest::newRow("0.9") << 0.9 << 0.2 << 1.0 << 1;
    QTest::newRow("exactly 6") << 6.0 << 1.0 << 6.0 << 0;
    QTest::newRow("below 1") << 0.25 << 0.2 << 1.0 << 1; // the axis reaches 1 at least
    QTest::newRow("hundreds") << 430.0 << 100.0 << 500.0 << 0;
}

void ChartBuilderTest::axis_scoresGetRoundSteps()
{
    QFETCH(double, top);
    QFETCH(double, step);
    QFETCH(double, axisMax);
    QFETCH(int, decimals);
    ChartData data;
    data.values = {top / 2, top};
    QCOMPARE(data.axisStep(), step);
    QCOMPARE(data.axisMax(), axisMax);
    QCOMPARE(data.axisDecimals(), decimals);
}

void ChartBuilderTest::topConcepts_followScoreOrder()
{
    QString error;
    auto build = project::buildCorpus(QStringLiteral(CARTO_SAMPLES_DIR), {}, &error);
    QVERIFY2(build, qPrintable(error));
    app::ProjectDocument doc;
    doc.setBuild(std::make_shared<project::BuildResult>(std::move(*build)), QStringLiteral(CARTO_SAMPLES_DIR));
    const ChartData data = ChartBuilder(doc).topConcepts();
    QCOMPARE(data.kind, ChartData::Kind::HorizontalBars);
    QCOMPARE(int(data.values.size()), std::min(ChartBuilder::topBars, doc.nodeCount()));
    QCOMPARE(data.categories.size(), data.values.size());
    for (qsizetype i = 0; i < data.values.size(); ++i) {
        const auto &info = doc.graph().node(doc.nodesByScore()[size_t(i)]).info;
        QCOMPARE(data.values[i], info.score);
        QVERIFY(info.label.startsWith(data.categories[i].chopped(data.categories[i].endsWith(QChar(0x2026)) ? 1 : 0)));
        if (i > 0)
            QVERIFY(data.values[i] <= data.values[i - 1]);
    }
}

void ChartBuilderTest::documentConcepts_countMentionsInThatDocument()
{
    const auto corpus = makeCorpus(false);
    QVERIFY(corpus);
    const ChartBuilder builder(corpus->document);
    const ChartData b = builder.documentConcepts(DocumentId(1));
    QVERIFY(b.title.contains(u"Notes b"_s));
    const qsizetype row = b.categories.indexOf(u"Kestrel Survey"_s);
    QVERIFY(row >= 0);
    QCOMPARE(b.values[row], 3.0);
    for (qsizetype i = 1; i < b.values.size(); ++i)
        QVERIFY(b.values[i] <= b.values[i - 1]); // most mentioned on top
    QVERIFY(!builder.documentConcepts(DocumentId(2)).categories.contains(u"Kestrel Survey"_s));
    const ChartData none = builder.documentConcepts(DocumentId(-1));
    QVERIFY(none.values.isEmpty());
    QVERIFY(none.title.contains(u"Select a document"_s));
}

void ChartBuilderTest::weightDistribution_holdsEveryLink()
{
    const auto corpus = makeCorpus(false);
    QVERIFY(corpus);
    const app::ProjectDocument &doc = corpus->document;
    QVERIFY(doc.edgeCount() > 0);
    const ChartData data = ChartBuilder(doc).weightDistribution();
    QCOMPARE(data.kind, ChartData::Kind::Columns);
    QCOMPARE(int(data.values.size()), ChartBuilder::histogramBins);
    QCOMPARE(std::accumulate(data.values.begin(), data.values.end(), 0.0), double(doc.edgeCount()));
}

void ChartBuilderTest::emptyDocument_givesEmptyCharts()
{
    const app::ProjectDocument doc;
    const ChartBuilder builder(doc);
    QVERIFY(builder.topConcepts().values.isEmpty());
    QVERIFY(builder.documentConcepts(DocumentId(0)).values.isEmpty());
    QVERIFY(builder.weightDistribution().values.isEmpty());
    QVERIFY(builder.conceptTimeline(0).values.isEmpty());
}

QTEST_GUILESS_MAIN(ChartBuilderTest)
#include "chartbuilder_test.moc"
