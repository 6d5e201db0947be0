#include "ingest/corpusreader.h"

#include <QTest>

using namespace carto;
using namespace carto::ingest;

namespace {

struct Read
{
    std::optional<Document> doc;
    std::vector<Problem> problems;
};

Read readMail(const QString &name)
{
    Read r;
    const QString path = QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/mail/") + name;
    r.doc = CorpusReader().readFile(path, QStringLiteral("mail/") + name, r.problems);
    return r;
}

std::vector<const SetAside *> asides(const Document &doc, SetAside::Kind kind)
{
    std::vector<const SetAside *> out;
    for (const SetAside &a : doc.setAside) {
        if (a.kind == kind)
            out.push_back(&a);
    }
    return out;
}

bool inBlocks(const Document &doc, QStringView needle)
{
    for (const Block &b : doc.blocks) {
        if (b.range.slice(doc.text).contains(needle))
            return true;
    }
    return false;
}

} // namespace

class EmailReaderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void read_quotedPrintable_decodedWithMangledCharsetAndRfc2047Subject()
    {
        const Read r = readMail(QStringLiteral("reply.eml"));
        QVERIFY(r.doc);
        const Document &doc = *r.doc;
        QCOMPARE(doc.format, DocumentFormat::Email);
        QCOMPARE(doc.title, QStringLiteral("Re: Café des Métiers"));
        // Declared ISO-8859-1, written in Windows-1252: 0x92 is an apostrophe, not a control.
        QVERIFY2(doc.text.contains(u"Mr. Bronson\u2019s crew replaced"), qPrintable(doc.text));
        QVERIFY(doc.text.contains(u"Café des Métiers are running"));
        QVERIFY(!doc.text.contains(u"=E9"));
        QVERIFY(!doc.text.contains(u"Subject:"));
        QCOMPARE(doc.metadataValue(QStringLiteral("from")), QStringLiteral("Ada Byron <ada@example.org>"));
        QCOMPARE(doc.metadataValue(QStringLiteral("to")), QStringLiteral("Grace Hopper <grace@example.org>"));
        QCOMPARE(doc.date.date.toIsoString(), QStringLiteral("2023-04-04"));
        QCOMPARE(doc.date.source, DocumentDate::Source::EmailHeader);
    }

    void read_quoteAndSignature_setAsideAndNotExtracted()
    {
        const Read r = readMail(QStringLiteral("reply.eml"));
        QVERIFY(r.doc);
        const Document &doc = *r.doc;
        const auto quotes = asides(doc, SetAside::Kind::Quote);
        const auto signatures = asides(doc, SetAside::Kind::Signature);
        QCOMPARE(quotes.size(), size_t(1));
        QCOMPARE(signatures.size(), size_t(1));
        QVERIFY(quotes[0]->range.slice(doc.text).startsWith(u"On Mon, 3 Apr 2023, Grace Hopper wrote:"));
        QVERIFY(quotes[0]->range.slice(doc.text).contains(u"Are the looms in Lyon working yet?"));
        QCOMPARE(signatures[0]->range.slice(doc.text).toString(), QStringLiteral("Ada Byron\nWorkshop of the Analytical Engine"));
        // Kept in the text, left out of the blocks and sentences extraction reads.
        QVERIFY(!inBlocks(doc, u"repair shop"));
        QVERIFY(!inBlocks(doc, u"Workshop of the Analytical Engine"));
        for (const TextRange &s : doc.sentences)
            QVERIFY(!s.slice(doc.text).contains(u"Grace Hopper wrote"));
        QVERIFY(inBlocks(doc, u"Margaret Hamilton checked every pattern"));
    }

    void read_base64Alternative_readOnceAndAttachmentListedNotRead()
    {
        const Read r = readMail(QStringLiteral("report.eml"));
        QVERIFY(r.doc);
        const Document &doc = *r.doc;
        QCOMPARE(doc.title, QStringLiteral("Tabulator report \u2013 1890"));
        QCOMPARE(doc.text.count(u"The census tabulator built by Herman Hollerith"), 1);
        QVERIFY2(doc.text.contains(u"counted the cards of 1890 in a fraction of the time."), qPrintable(doc.text));
        QVERIFY(!doc.text.contains(u"<b>"));
        QVERIFY(!doc.text.contains(u"not read"));
        const auto attachments = asides(doc, SetAside::Kind::Attachment);
        QCOMPARE(attachments.size(), size_t(1));
        QCOMPARE(attachments[0]->label, QStringLiteral("ledger.pdf (application/pdf)"));
        QVERIFY(attachments[0]->range.isEmpty());
        QCOMPARE(doc.date.date.toIsoString(), QStringLiteral("1890-03-14")); // before 1970 too
    }

    void read_htmlOnlyMessageDetectedByHeaders_readThroughHtmlReader()
    {
        const Read r = readMail(QStringLiteral("newsletter.txt"));
        QVERIFY(r.doc);
        const Document &doc = *r.doc;
        QCOMPARE(doc.format, DocumentFormat::Email);
        QCOMPARE(doc.title, QStringLiteral("Mill news"));
        QCOMPARE(doc.blocks.front().kind, Block::Kind::Heading);
        QVERIFY(doc.text.contains(u"praised the \u201Cpatient\u201D work"));
        QVERIFY(doc.text.contains(u"The engine\u2019s store"));
        QVERIFY(!doc.text.contains(u"<p>"));
        QVERIFY(!doc.text.contains(u"ignored")); // the part's <title> is not the message's
    }

    void read_bounce_quotedHeadersAndReportSetAside()
    {
        const Read r = readMail(QStringLiteral("bounce.eml"));
        QVERIFY(r.doc);
        const Document &doc = *r.doc;
        QVERIFY(inBlocks(doc, u"Your letter about the Jacquard loom could not be delivered"));
        QVERIFY(inBlocks(doc, u"for help."));
        const auto headers = asides(doc, SetAside::Kind::Headers);
        QCOMPARE(headers.size(), size_t(1));
        QVERIFY(headers[0]->range.slice(doc.text).startsWith(u"Received: from mail.example.net"));
        QVERIFY(headers[0]->range.slice(doc.text).endsWith(u"From: Ada <ada@example.net>"));
        // Not read: the quoted fields, and the machine-readable report (listed as an attachment).
        QVERIFY(!inBlocks(doc, u"ESMTP"));
        QVERIFY(!inBlocks(doc, u"X-Mailer"));
        QVERIFY(!doc.text.contains(u"Reporting-MTA"));
        const auto attachments = asides(doc, SetAside::Kind::Attachment);
        QCOMPARE(attachments.size(), size_t(1));
        QCOMPARE(attachments[0]->label, QStringLiteral("unnamed (message/delivery-status)"));
    }

    void read_mbox_everyMessageReadWithHeadingAndEarliestDate()
    {
        const Read r = readMail(QStringLiteral("archive.mbox"));
        QVERIFY(r.doc);
        const Document &doc = *r.doc;
        QCOMPARE(doc.title, QStringLiteral("archive"));
        QCOMPARE(doc.metadataValue(QStringLiteral("messages")), QStringLiteral("3"));
        QStringList headings;
        for (const Block &b : doc.blocks) {
            if (b.kind == Block::Kind::Heading)
                headings << b.range.slice(doc.text).toString();
        }
        // A reply's "Re: " stays in the text, outside the heading extraction reads.
        QCOMPARE(headings, (QStringList{QStringLiteral("Notes on the engine"), QStringLiteral("Notes on the engine"),
                                       QStringLiteral("Printing the memoir")}));
        QVERIFY(doc.text.contains(u"Re: Notes on the engine"));
        QCOMPARE(doc.date.date.toIsoString(), QStringLiteral("1842-11-06"));
        QVERIFY(!doc.text.contains(u"From: "));
        QVERIFY(!doc.text.contains(u"Content-Type"));
        // Hard-wrapped lines joined; format=flowed soft breaks joined.
        QVERIFY(doc.text.contains(u"Ada Lovelace has agreed"));
        QVERIFY(doc.text.contains(u"Note G shows how the engine could compute"));
        QCOMPARE(asides(doc, SetAside::Kind::Quote).size(), size_t(1));
    }
};

QTEST_GUILESS_MAIN(EmailReaderTest)
#include "emailreader_test.moc"
