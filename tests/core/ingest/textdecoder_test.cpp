#include "ingest/formatdetector.h"
#include "ingest/textdecoder.h"

#include <QFile>
#include <QTest>

using namespace carto::ingest;

class TextDecoderTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void decode_validUtf8_keepsTextAndReportsUtf8()
    {
        const DecodedText d = TextDecoder::decode(QByteArrayView("caf\xC3\xA9 na\xC3\xAFve Z\xC3\xBCrich"));
        QCOMPARE(d.text, QStringLiteral("café naïve Zürich"));
        QCOMPARE(d.encoding, QStringLiteral("UTF-8"));
        QVERIFY(!d.mojibakeRepaired);
        QVERIFY(d.warning.isEmpty());
    }

    void repairMojibake_data()
    {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<bool>("changed");
        QTest::newRow("apostrophe") << QStringLiteral("each othersâ€™ territories") << QStringLiteral("each others’ territories") << true;
        QTest::newRow("e-acute") << QStringLiteral("cafÃ© society") << QStringLiteral("café society") << true;
        QTest::newRow("quotes") << QStringLiteral("â€œHiâ€\u009D") << QStringLiteral("“Hi”") << true;
        QTest::newRow("em dash") << QStringLiteral("yes â€” no") << QStringLiteral("yes — no") << true;
        QTest::newRow("clean accents") << QStringLiteral("café naïve Zürich résumé") << QStringLiteral("café naïve Zürich résumé") << false;
        QTest::newRow("clean symbols") << QStringLiteral("5 € — “quoted” ± 3°") << QStringLiteral("5 € — “quoted” ± 3°") << false;
        QTest::newRow("adjacent accents") << QStringLiteral("Ça été") << QStringLiteral("Ça été") << false;
    }

    void repairMojibake()
    {
        QFETCH(QString, input);
        QFETCH(QString, expected);
        QFETCH(bool, changed);
        QString text = input;
        QCOMPARE(TextDecoder::repairMojibake(text), changed);
        QCOMPARE(text, expected);
    }

    void decode_windows1252File_detectsCharsetAndDecodes()
    {
        QFile file(QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/windows1252.txt"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const DecodedText d = TextDecoder::decode(file.readAll());
        QVERIFY2(d.encoding != u"UTF-8", qPrintable(d.encoding));
        QVERIFY2(d.text.contains(u"Café crème in Zürich was naïve"), qPrintable(d.text));
        QVERIFY(d.text.contains(u"“It’s fine,”"));
        QVERIFY(!d.warning.isEmpty());
        QVERIFY(!d.mojibakeRepaired);
    }

    void decode_invalidUtf8_doesNotCrashAndWarns()
    {
        const QByteArray bytes("Hello \xFF\xFE\xC3 world, this is mostly text.\n");
        const DecodedText d = TextDecoder::decode(bytes);
        QVERIFY(d.text.contains(u"Hello"));
        QVERIFY(d.text.contains(u"world"));
        QVERIFY(!d.warning.isEmpty());
    }

    void decode_utf16WithBom_decodes()
    {
        QByteArray bytes("\xFF\xFE", 2);
        const QString text = QStringLiteral("Zürich text");
        bytes.append(reinterpret_cast<const char *>(text.utf16()), text.size() * 2);
        const DecodedText d = TextDecoder::decode(bytes);
        QCOMPARE(d.text, text);
        QCOMPARE(d.encoding, QStringLiteral("UTF-16LE"));
    }

    void decode_utf16WithoutBom_detectedAndDecoded_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("encoding");
        const QString text = QStringLiteral("Acme Corporation met Globex in Zürich.\nA second line.\n");
        QStringEncoder le(QStringConverter::Utf16LE);
        QStringEncoder be(QStringConverter::Utf16BE);
        QTest::newRow("little-endian") << QByteArray(le.encode(text)) << text << QStringLiteral("UTF-16LE");
        QTest::newRow("big-endian") << QByteArray(be.encode(text)) << text << QStringLiteral("UTF-16BE");
        QFile shared(QStringLiteral(CARTO_SHARED_DIR "/hostile/utf16le-without-bom.txt"));
        QVERIFY2(shared.open(QIODevice::ReadOnly), "shared hostile corpus missing");
        const QByteArray bytes = shared.readAll();
        QStringDecoder utf16(QStringConverter::Utf16LE);
        const QString sharedText = utf16.decode(bytes);
        QTest::newRow("shared reproducer") << bytes << sharedText << QStringLiteral("UTF-16LE");
    }

    void decode_utf16WithoutBom_detectedAndDecoded()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, text);
        QFETCH(QString, encoding);
        QVERIFY(!FormatDetector::isBinary(bytes));
        QCOMPARE(FormatDetector::detect(u"notes.txt", bytes), std::optional(DocumentFormat::PlainText));
        const DecodedText d = TextDecoder::decode(bytes);
        QCOMPARE(d.encoding, encoding);
        QVERIFY(d.text.contains(u"Acme Corporation met Globex"));
        QVERIFY(!d.text.contains(QChar(0)));
        QString cleaned = text;
        TextDecoder::clean(cleaned);
        QCOMPARE(d.text, cleaned);
        QVERIFY(d.warning.isEmpty());
    }

    void detectUtf16WithoutBom_otherBytes_notUtf16_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::newRow("ascii") << QByteArray("Plain ASCII text, nothing to see here.\n");
        QTest::newRow("utf-8") << QStringLiteral("Zürich café naïve résumé").toUtf8();
        QByteArray samples; // 16-bit values below 256 that are not text: controls and high bytes
        for (int i = 0; i < 2000; ++i) {
            samples.append(char(i % 3 == 0 ? 0x01 : 0x90 + i % 16));
            samples.append('\0');
        }
        QTest::newRow("16-bit samples") << samples;
        QTest::newRow("one unit") << QByteArray("A\0", 2);
        QTest::newRow("zeros") << QByteArray(256, '\0');
    }

    void detectUtf16WithoutBom_otherBytes_notUtf16()
    {
        QFETCH(QByteArray, bytes);
        QCOMPARE(TextDecoder::detectUtf16WithoutBom(bytes), std::nullopt);
    }

    void decode_combiningMarksComposedToNfc()
    {
        // "a" + COMBINING DIAERESIS, as PDFs and some editors write it.
        const DecodedText d = TextDecoder::decode(QStringLiteral("Ba\u0308cker und Mu\u0308ller").toUtf8());
        QCOMPARE(d.text, QStringLiteral("B\u00E4cker und M\u00FCller"));
    }

    void normalize_ligaturesSpelledOut()
    {
        QString text = QStringLiteral("\uFB01nance and e\uFB00ort, \uFB02ow");
        TextDecoder::normalize(text);
        QCOMPARE(text, QStringLiteral("finance and effort, flow"));
    }

    void decode_declaredCharsetPreferredWhenItReadsCleanly_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QByteArray>("declared");
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("encoding");
        QTest::newRow("latin-2") << QByteArray("\xA3\xF3" "d\xBC, ma\xB3y") << QByteArray("iso-8859-2")
                                 << QStringLiteral("Łódź, mały") << QStringLiteral("ISO-8859-2");
        QTest::newRow("latin-1 read as windows-1252") << QByteArray("Bronson\x92s caf\xE9") << QByteArray("ISO-8859-1")
                                                      << QStringLiteral("Bronson\u2019s caf\u00E9") << QStringLiteral("WINDOWS-1252");
        QTest::newRow("valid utf-8 wins") << QStringLiteral("café").toUtf8() << QByteArray("iso-8859-1")
                                          << QStringLiteral("café") << QStringLiteral("UTF-8");
        QTest::newRow("unknown charset falls back") << QByteArray("caf\xE9 au lait") << QByteArray("x-no-such-charset")
                                                    << QStringLiteral("café au lait") << QString();
    }

    void decode_declaredCharsetPreferredWhenItReadsCleanly()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QByteArray, declared);
        QFETCH(QString, text);
        QFETCH(QString, encoding);
        const DecodedText d = TextDecoder::decode(bytes, declared);
        QCOMPARE(d.text, text);
        if (!encoding.isEmpty())
            QCOMPARE(d.encoding, encoding);
    }

    void declaredHtmlCharset_fromMetaTags_data()
    {
        QTest::addColumn<QByteArray>("html");
        QTest::addColumn<QByteArray>("charset");
        QTest::newRow("meta charset") << QByteArray("<html><head><meta charset=\"ISO-8859-2\">") << QByteArray("iso-8859-2");
        QTest::newRow("http-equiv") << QByteArray("<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1250\">")
                                    << QByteArray("windows-1250");
        QTest::newRow("none") << QByteArray("<html><body>charset=utf-8 in the text</body>") << QByteArray();
    }

    void declaredHtmlCharset_fromMetaTags()
    {
        QFETCH(QByteArray, html);
        QFETCH(QByteArray, charset);
        QCOMPARE(TextDecoder::declaredHtmlCharset(html), charset);
    }

    void clean_controlCharactersAndLineEnds_normalised()
    {
        QString text = QStringLiteral("a\u0002b\r\nc\u00A0d\re\tf\u0000g\uFEFF");
        TextDecoder::clean(text);
        QCOMPARE(text, QStringLiteral("ab\nc d\ne\tfg"));
    }
};

QTEST_GUILESS_MAIN(TextDecoderTest)
#include "textdecoder_test.moc"
