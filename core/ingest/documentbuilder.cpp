#include "documentbuilder.h"

#include "sentencesplitter.h"

#include <algorithm>

namespace carto::ingest {

namespace {

bool isDroppedControl(char16_t c)
{
    return (c < 0x20 && c != u'\n' && c != u'\t') || (c >= 0x7F && c < 0xA0) || c == 0xFEFF || c == 0x200B;
}

bool attachesLeft(QChar c)
{
    switch (c.unicode()) {
    case u'.':
    case u',':
    case u';':
    case u':':
    case u'!':
    case u'?':
    case u')':
        return true;
    default:
        return false;
    }
}

// Which characters of the text lie inside a link or wiki link, found in one
// pass with a difference array: testing every link against every block was
// quadratic (100,000 linked paragraphs took minutes).
std::vector<char> linkedCharacters(const Document &doc)
{
    const qsizetype n = doc.text.size();
    std::vector<int> delta(size_t(n) + 1, 0);
    const auto mark = [&](TextRange r) {
        if (r.start >= 0 && r.start < r.end && r.end <= n) {
            ++delta[size_t(r.start)];
            --delta[size_t(r.end)];
        }
    };
    for (const Link &l : doc.links)
        mark(l.range);
    for (const WikiLink &w : doc.wikiLinks)
        mark(w.range);
    std::vector<char> linked(size_t(n), 0);
    int open = 0;
    for (qsizetype i = 0; i < n; ++i) {
        open += delta[size_t(i)];
        linked[size_t(i)] = open > 0 ? 1 : 0;
    }
    return linked;
}

// Whether at least 80% of a block's visible characters belong to links.
bool mostlyLinks(const Document &doc, const Block &block, const std::vector<char> &linked)
{
    qsizetype visible = 0;
    qsizetype inLinks = 0;
    for (qsizetype i = block.range.start; i < block.range.end; ++i) {
        if (doc.text[i].isSpace())
            continue;
        ++visible;
        inLinks += linked[size_t(i)];
    }
    return visible > 0 && inLinks * 10 >= visible * 8;
}

// Whether a chunk may not be NFC. Parsers resolve entities and references
// after TextDecoder normalised the bytes, so "e&#x301;" reaches the builder as
// a letter and a combining mark; no character below U+0300 ever changes under NFC.
bool mayNeedNfc(QStringView text)
{
    return std::any_of(text.begin(), text.end(), [](QChar c) { return c.unicode() >= 0x300; });
}

} // namespace

bool looksShouted(QStringView text)
{
    qsizetype upper = 0;
    qsizetype lower = 0;
    for (const QChar c : text) {
        const char16_t u = c.unicode();
        if (u >= u'a' && u <= u'z') {
            ++lower;
        } else if (u >= u'A' && u <= u'Z') {
            ++upper;
        } else if (u > 0x7F && c.isLetter()) {
            upper += c.isUpper() ? 1 : 0;
            lower += c.isUpper() ? 0 : 1;
        }
        // Prose settles it within a few hundred letters; long blocks need not be counted to the end.
        if (lower > 400 && lower > upper * 2)
            return false;
    }
    return upper + lower >= 12 && upper * 10 >= (upper + lower) * 6;
}

void DocumentBuilder::appendDocument(Document &into, const Document &part)
{
    if (part.text.isEmpty())
        return;
    if (!into.text.isEmpty())
        into.text += QStringLiteral("\n\n");
    const qsizetype shift = into.text.size();
    into.text += part.text;
    const auto moved = [shift](TextRange r) { return r.isEmpty() && r.start == 0 ? r : TextRange{r.start + shift, r.end + shift}; };
    for (Block b : part.blocks) {
        b.range = moved(b.range);
        into.blocks.push_back(b);
    }
    for (Link l : part.links) {
        l.range = moved(l.range);
        into.links.push_back(l);
    }
    for (WikiLink w : part.wikiLinks) {
        w.range = moved(w.range);
        into.wikiLinks.push_back(w);
    }
    for (SetAside a : part.setAside) {
        a.range = moved(a.range);
        into.setAside.push_back(a);
    }
}

bool looksLikeTitle(QStringView line)
{
    line = line.trimmed();
    if (line.isEmpty() || line.size() > 150)
        return false;
    bool letters = false;
    for (const QChar c : line)
        letters = letters || c.isLetter();
    if (!letters)
        return false;
    const QChar last = line.back();
    return last != u'.' && last != u',' && last != u';' && last != u':';
}

DocumentBuilder::DocumentBuilder(Document &document)
    : m_doc(document)
{
}

void DocumentBuilder::setBlockKind(Block::Kind kind, int level, bool linkOnly)
{
    m_kind = kind;
    m_level = level;
    m_linkOnly = linkOnly;
}

void DocumentBuilder::closeBlock()
{
    if (m_blockOpen) {
        // A trailing <br> or code newline is not part of the block.
        while (m_doc.text.size() > m_doc.blocks.back().range.start && m_doc.text.back().isSpace())
            m_doc.text.chop(1);
        m_doc.blocks.back().range.end = m_doc.text.size();
        m_blockOpen = false;
    }
    m_pendingSpace = false;
}

void DocumentBuilder::ensureBlock()
{
    if (m_blockOpen)
        return;
    if (!m_doc.text.isEmpty())
        m_doc.text += QStringLiteral("\n\n");
    Block block;
    block.kind = m_kind;
    block.level = m_level;
    block.isChrome = m_chrome;
    block.range = TextRange{m_doc.text.size(), m_doc.text.size()};
    m_doc.blocks.push_back(block);
    m_forcedLinkOnly.push_back(m_linkOnly ? 1 : 0);
    m_blockOpen = true;
    m_pendingSpace = false;
}

void DocumentBuilder::appendVisible(QChar c)
{
    ensureBlock();
    if (m_afterAnchor && m_pendingSpace && attachesLeft(c))
        m_pendingSpace = false;
    m_afterAnchor = false;
    if (m_pendingSpace && !m_doc.text.isEmpty() && !m_doc.text.back().isSpace())
        m_doc.text += u' ';
    m_pendingSpace = false;
    if (!m_unresolvedMarks.empty()) {
        for (const int mark : m_unresolvedMarks)
            m_markStarts[size_t(mark)] = m_doc.text.size();
        m_unresolvedMarks.clear();
    }
    m_doc.text += c;
}

void DocumentBuilder::appendText(QStringView text)
{
    if (!mayNeedNfc(text)) {
        appendNfcText(text);
        return;
    }
    composeWithPrevious(text);
    const QString nfc = text.toString().normalized(QString::NormalizationForm_C);
    appendNfcText(nfc);
}

void DocumentBuilder::composeWithPrevious(QStringView &text)
{
    // md4c reports "Zoe&#x308;" as a text and an entity: a combining mark that
    // arrives apart from its letter composes with the letter already written.
    qsizetype marks = 0;
    while (marks < text.size() && text[marks].combiningClass() != 0)
        ++marks;
    const qsizetype n = m_doc.text.size();
    if (marks == 0 || !m_blockOpen || m_pendingSpace || n == 0 || m_doc.text.back().isSpace())
        return;
    const qsizetype base = n >= 2 && m_doc.text[n - 1].isLowSurrogate() ? 2 : 1;
    QString joined = m_doc.text.right(base);
    joined += text.first(marks);
    m_doc.text.chop(base);
    m_doc.text += joined.normalized(QString::NormalizationForm_C);
    text = text.sliced(marks);
}

void DocumentBuilder::appendNfcText(QStringView text)
{
    for (const QChar c : text) {
        if (c.isSpace()) {
            m_pendingSpace = m_blockOpen;
        } else if (!isDroppedControl(c.unicode())) {
            appendVisible(c);
        }
    }
}

void DocumentBuilder::appendVerbatim(QStringView text)
{
    QString nfc;
    if (mayNeedNfc(text)) {
        nfc = text.toString().normalized(QString::NormalizationForm_C);
        text = nfc;
    }
    for (const QChar c : text) {
        if (c == u'\n' || c == u'\t' || c == u' ') {
            if (m_blockOpen) {
                m_pendingSpace = false;
                m_doc.text += c == u'\t' ? u' ' : c;
            }
        } else if (!isDroppedControl(c.unicode())) {
            appendVisible(c);
        }
    }
}

void DocumentBuilder::lineBreak()
{
    if (m_blockOpen && !m_doc.text.isEmpty() && m_doc.text.back() != u'\n') {
        m_doc.text += u'\n';
        m_pendingSpace = false;
    }
}

int DocumentBuilder::beginMark()
{
    m_markStarts.push_back(-1);
    const int mark = int(m_markStarts.size()) - 1;
    m_unresolvedMarks.push_back(mark);
    return mark;
}

TextRange DocumentBuilder::endMark(int mark)
{
    const qsizetype start = m_markStarts[size_t(mark)];
    if (start < 0) {
        // Marks close innermost first, so this is nearly always the last one:
        // erasing from the front each time made 100,000 empty links quadratic.
        if (!m_unresolvedMarks.empty() && m_unresolvedMarks.back() == mark)
            m_unresolvedMarks.pop_back();
        else
            std::erase(m_unresolvedMarks, mark);
        return {};
    }
    qsizetype end = m_doc.text.size();
    while (end > start && m_doc.text[end - 1].isSpace())
        --end;
    return TextRange{start, end};
}

void DocumentBuilder::addTimestamp(int seconds, const QString &label)
{
    Timestamp ts;
    ts.seconds = seconds;
    ts.label = label;
    // The passage is resolved in finalize(); until then it marks the anchor position.
    ts.passage = TextRange{m_doc.text.size(), m_doc.text.size()};
    m_doc.timestamps.push_back(ts);
    m_afterAnchor = true;
}

void DocumentBuilder::finish(const QString &fallbackTitle)
{
    closeBlock();
    for (size_t i = 0; i < m_doc.blocks.size() && i < m_forcedLinkOnly.size(); ++i)
        m_doc.blocks[i].isLinkOnly = m_forcedLinkOnly[i] != 0;
    finalize(m_doc, fallbackTitle);
}

void DocumentBuilder::finalize(Document &doc, const QString &fallbackTitle)
{
    // Drop blocks that ended up empty (e.g. a paragraph holding only an image).
    std::erase_if(doc.blocks, [](const Block &b) { return b.range.isEmpty(); });

    const bool anyLinks = !doc.links.empty() || !doc.wikiLinks.empty();
    const std::vector<char> linked = anyLinks ? linkedCharacters(doc) : std::vector<char>();
    doc.sentences.clear();
    for (Block &block : doc.blocks) {
        block.isShouted = looksShouted(block.range.slice(doc.text));
        if (anyLinks && !block.isLinkOnly)
            block.isLinkOnly = mostlyLinks(doc, block, linked);
        if (block.kind != Block::Kind::Code)
            SentenceSplitter::split(doc.text, block.range, doc.sentences);
    }

    // Sections: each heading governs the text up to the next heading of the same or higher level.
    doc.sections.clear();
    for (size_t i = 0; i < doc.blocks.size(); ++i) {
        const Block &h = doc.blocks[i];
        if (h.kind != Block::Kind::Heading)
            continue;
        Section section;
        section.level = std::max(1, h.level);
        section.heading = h.range;
        section.title = h.range.slice(doc.text).toString().simplified();
        qsizetype end = doc.blocks.back().range.end;
        for (size_t k = i + 1; k < doc.blocks.size(); ++k) {
            const Block &b = doc.blocks[k];
            if (b.kind == Block::Kind::Heading && std::max(1, b.level) <= section.level) {
                end = doc.blocks[k - 1].range.end;
                break;
            }
        }
        section.range = TextRange{h.range.start, std::max(end, h.range.end)};
        doc.sections.push_back(section);
    }

    // Timestamps close the sentence that ends where the anchor stood.
    for (Timestamp &ts : doc.timestamps) {
        if (!ts.passage.isEmpty())
            continue;
        const qsizetype anchor = ts.passage.start;
        const auto it = std::upper_bound(doc.sentences.begin(), doc.sentences.end(), anchor - 1,
                                         [](qsizetype pos, const TextRange &r) { return pos < r.start; });
        if (it != doc.sentences.begin())
            ts.passage = *std::prev(it);
    }
    std::erase_if(doc.timestamps, [](const Timestamp &ts) { return ts.passage.isEmpty(); });

    if (doc.title.trimmed().isEmpty()) {
        const auto heading = std::find_if(doc.blocks.begin(), doc.blocks.end(),
                                          [](const Block &b) { return b.kind == Block::Kind::Heading; });
        if (heading != doc.blocks.end()) {
            doc.title = heading->range.slice(doc.text).toString();
        } else if (!doc.blocks.empty() && looksLikeTitle(doc.blocks.front().range.slice(doc.text))) {
            doc.title = doc.blocks.front().range.slice(doc.text).toString();
        } else {
            doc.title = fallbackTitle;
        }
    }
    doc.title = doc.title.simplified();
}

} // namespace carto::ingest
