#include "ingest/pdflayout.h"
#include "ingest/pdfreader.h"
#include "support/hostileinputs.h"

#include <QFile>
#include <QTest>

using namespace carto;
using namespace carto::ingest;

namespace {

const QByteArray kHelvetica = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>";

// A minimal valid one-page PDF written by hand, with a correct xref table.
QByteArray makePdf(const QByteArray &line1, const QByteArray &line2, const QByteArray &font = kHelvetica)
{
    const QByteArray content = "BT /F1 12 Tf 72 720 Td (" + line1 + ") Tj 0 -16 Td (" + line2 + ") Tj ET";
    const QList<QByteArray> objects = {
        "<< /Type /Catalog /Pages 2 0 R >>",
        "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
        "<< /Length " + QByteArray::number(content.size()) + " >>\nstream\n" + content + "\nendstream",
        font,
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

// The multi-page fixture made with groff by make_loom_pdf.py.
Document readLoom()
{
    QFile file(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/loom.pdf"));
    Document doc;
    doc.path = QStringLiteral("loom.pdf");
    if (!file.open(QIODevice::ReadOnly))
        return doc;
    std::vector<Problem> problems;
    PdfReader::read(file.readAll(), doc, problems);
    return doc;
}

// A page with a header line, body lines and a page number, in reading order.
PdfPage furniturePage(int number)
{
    PdfPage p;
    const auto line = [](const QString &text, double top) {
        PdfLine l;
        l.text = text;
        l.left = 72;
        l.right = 500;
        l.top = top;
        l.bottom = top + 11;
        l.fontSize = 11;
        return l;
    };
    p.lines.push_back(line(QStringLiteral("The Loom and the Ledger  Chapter %1").arg(number), 40));
    p.lines.push_back(line(QStringLiteral("Body text of page %1 about the looms of Lyon.").arg(number), 300));
    p.lines.push_back(line(QStringLiteral("A second body line that ends the page %1.").arg(number), 313));
    p.lines.push_back(line(QString::number(number), 750));
    return p;
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

    void read_combiningMarks_composedToNfc()
    {
        // Code 200 draws the combining diaeresis (U+0308) after the letter it
        // belongs to, as some typesetters write accents: the text must be NFC.
        const QByteArray font = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding << /Type /Encoding "
                                "/BaseEncoding /WinAnsiEncoding /Differences [200 /uni0308] >> >>";
        Document doc;
        doc.path = QStringLiteral("accents.pdf");
        std::vector<Problem> problems;
        QVERIFY(PdfReader::read(makePdf("Zoe\\310 met Chloe\\310 in Lyon.", "They spoke of looms.", font), doc, problems));
        QVERIFY2(doc.text.contains(QStringLiteral("Zo\u00EB met Chlo\u00EB in Lyon.")), qPrintable(doc.text));
        QVERIFY(!doc.text.contains(QChar(0x308)));
        QCOMPARE(doc.text, doc.text.normalized(QString::NormalizationForm_C));
    }

    void read_fixture_runningHeadersAndPageNumbersDropped()
    {
        const Document doc = readLoom();
        QVERIFY2(!doc.blocks.empty(), "loom.pdf unreadable");
        QVERIFY2(!doc.text.contains(u"Working Paper"), qPrintable(doc.text.left(2000)));
        // The running title appears once, as the title on page 1, not on every page.
        QCOMPARE(doc.text.count(u"The Loom and the Ledger"), 1);
        for (const Block &b : doc.blocks) {
            bool digitsOnly = true;
            for (const QChar c : b.range.slice(doc.text))
                digitsOnly = digitsOnly && c.isDigit();
            QVERIFY2(!digitsOnly, "a bare page number survived as a block");
        }
    }

    void read_fixture_hyphenatedLineEndsJoinedOrKept()
    {
        const Document doc = readLoom();
        QVERIFY2(doc.text.contains(u"letters were hand-written in brown ink"), qPrintable(doc.text));
        QVERIFY(doc.text.contains(u"paid for writing by the page"));
        QVERIFY(!doc.text.contains(u"writ-"));
    }

    void read_fixture_paragraphsAndHeadings()
    {
        const Document doc = readLoom();
        QStringList headings;
        for (const Block &b : doc.blocks) {
            if (b.kind == Block::Kind::Heading)
                headings << b.range.slice(doc.text).toString();
        }
        for (const char16_t *h : {u"1. Cards and Looms", u"2. Engines and Notes", u"References", u"Index"})
            QVERIFY2(headings.contains(QString::fromUtf16(h)), qPrintable(headings.join(u" | ")));
        QCOMPARE(doc.title, QStringLiteral("The Loom and the Ledger"));
        // Paragraphs run across line ends (and page breaks): few blocks for about 80 sentences.
        qsizetype paragraphs = 0;
        for (const Block &b : doc.blocks)
            paragraphs += b.kind == Block::Kind::Paragraph ? 1 : 0;
        QVERIFY2(paragraphs < 45, qPrintable(QString::number(paragraphs)));
        QVERIFY(doc.sentences.size() > 60);
        QCOMPARE(doc.date.date.toIsoString(), QStringLiteral("2023-11-14"));
        QCOMPARE(doc.date.source, DocumentDate::Source::PdfMetadata);
    }

    void dropFurniture_repeatedTopLinesAndPageNumbersGo()
    {
        std::vector<PdfPage> pages;
        for (int i = 1; i <= 4; ++i)
            pages.push_back(furniturePage(i));
        PdfLayout::dropFurniture(pages);
        for (size_t i = 0; i < pages.size(); ++i) {
            QCOMPARE(pages[i].lines.size(), size_t(2));
            QVERIFY(pages[i].lines[0].text.startsWith(u"Body text of page"));
        }
    }

    void dropFurniture_glyphDebrisGoesAndOnePageKeepsItsLines()
    {
        std::vector<PdfPage> pages{furniturePage(1)};
        PdfLine debris = pages[0].lines[1];
        debris.text = QStringLiteral("h h h h h");
        debris.top = 400;
        pages[0].lines.push_back(debris);
        PdfLayout::dropFurniture(pages);
        QCOMPARE(pages[0].lines.size(), size_t(4)); // a single page has no running header to compare
        for (const PdfLine &l : pages[0].lines)
            QVERIFY(l.text != u"h h h h h");
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
