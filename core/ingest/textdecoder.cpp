#include "textdecoder.h"

#include <QStringDecoder>

#include <uchardet/uchardet.h>

#include <array>
#include <cctype>
#include <memory>

namespace carto::ingest {

namespace {

// Windows-1252 code points for bytes 0x80..0x9F. The five undefined slots map to
// the C1 control of the same value, as browsers do, so they round-trip.
constexpr std::array<char16_t, 32> kCp1252High = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

// Byte that a character would have in Windows-1252, or -1 when it has none
// (ASCII is excluded on purpose: mojibake runs are made of high bytes only).
int cp1252Byte(char16_t c)
{
    if (c >= 0xA0 && c <= 0xFF)
        return c;
    if (c >= 0x80 && c < 0xA0)
        return c; // C1 controls from lenient decoders
    for (int i = 0; i < 32; ++i) {
        if (kCp1252High[size_t(i)] == c)
            return 0x80 + i;
    }
    return -1;
}

// Length of a valid UTF-8 sequence starting at bytes[i] (2..4), or 0.
int validUtf8Sequence(const std::vector<unsigned char> &bytes, size_t i, char32_t *codePoint)
{
    const unsigned char lead = bytes[i];
    int length = 0;
    char32_t cp = 0;
    unsigned char lo = 0x80;
    unsigned char hi = 0xBF;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2;
        cp = lead & 0x1F;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3;
        cp = lead & 0x0F;
        if (lead == 0xE0)
            lo = 0xA0;
        if (lead == 0xED)
            hi = 0x9F; // no surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4;
        cp = lead & 0x07;
        if (lead == 0xF0)
            lo = 0x90;
        if (lead == 0xF4)
            hi = 0x8F;
    } else {
        return 0;
    }
    if (i + size_t(length) > bytes.size())
        return 0;
    for (int k = 1; k < length; ++k) {
        const unsigned char b = bytes[i + size_t(k)];
        const unsigned char min = k == 1 ? lo : 0x80;
        const unsigned char max = k == 1 ? hi : 0xBF;
        if (b < min || b > max)
            return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    *codePoint = cp;
    return length;
}

QString detectCharset(QByteArrayView bytes)
{
    std::unique_ptr<std::remove_pointer_t<uchardet_t>, decltype(&uchardet_delete)> detector(uchardet_new(),
                                                                                             &uchardet_delete);
    if (!detector)
        return {};
    // uchardet needs little text to decide; 64 KB keeps it cheap on large files.
    const qsizetype sample = std::min<qsizetype>(bytes.size(), 64 * 1024);
    if (uchardet_handle_data(detector.get(), bytes.data(), size_t(sample)) != 0)
        return {};
    uchardet_data_end(detector.get());
    return QString::fromLatin1(uchardet_get_charset(detector.get())).toUpper();
}

// Decodes with the charset the bytes declare, when it is a real, non-UTF-8
// charset that reads them without errors.
bool decodeDeclared(QByteArrayView bytes, QByteArrayView declared, DecodedText &result)
{
    QByteArray name = declared.toByteArray().trimmed().toLower();
    if (name.isEmpty() || name == "utf-8" || name == "utf8")
        return false;
    if (name == "iso-8859-1" || name == "latin1" || name == "us-ascii" || name == "ascii" || name == "iso8859-1"
        || name == "windows-1252" || name == "cp1252") {
        result.text = TextDecoder::decodeWindows1252(bytes);
        result.encoding = QStringLiteral("WINDOWS-1252");
        return true;
    }
    QStringDecoder decoder(name.constData());
    if (!decoder.isValid())
        return false;
    QString text = decoder.decode(bytes);
    if (decoder.hasError() || text.contains(QChar::ReplacementCharacter))
        return false;
    result.text = std::move(text);
    result.encoding = QString::fromLatin1(name).toUpper();
    return true;
}

} // namespace

QString TextDecoder::decodeWindows1252(QByteArrayView bytes)
{
    QString out(bytes.size(), Qt::Uninitialized);
    QChar *dst = out.data();
    for (qsizetype i = 0; i < bytes.size(); ++i) {
        const auto b = static_cast<unsigned char>(bytes[i]);
        dst[i] = (b >= 0x80 && b < 0xA0) ? QChar(kCp1252High[size_t(b - 0x80)]) : QChar(char16_t(b));
    }
    return out;
}

bool TextDecoder::repairMojibake(QString &text)
{
    bool changed = false;
    QString out;
    qsizetype copiedUpTo = 0;
    const qsizetype n = text.size();
    const QString &source = text; // const access: no detach check per character
    std::vector<unsigned char> bytes;
    for (qsizetype i = 0; i < n;) {
        const char16_t c = source[i].unicode();
        if (c < 0x80 || cp1252Byte(c) < 0) {
            ++i;
            continue;
        }
        // Collect the run of characters that all have a Windows-1252 byte.
        const qsizetype runStart = i;
        bytes.clear();
        while (i < n) {
            const int b = cp1252Byte(source[i].unicode());
            if (b < 0)
                break;
            bytes.push_back(static_cast<unsigned char>(b));
            ++i;
        }
        if (bytes.size() < 2)
            continue;
        QString repaired;
        bool runChanged = false;
        for (size_t j = 0; j < bytes.size();) {
            char32_t cp = 0;
            const int len = validUtf8Sequence(bytes, j, &cp);
            if (len > 0) {
                repaired += QString::fromUcs4(&cp, 1);
                j += size_t(len);
                runChanged = true;
            } else {
                repaired += source[runStart + qsizetype(j)];
                ++j;
            }
        }
        if (runChanged) {
            out += QStringView(source).mid(copiedUpTo, runStart - copiedUpTo);
            out += repaired;
            copiedUpTo = i;
            changed = true;
        }
    }
    if (changed) {
        out += QStringView(text).mid(copiedUpTo);
        text = out;
    }
    return changed;
}

void TextDecoder::clean(QString &text)
{
    // Fast check first: most files need nothing.
    bool needed = false;
    for (const QChar ch : std::as_const(text)) {
        const char16_t c = ch.unicode();
        if ((c < 0x20 && c != u'\n' && c != u'\t') || (c >= 0x7F && c <= 0xA0) || c == 0xFEFF || c == 0x2028
            || c == 0x2029) {
            needed = true;
            break;
        }
    }
    if (!needed)
        return;
    QString out;
    out.reserve(text.size());
    const qsizetype n = text.size();
    for (qsizetype i = 0; i < n; ++i) {
        const char16_t c = text[i].unicode();
        if (c == u'\r') {
            out += u'\n';
            if (i + 1 < n && text[i + 1] == u'\n')
                ++i;
        } else if (c == 0x2028 || c == 0x2029) {
            out += u'\n';
        } else if (c == 0xA0) {
            out += u' ';
        } else if ((c < 0x20 && c != u'\n' && c != u'\t') || (c >= 0x7F && c < 0xA0) || c == 0xFEFF) {
            continue;
        } else {
            out += QChar(c);
        }
    }
    text = out;
}

std::optional<QStringConverter::Encoding> TextDecoder::detectUtf16WithoutBom(QByteArrayView bytes)
{
    const qsizetype units = std::min<qsizetype>(bytes.size(), 8192) / 2;
    if (units < 2)
        return std::nullopt;
    qsizetype zeroEven = 0;
    qsizetype zeroOdd = 0;
    for (qsizetype i = 0; i < units; ++i) {
        zeroEven += bytes[2 * i] == 0 ? 1 : 0;
        zeroOdd += bytes[2 * i + 1] == 0 ? 1 : 0;
    }
    // Three in five units in the Latin-1 range, and (almost) no U+0000.
    std::optional<QStringConverter::Encoding> encoding;
    if (zeroOdd * 5 >= units * 3 && zeroEven * 100 <= units)
        encoding = QStringConverter::Utf16LE;
    else if (zeroEven * 5 >= units * 3 && zeroOdd * 100 <= units)
        encoding = QStringConverter::Utf16BE;
    if (!encoding)
        return std::nullopt;
    // Binary data can show the same pattern (16-bit samples, tables): require text.
    QStringDecoder decoder(*encoding, QStringDecoder::Flag::Stateless);
    const QString sample = decoder.decode(bytes.first(units * 2));
    qsizetype printable = 0;
    for (const QChar c : sample) {
        const bool text = c.isPrint() || c == u'\n' || c == u'\r' || c == u'\t';
        printable += text && c != QChar::ReplacementCharacter ? 1 : 0;
    }
    if (printable * 100 < sample.size() * 95)
        return std::nullopt;
    return encoding;
}

QByteArray TextDecoder::declaredHtmlCharset(QByteArrayView bytes)
{
    const QByteArray head = bytes.first(std::min<qsizetype>(bytes.size(), 2048)).toByteArray().toLower();
    qsizetype at = head.indexOf("charset=");
    if (at < 0 || head.lastIndexOf("<meta", at) < 0)
        return {};
    at += 8;
    while (at < head.size() && (head[at] == '"' || head[at] == '\'' || head[at] == ' '))
        ++at;
    qsizetype end = at;
    while (end < head.size() && (std::isalnum(static_cast<unsigned char>(head[end])) || head[end] == '-' || head[end] == '_'))
        ++end;
    return head.mid(at, end - at);
}

void TextDecoder::normalize(QString &text)
{
    bool ligatures = false;
    for (const QChar c : std::as_const(text)) {
        if (c.unicode() >= 0xFB00 && c.unicode() <= 0xFB06) {
            ligatures = true;
            break;
        }
    }
    if (ligatures) {
        static const char16_t *const spelled[] = {u"ff", u"fi", u"fl", u"ffi", u"ffl", u"st", u"st"};
        QString out;
        out.reserve(text.size() + 16);
        for (const QChar c : std::as_const(text)) {
            if (c.unicode() >= 0xFB00 && c.unicode() <= 0xFB06)
                out += QStringView(spelled[c.unicode() - 0xFB00]);
            else
                out += c;
        }
        text = std::move(out);
    }
    // Qt checks quickly whether the text is already NFC and then returns it untouched.
    text = text.normalized(QString::NormalizationForm_C);
}

DecodedText TextDecoder::decode(QByteArrayView bytes)
{
    return decode(bytes, {});
}

DecodedText TextDecoder::decode(QByteArrayView bytes, QByteArrayView declaredCharset)
{
    DecodedText result;
    const auto startsWith = [&](std::initializer_list<unsigned char> bom) {
        if (bytes.size() < qsizetype(bom.size()))
            return false;
        qsizetype i = 0;
        for (unsigned char b : bom) {
            if (static_cast<unsigned char>(bytes[i++]) != b)
                return false;
        }
        return true;
    };

    if (startsWith({0xFF, 0xFE}) || startsWith({0xFE, 0xFF})) {
        const bool le = startsWith({0xFF, 0xFE});
        QStringDecoder decoder(le ? QStringConverter::Utf16LE : QStringConverter::Utf16BE);
        result.text = decoder.decode(bytes.sliced(2));
        result.encoding = le ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        if (decoder.hasError())
            result.warning = QStringLiteral("invalid UTF-16 sequences replaced");
    } else if (const auto utf16 = detectUtf16WithoutBom(bytes)) {
        // Before UTF-8: ASCII in UTF-16 is valid UTF-8, full of NUL characters.
        QStringDecoder decoder(*utf16);
        result.text = decoder.decode(bytes);
        result.encoding = *utf16 == QStringConverter::Utf16LE ? QStringLiteral("UTF-16LE") : QStringLiteral("UTF-16BE");
        if (decoder.hasError())
            result.warning = QStringLiteral("invalid UTF-16 sequences replaced");
    } else {
        QStringDecoder utf8(QStringConverter::Utf8);
        result.text = utf8.decode(bytes);
        result.encoding = QStringLiteral("UTF-8");
        if (utf8.hasError() && decodeDeclared(bytes, declaredCharset, result)) {
            // the declared charset read the bytes cleanly
        } else if (utf8.hasError()) {
            const QString charset = detectCharset(bytes);
            if (charset.isEmpty() || charset == u"UTF-8" || charset == u"ASCII") {
                // Mostly UTF-8 with some broken bytes: keep the replacement characters.
                result.warning = QStringLiteral("invalid UTF-8 byte sequences replaced with U+FFFD");
            } else {
                QStringDecoder detected(charset.toLatin1().constData());
                if (detected.isValid()) {
                    result.text = detected.decode(bytes);
                    result.encoding = charset;
                } else {
                    result.text = decodeWindows1252(bytes);
                    result.encoding = QStringLiteral("WINDOWS-1252");
                }
                result.warning = QStringLiteral("not valid UTF-8; decoded as %1").arg(result.encoding);
            }
        }
    }
    result.mojibakeRepaired = repairMojibake(result.text);
    clean(result.text);
    normalize(result.text);
    return result;
}

} // namespace carto::ingest
