#include "ingest/pdfreader.h"
#include "support/hostileinputs.h"

#include <QTest>

using namespace carto;
using namespace carto::ingest;

namespace {

// A minimal valid one-page PDF written by hand, with a correct xref table.
QByteArray makePdf(const QByteArray &line1, const QByteArray &line2)
{
    const QByteArray content = "BT /F1 12 Tf 72 720 Td (" + line1 + ") Tj 0 -16 Td (" + line2 + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    };
    QByteArray pdf = "%PDF-1.4\n";
    QList<qsizetype> offsets;
    for (qsizetype i = 0; i < objects.size(); ++i) {
        offsets << pdf.size();
        pdf += QByteArray::number(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
    }
    const qsizetype xref = pdf.size();
    pdf += "xref\n0 " + QByteArray::number(objects.size() + 1) + "\n0000000000 65535 f \n";
    for (const qsizetype off : offsets)
        pdf += QByteArray::number(off).rightJustified(10, '0') + " 00000 n \n";
    pdf += "trailer\n<< /Size " + QByteArray::number(objects.size() + 1) + " /Root 1 0 R >>\nstartxref\n"
           + QByteArray::number(xref) + "\n%%EOF\n";
    return pdf;
}

} // namespace

class PdfReaderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_minimalPdf_extractsTextAndSentences()
    {
        Document doc;
        doc.path = QStringLiteral("paper.pdf");
        std::vector<Problem> problems;
        QVERIFY(PdfReader::read(makePdf("Engines compute tables.", "They never tire."), doc, problems));
        QVERIFY2(problems.empty(), problems.empty() ? "" : qPrintable(problems.front().message));
        QVERIFY2(doc.text.contains(u"Engines compute tables."), qPrintable(doc.text));
        QVERIFY(doc.text.contains(u"They never tire."));
        QVERIFY(doc.sentences.size() >= 2);
        for (const TextRange &s : doc.sentences)
            QVERIFY(!s.slice(doc.text).trimmed().isEmpty());
    }

    void read_truncatedPdf_reportsProblemWithoutCrash()
    {
        const QByteArray full = makePdf("Engines compute tables.", "They never tire.");
        Document doc;
        doc.path = QStringLiteral("cut.pdf");
        std::vector<Problem> problems;
        PdfReader::read(full.left(full.size() / 3), doc, problems);
        QVERIFY(!problems.empty());
        QCOMPARE(problems.front().path, QStringLiteral("cut.pdf"));
        QVERIFY2(problems.front().message.contains(u"PDF"), qPrintable(problems.front().message));
    }

    void read_garbageNamedPdf_isAnError()
    {
        Document doc;
        doc.path = QStringLiteral("fake.pdf");
        std::vector<Problem> problems;
        QVERIFY(!PdfReader::read(QByteArray("%PDF-1.4\nthis is not really a pdf at all\n"), doc, problems));
        QVERIFY(!problems.empty());
        QCOMPARE(problems.back().severity, Problem::Severity::Error);
    }

    void read_pagesPastLimit_firstPagesReadAndReported()
    {
        const QByteArray pdf = hostilepdf::sharedContent(12, hostilepdf::textLines("Acme Corporation met Globex.", 2));
        Document doc;
        doc.path = QStringLiteral("long.pdf");
        std::vector<Problem> problems;
        PdfReadLimits limits;
        limits.maxPages = 5;
        QVERIFY(PdfReader::read(pdf, doc, problems, {}, limits));
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].severity, Problem::Severity::Warning);
        QCOMPARE(problems[0].message, QStringLiteral("PDF has 12 pages; only the first 5 were read"));
        QCOMPARE(doc.text.count(u"Acme Corporation met Globex."), 5 * 2);
    }

    void read_textPastLimit_skipped()
    {
        // Every page repeats one stream: a small file whose text multiplies.
        const QByteArray pdf = hostilepdf::sharedContent(50, hostilepdf::textLines("Acme Corporation met Globex.", 40));
        Document doc;
        std::vector<Problem> problems;
        PdfReadLimits limits;
        limits.maxTextChars = 10'000;
        QVERIFY(!PdfReader::read(pdf, doc, problems, {}, limits));
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].severity, Problem::Severity::Error);
        QVERIFY2(problems[0].message.startsWith(u"PDF text is longer than 0.01 million characters (at page "),
                 qPrintable(problems[0].message));
        QVERIFY(problems[0].message.endsWith(u" of 50), skipped"));
    }

    void read_budgetSpentOrCancelled_stopsBetweenPages_data()
    {
        QTest::addColumn<bool>("cancel");
        QTest::addColumn<QString>("message");
        QTest::newRow("time") << false << QStringLiteral("took longer than 0 s to read (stopped at page 1 of 30), skipped");
        QTest::newRow("cancel") << true << QStringLiteral("reading cancelled (stopped at page 1 of 30), skipped");
    }

    void read_budgetSpentOrCancelled_stopsBetweenPages()
    {
        QFETCH(bool, cancel);
        QFETCH(QString, message);
        const QByteArray pdf = hostilepdf::sharedContent(30, hostilepdf::textLines("Acme Corporation met Globex.", 2));
        CancelToken token;
        if (cancel)
            token.cancel();
        const ReadBudget budget(std::chrono::milliseconds(cancel ? 60'000 : 0), &token);
        Document doc;
        std::vector<Problem> problems;
        QVERIFY(!PdfReader::read(pdf, doc, problems, budget));
        QCOMPARE(problems.size(), size_t(1));
        QCOMPARE(problems[0].message, message);
    }
};

QTEST_GUILESS_MAIN(PdfReaderTest)
#include "pdfreader_test.moc"
