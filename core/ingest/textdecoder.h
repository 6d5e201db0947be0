#pragma once

#include <QByteArrayView>
#include <QString>
#include <QStringConverter>

#include <optional>

namespace carto::ingest {

// Bytes from disk turned into clean UTF-16 text. Used by every reader before parsing.
struct DecodedText
{
    QString text;
    QString encoding;              // "UTF-8", "UTF-16LE", "WINDOWS-1252", ...
    bool mojibakeRepaired = false; // UTF-8 read as Windows-1252 and re-saved was undone
    QString warning;               // non-empty when the bytes were not clean (one line)
};

// Detects the encoding (BOM, UTF-16 zero-byte pattern, UTF-8 validity, then uchardet), decodes, repairs
// mojibake and applies text hygiene. Private to carto_ingest; CorpusReader and
// the format readers call it.
class TextDecoder final
{
public:
    [[nodiscard]] static DecodedText decode(QByteArrayView bytes);
    // The same, preferring a charset the bytes declare (a MIME part's
    // charset parameter, an HTML <meta charset>) when the bytes are not UTF-8
    // and it decodes them without errors; ISO-8859-1 and US-ASCII are read as
    // Windows-1252, as browsers and mail readers do. The result is NFC.
    [[nodiscard]] static DecodedText decode(QByteArrayView bytes, QByteArrayView declaredCharset);

    // The charset an HTML page declares in its first 2 KB (<meta charset=...>
    // or http-equiv Content-Type), lower-case; empty when none.
    [[nodiscard]] static QByteArray declaredHtmlCharset(QByteArrayView bytes);

    // Unicode normalisation form C, so a letter and a combining mark written
    // apart ("a" + U+0308) match the precomposed letter ("ä"); typographic
    // ligatures (U+FB00..FB06: "ﬁ") are spelled out as their letters.
    static void normalize(QString &text);

    // UTF-16 written without a byte-order mark (some Windows tools do): mostly
    // Latin text leaves a zero byte in every other position, high bytes on odd
    // offsets for little-endian, on even ones for big-endian. Detected when the
    // first 8 KB show that pattern and decode to printable text; std::nullopt
    // otherwise (text in non-Latin scripts has no zero bytes to go by).
    [[nodiscard]] static std::optional<QStringConverter::Encoding> detectUtf16WithoutBom(QByteArrayView bytes);

    // Finds runs of characters that map back to Windows-1252 bytes and, where
    // those bytes form valid multi-byte UTF-8 sequences, replaces them with the
    // decoded character. Single accented letters ("café") never form such a
    // sequence, so legitimate text is left alone. Returns true if anything changed.
    static bool repairMojibake(QString &text);

    // Normalises line ends to '\n', NBSP to space, drops BOMs and control
    // characters other than '\n' and '\t'.
    static void clean(QString &text);

    // Windows-1252 decoding by table; used when no better decoder is available.
    [[nodiscard]] static QString decodeWindows1252(QByteArrayView bytes);
};

} // namespace carto::ingest
