#include "analysiscodec.h"

#include "extract/tagger.h"

#include <QDataStream>
#include <QIODevice>

#include <zlib.h>

#include <limits>

namespace carto::cache {

namespace {

constexpr quint32 kMagic = 0x43414E41; // "CANA": Cartograph analysis
// A document's text, a token count or any other count past this is damage.
constexpr quint64 kMaxCount = quint64(1) << 31;

quint32 crc(QByteArrayView bytes)
{
    uLong c = crc32(0L, Z_NULL, 0);
    // zlib takes uInt lengths: feed large payloads in pieces
    for (qsizetype at = 0; at < bytes.size();) {
        const qsizetype n = std::min<qsizetype>(bytes.size() - at, std::numeric_limits<uInt>::max() / 2);
        c = crc32(c, reinterpret_cast<const Bytef *>(bytes.data() + at), static_cast<uInt>(n));
        at += n;
    }
    return static_cast<quint32>(c);
}

// Variable-length integers (7 bits a byte, low first; signed ones zigzagged)
// and strings: QDataStream's fixed-width integers would triple the size of
// token tables whose numbers are nearly all small deltas.
class Packer final
{
public:
    void put(quint64 v)
    {
        while (v >= 0x80) {
            m_bytes.append(static_cast<char>(v | 0x80));
            v >>= 7;
        }
        m_bytes.append(static_cast<char>(v));
    }
    void putSigned(qint64 v) { put((static_cast<quint64>(v) << 1) ^ static_cast<quint64>(v >> 63)); }
    // UTF-8 when the string is valid UTF-16 (most are, and it is half the
    // size), else its UTF-16 code units as they are, so every string comes
    // back exactly.
    void put(const QString &s)
    {
        if (s.isValidUtf16()) {
            const QByteArray utf8 = s.toUtf8();
            put(static_cast<quint64>(utf8.size()) << 1);
            m_bytes.append(utf8);
        } else {
            put((static_cast<quint64>(s.size()) << 1) | 1);
            for (QChar c : s)
                put(c.unicode());
        }
    }
    void put(TextRange r, qsizetype &previous)
    {
        putSigned(r.start - previous);
        putSigned(r.end - r.start);
        previous = r.start;
    }
    void putBytes(QByteArrayView b)
    {
        put(static_cast<quint64>(b.size()));
        m_bytes.append(b);
    }
    [[nodiscard]] const QByteArray &bytes() const { return m_bytes; }

private:
    QByteArray m_bytes;
};

class Unpacker final
{
public:
    explicit Unpacker(QByteArrayView bytes)
        : m_bytes(bytes)
    {
    }

    [[nodiscard]] bool ok() const { return m_ok; }
    [[nodiscard]] bool atEnd() const { return m_at == m_bytes.size(); }
    [[nodiscard]] QString error() const { return m_error; }
    bool fail(const QString &why)
    {
        if (m_ok)
            m_error = why;
        m_ok = false;
        return false;
    }

    quint64 get()
    {
        quint64 v = 0;
        for (int shift = 0; m_ok; shift += 7) {
            if (m_at >= m_bytes.size() || shift > 63) {
                fail(QStringLiteral("truncated number"));
                return 0;
            }
            const auto c = static_cast<unsigned char>(m_bytes[m_at++]);
            v |= static_cast<quint64>(c & 0x7F) << shift;
            if (!(c & 0x80))
                return v;
        }
        return 0;
    }
    qint64 getSigned()
    {
        const quint64 u = get();
        return static_cast<qint64>(u >> 1) ^ -static_cast<qint64>(u & 1);
    }
    // A count of items that take at least one byte each.
    size_t count()
    {
        const quint64 n = get();
        if (n > kMaxCount || n > static_cast<quint64>(m_bytes.size() - m_at)) {
            fail(QStringLiteral("count past the end"));
            return 0;
        }
        return static_cast<size_t>(n);
    }
    QString string()
    {
        const quint64 head = get();
        const quint64 n = head >> 1;
        if (!m_ok || n > static_cast<quint64>(m_bytes.size() - m_at)) {
            fail(QStringLiteral("string past the end"));
            return {};
        }
        if (!(head & 1)) {
            const QByteArrayView utf8 = m_bytes.sliced(m_at, static_cast<qsizetype>(n));
            m_at += static_cast<qsizetype>(n);
            return QString::fromUtf8(utf8);
        }
        QString s;
        s.reserve(static_cast<qsizetype>(n));
        for (quint64 i = 0; i < n && m_ok; ++i) {
            const quint64 c = get();
            if (c > 0xFFFF)
                fail(QStringLiteral("bad character"));
            s.append(QChar(static_cast<char16_t>(c)));
        }
        return s;
    }
    QByteArrayView bytes()
    {
        const quint64 n = get();
        if (!m_ok || n > static_cast<quint64>(m_bytes.size() - m_at)) {
            fail(QStringLiteral("bytes past the end"));
            return {};
        }
        const QByteArrayView b = m_bytes.sliced(m_at, static_cast<qsizetype>(n));
        m_at += static_cast<qsizetype>(n);
        return b;
    }
    // A range inside a text of `size` code units.
    TextRange range(qsizetype &previous, qsizetype size)
    {
        const qint64 start = previous + getSigned();
        const qint64 length = getSigned();
        if (start < 0 || length < 0 || start > size || length > size - start) {
            fail(QStringLiteral("range outside the text"));
            return {};
        }
        previous = start;
        return {start, start + length};
    }

private:
    QByteArrayView m_bytes;
    qsizetype m_at = 0;
    bool m_ok = true;
    QString m_error;
};

void packDocument(Packer &p, const ingest::Document &d)
{
    p.put(d.title);
    p.put(static_cast<quint64>(d.format));
    p.put(d.encoding);
    p.put(quint64(d.mojibakeRepaired));
    p.put(d.text);
    p.put(static_cast<quint64>(d.metadata.size()));
    for (const auto &[k, v] : d.metadata) {
        p.put(k);
        p.put(v);
    }
    qsizetype at = 0;
    p.put(static_cast<quint64>(d.blocks.size()));
    for (const ingest::Block &b : d.blocks) {
        p.put(static_cast<quint64>(b.kind));
        p.put(b.range, at);
        p.putSigned(b.level);
        p.put(quint64(b.isLinkOnly) | quint64(b.isShouted) << 1 | quint64(b.isChrome) << 2);
    }
    at = 0;
    p.put(static_cast<quint64>(d.sections.size()));
    for (const ingest::Section &s : d.sections) {
        p.put(s.title);
        p.putSigned(s.level);
        p.put(s.heading, at);
        p.put(s.range, at);
    }
    at = 0;
    p.put(static_cast<quint64>(d.sentences.size()));
    for (const TextRange &r : d.sentences)
        p.put(r, at);
    at = 0;
    p.put(static_cast<quint64>(d.timestamps.size()));
    for (const ingest::Timestamp &t : d.timestamps) {
        p.put(t.passage, at);
        p.putSigned(t.seconds);
        p.put(t.label);
    }
    at = 0;
    p.put(static_cast<quint64>(d.wikiLinks.size()));
    for (const ingest::WikiLink &l : d.wikiLinks) {
        p.put(l.range, at);
        p.put(l.target);
    }
    at = 0;
    p.put(static_cast<quint64>(d.links.size()));
    for (const ingest::Link &l : d.links) {
        p.put(l.range, at);
        p.put(l.url);
    }
    at = 0;
    p.put(static_cast<quint64>(d.setAside.size()));
    for (const ingest::SetAside &a : d.setAside) {
        p.put(static_cast<quint64>(a.kind));
        p.put(a.range, at);
        p.put(a.label);
    }
    p.put(quint64(d.chromeMarked));
    p.put(static_cast<quint64>(d.date.source));
    p.put(static_cast<quint64>(d.date.date.precision));
    p.putSigned(d.date.date.year);
    p.putSigned(d.date.date.month);
    p.putSigned(d.date.date.day);
}

bool unpackDocument(Unpacker &u, ingest::Document &d)
{
    d.title = u.string();
    const quint64 format = u.get();
    if (format > static_cast<quint64>(ingest::DocumentFormat::Email))
        return u.fail(QStringLiteral("unknown format"));
    d.format = static_cast<ingest::DocumentFormat>(format);
    d.encoding = u.string();
    d.mojibakeRepaired = u.get() != 0;
    d.text = u.string();
    const qsizetype size = d.text.size();
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i) {
        QString k = u.string();
        d.metadata.emplace_back(std::move(k), u.string());
    }
    qsizetype at = 0;
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i) {
        ingest::Block b;
        const quint64 kind = u.get();
        if (kind > static_cast<quint64>(ingest::Block::Kind::Code))
            return u.fail(QStringLiteral("unknown block kind"));
        b.kind = static_cast<ingest::Block::Kind>(kind);
        b.range = u.range(at, size);
        b.level = static_cast<int>(u.getSigned());
        const quint64 flags = u.get();
        b.isLinkOnly = flags & 1;
        b.isShouted = flags & 2;
        b.isChrome = flags & 4;
        d.blocks.push_back(b);
    }
    at = 0;
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i) {
        ingest::Section s;
        s.title = u.string();
        s.level = static_cast<int>(u.getSigned());
        s.heading = u.range(at, size);
        s.range = u.range(at, size);
        d.sections.push_back(std::move(s));
    }
    at = 0;
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i)
        d.sentences.push_back(u.range(at, size));
    at = 0;
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i) {
        ingest::Timestamp t;
        t.passage = u.range(at, size);
        t.seconds = static_cast<int>(u.getSigned());
        t.label = u.string();
        d.timestamps.push_back(std::move(t));
    }
    at = 0;
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i) {
        ingest::WikiLink l;
        l.range = u.range(at, size);
        l.target = u.string();
        d.wikiLinks.push_back(std::move(l));
    }
    at = 0;
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i) {
        ingest::Link l;
        l.range = u.range(at, size);
        l.url = u.string();
        d.links.push_back(std::move(l));
    }
    at = 0;
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i) {
        ingest::SetAside a;
        const quint64 kind = u.get();
        if (kind > static_cast<quint64>(ingest::SetAside::Kind::Headers))
            return u.fail(QStringLiteral("unknown set-aside kind"));
        a.kind = static_cast<ingest::SetAside::Kind>(kind);
        a.range = u.range(at, size);
        a.label = u.string();
        d.setAside.push_back(std::move(a));
    }
    d.chromeMarked = u.get() != 0;
    const quint64 source = u.get();
    const quint64 precision = u.get();
    if (source > static_cast<quint64>(ingest::DocumentDate::Source::FileName)
        || precision > static_cast<quint64>(PartialDate::Precision::Day))
        return u.fail(QStringLiteral("unknown date"));
    d.date.source = static_cast<ingest::DocumentDate::Source>(source);
    d.date.date.precision = static_cast<PartialDate::Precision>(precision);
    d.date.date.year = static_cast<int>(u.getSigned());
    d.date.date.month = static_cast<int>(u.getSigned());
    d.date.date.day = static_cast<int>(u.getSigned());
    return u.ok();
}

void packAnalysis(Packer &p, const extract::DocumentAnalysis &a)
{
    p.put(static_cast<quint64>(a.formCount));
    p.put(static_cast<quint64>(a.tokens.size()));
    qsizetype end = 0;
    for (const extract::Token &t : a.tokens) {
        p.putSigned(t.start - end);
        p.put(static_cast<quint64>(t.end - t.start));
        p.put(t.flags);
        p.put(t.isWord() ? static_cast<quint64>(t.form) << 1 : (static_cast<quint64>(t.punct) << 1) | 1);
        end = t.end;
    }
    p.put(static_cast<quint64>(a.sentences.size()));
    qsizetype at = 0;
    std::int32_t unit = 0;
    for (const extract::UnitSentence &s : a.sentences) {
        p.put(static_cast<quint64>(s.sentence.tokEnd - s.sentence.tokBegin));
        p.put(s.sentence.range, at);
        p.put(static_cast<quint64>(s.unit - unit));
        p.put(quint64(s.unitCaseUnreliable));
        unit = s.unit;
    }
    p.putBytes(QByteArrayView(reinterpret_cast<const char *>(a.tags.data()), static_cast<qsizetype>(a.tags.size())));
}

// Beyond the sizes, what the extractor relies on: tokens of at least one
// character inside the text (punctuation of exactly one), forms numbered in
// order of first use, sentences covering the tokens in order, one known tag
// per token.
bool unpackAnalysis(Unpacker &u, extract::DocumentAnalysis &a, qsizetype textSize)
{
    const quint64 forms = u.get();
    if (forms > kMaxCount)
        return u.fail(QStringLiteral("too many forms"));
    a.formCount = static_cast<std::int32_t>(forms);
    const size_t tokens = u.count();
    a.tokens.reserve(tokens);
    qsizetype end = 0;
    std::int32_t nextForm = 0;
    for (size_t i = 0; i < tokens && u.ok(); ++i) {
        extract::Token t;
        const qint64 start = end + u.getSigned();
        const quint64 length = u.get();
        const quint64 flags = u.get();
        const quint64 what = u.get();
        if (start < 0 || start > textSize || length == 0 || length > static_cast<quint64>(textSize - start)
            || flags > 0xFFFF)
            return u.fail(QStringLiteral("token outside the text"));
        t.start = static_cast<std::int32_t>(start);
        t.end = static_cast<std::int32_t>(start + static_cast<qint64>(length));
        t.flags = static_cast<std::uint16_t>(flags);
        if (what & 1) {
            // One character, or an address (e-mail, URL) spanning several.
            if ((what >> 1) > 0xFFFF || (length != 1 && (what >> 1) != extract::kAddressMark))
                return u.fail(QStringLiteral("bad punctuation"));
            t.punct = static_cast<char16_t>(what >> 1);
        } else {
            const quint64 form = what >> 1;
            if (form > static_cast<quint64>(nextForm) || form >= forms)
                return u.fail(QStringLiteral("form out of order"));
            t.form = static_cast<std::int32_t>(form);
            if (t.form == nextForm)
                ++nextForm;
        }
        end = t.end;
        a.tokens.push_back(t);
    }
    if (u.ok() && nextForm != a.formCount)
        return u.fail(QStringLiteral("form count mismatch"));
    const size_t sentences = u.count();
    qsizetype at = 0;
    std::int32_t tok = 0;
    std::int32_t unit = 0;
    for (size_t i = 0; i < sentences && u.ok(); ++i) {
        extract::UnitSentence s;
        const quint64 length = u.get();
        s.sentence.range = u.range(at, textSize);
        const quint64 unitStep = u.get();
        s.unitCaseUnreliable = u.get() != 0;
        if (length == 0 || length > a.tokens.size() - static_cast<size_t>(tok) || unitStep > kMaxCount - unit)
            return u.fail(QStringLiteral("sentence outside the tokens"));
        s.sentence.tokBegin = tok;
        s.sentence.tokEnd = tok + static_cast<std::int32_t>(length);
        s.unit = unit + static_cast<std::int32_t>(unitStep);
        tok = s.sentence.tokEnd;
        unit = s.unit;
        a.sentences.push_back(s);
    }
    if (u.ok() && static_cast<size_t>(tok) != a.tokens.size())
        return u.fail(QStringLiteral("tokens outside the sentences"));
    const QByteArrayView tags = u.bytes();
    if (u.ok() && static_cast<size_t>(tags.size()) != a.tokens.size())
        return u.fail(QStringLiteral("tag count mismatch"));
    a.tags.assign(tags.begin(), tags.end());
    for (std::uint8_t tag : a.tags) {
        if (tag > static_cast<std::uint8_t>(extract::PosTag::None))
            return u.fail(QStringLiteral("unknown tag"));
    }
    return u.ok();
}

} // namespace

QByteArray AnalysisCodec::encode(const CachedDocument &entry)
{
    Packer p;
    packDocument(p, entry.document);
    p.put(static_cast<quint64>(entry.problems.size()));
    for (const Problem &problem : entry.problems) {
        p.put(static_cast<quint64>(problem.severity));
        p.put(problem.message);
    }
    packAnalysis(p, entry.analysis);

    QByteArray blob;
    QDataStream out(&blob, QIODevice::WriteOnly);
    out.setVersion(QDataStream::Qt_6_4);
    out << kMagic << kFormatVersion << crc(p.bytes()) << p.bytes();
    return blob;
}

std::optional<CachedDocument> AnalysisCodec::decode(QByteArrayView blob, QString *error, bool verifyChecksum)
{
    const auto refuse = [&](const QString &why) -> std::optional<CachedDocument> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    // The header by hand: QDataStream would copy the payload out first.
    constexpr qsizetype kHeader = 16; // magic, version, CRC, payload size (QByteArray's prefix)
    if (blob.size() < kHeader)
        return refuse(QStringLiteral("truncated header"));
    const QByteArray header = blob.first(kHeader).toByteArray();
    QDataStream in(header);
    in.setVersion(QDataStream::Qt_6_4);
    quint32 magic = 0;
    quint32 version = 0;
    quint32 checksum = 0;
    quint32 size = 0;
    in >> magic >> version >> checksum >> size;
    if (magic != kMagic)
        return refuse(QStringLiteral("not an analysis"));
    if (version != kFormatVersion)
        return refuse(QStringLiteral("analysis format %1, expected %2").arg(version).arg(kFormatVersion));
    if (static_cast<qsizetype>(size) != blob.size() - kHeader)
        return refuse(QStringLiteral("truncated analysis"));
    const QByteArrayView payload = blob.sliced(kHeader);
    if (verifyChecksum && crc(payload) != checksum)
        return refuse(QStringLiteral("checksum mismatch"));

    Unpacker u(payload);
    CachedDocument entry;
    unpackDocument(u, entry.document);
    for (size_t n = u.count(), i = 0; i < n && u.ok(); ++i) {
        Problem problem;
        const quint64 severity = u.get();
        if (severity > static_cast<quint64>(Problem::Severity::Error)) {
            u.fail(QStringLiteral("unknown severity"));
            break;
        }
        problem.severity = static_cast<Problem::Severity>(severity);
        problem.message = u.string();
        entry.problems.push_back(std::move(problem));
    }
    if (u.ok())
        unpackAnalysis(u, entry.analysis, entry.document.text.size());
    if (u.ok() && !u.atEnd())
        u.fail(QStringLiteral("trailing bytes"));
    if (!u.ok())
        return refuse(u.error());
    return entry;
}

} // namespace carto::cache
