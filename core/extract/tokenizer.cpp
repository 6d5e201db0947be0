#include "tokenizer.h"

#include "ingest/sentencesplitter.h"

#include <algorithm>

namespace carto::extract {

namespace {

bool isAsciiAlnum(QChar c)
{
    const char16_t u = c.unicode();
    return (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z') || (u >= u'0' && u <= u'9');
}

bool isWordChar(QChar c)
{
    if (c.unicode() < 0x80) // ASCII fast path: the Unicode tables cost a call per character
        return isAsciiAlnum(c);
    return c.isLetterOrNumber() || c.category() == QChar::Mark_NonSpacing;
}

bool isHyphen(QChar c)
{
    return c == u'-' || c == QChar(0x2010) || c == QChar(0x2011);
}

// A hyphen typed for a dash: no English compound ends in an article, so
// "Franklin-the oldest delegate" and "have-a lineitem veto" are two words
// and a dash ("state-of-the-art" goes on past its article and stays one).
bool articleAfterDash(QStringView text, qsizetype from, qsizetype end)
{
    qsizetype j = from;
    while (j < end && text[j].isLetter())
        ++j;
    if (j < end && (isHyphen(text[j]) || text[j] == u'\'' || text[j] == u'\u2019'))
        return false;
    const QStringView word = text.mid(from, j - from);
    return word == u"the" || word == u"a" || word == u"an";
}

bool isApostrophe(QChar c)
{
    return c == u'\'' || c == QChar(0x2019);
}

bool isQuote(QChar c)
{
    return c == u'"' || c == QChar(0x201C) || c == QChar(0x201D) || c == QChar(0x2018) || c == QChar(0x2019)
        || c == QChar(0x00AB) || c == QChar(0x00BB);
}

// After a dot: one to five lower-case letters or digits ending the word, as a
// file extension does ("json", "md", "js", "mp4"); a sentence never goes on so.
bool isFileExtension(QStringView text, qsizetype from, qsizetype end)
{
    qsizetype j = from;
    bool letter = false;
    while (j < end && j - from <= 5 && (text[j].isLower() || text[j].isDigit())) {
        letter = letter || text[j].isLower();
        ++j;
    }
    const bool bounded = j >= end || !(text[j].isLetterOrNumber() || text[j] == u'_' || text[j] == u'.');
    const bool sentenceEnd = j + 1 < end && text[j] == u'.' && text[j + 1].isSpace();
    return letter && j > from && j - from <= 5 && (bounded || sentenceEnd);
}

// "/var/lib/dpkg", "/usr/share/doc/": an absolute path of two or more
// segments, after a space or an opening mark, as one identifier; 0 when the
// slash opens none. (A relative "and/or" stays three words.)
qsizetype unixPathEnd(QStringView text, qsizetype from, qsizetype end, qsizetype rangeStart)
{
    if (from > rangeStart) {
        const QChar before = text[from - 1];
        if (!before.isSpace() && before != u'(' && before != u'[' && before != u'"' && before != u'\'' && before != u'`'
            && before != QChar(0x201C) && before != QChar(0x2018))
            return 0;
    }
    qsizetype j = from;
    int segments = 0;
    while (j + 1 < end && text[j] == u'/' && isWordChar(text[j + 1])) {
        ++j;
        while (j < end && (isWordChar(text[j]) || text[j] == u'_' || text[j] == u'-' || text[j] == u'+'
                           || (text[j] == u'.' && j + 1 < end && isWordChar(text[j + 1]))))
            ++j;
        ++segments;
    }
    if (segments < 2)
        return 0;
    if (j < end && text[j] == u'/' && (j + 1 >= end || (!isWordChar(text[j + 1]) && text[j + 1] != u'/')))
        ++j; // a directory's closing slash
    if (j < end && (isWordChar(text[j]) || text[j] == u'/'))
        return 0; // runs on into something else
    return j;
}

// "inputFileName", "parseHeader", "macOS": a word opening with two or more
// lower-case letters and going on with a capital is written as code, never
// as English prose ("iPhone", "eBay" open with one letter and stay words).
bool isLowerCamel(QStringView word)
{
    qsizetype lower = 0;
    while (lower < word.size() && word[lower].isLower())
        ++lower;
    if (lower < 2 || lower == word.size() || !word[lower].isUpper())
        return false;
    return std::all_of(word.begin() + lower, word.end(), [](QChar c) { return c.isLetterOrNumber(); });
}

// The characters of an address's local part or scheme (RFC 5322's common subset).
bool isAddressChar(QChar c)
{
    return isAsciiAlnum(c) || c == u'.' || c == u'_' || c == u'%' || c == u'+' || c == u'-';
}

// Where a URL ends: at a space, an angle bracket or a quote, less the
// punctuation of the sentence around it (a closing bracket only when the
// URL opened none).
qsizetype urlEnd(QStringView text, qsizetype from, qsizetype end)
{
    qsizetype k = from;
    int unmatched = 0; // closing brackets beyond the opening ones
    while (k < end && !text[k].isSpace() && text[k] != u'<' && text[k] != u'>' && text[k] != u'"'
           && text[k] != QChar(0x201D)) {
        unmatched += text[k] == u')' ? 1 : text[k] == u'(' ? -1 : 0;
        ++k;
    }
    while (k > from) {
        const QChar c = text[k - 1];
        const bool closing = c == u')' && unmatched > 0;
        if (!(closing || c == u'.' || c == u',' || c == u';' || c == u':' || c == u'!' || c == u'?' || c == u'\''))
            break;
        unmatched -= closing ? 1 : 0;
        --k;
    }
    return k;
}

// "ada@example.org", "https://example.org/a?b", "www.example.org",
// "mailto:ada@example.org": an address names a mailbox or a page, it is not
// prose. It becomes one token that is no word, so no concept is made of its
// pieces ("example.com", "userx", "listinfo") and no phrase runs through it.
// Returns where the address ends, or 0 when none starts at `from`.
qsizetype addressEnd(QStringView text, qsizetype from, qsizetype end)
{
    qsizetype j = from;
    while (j < end && isAddressChar(text[j]))
        ++j;
    if (j >= end || j == from)
        return 0;
    if (text[j] == u'@') {
        qsizetype k = j + 1;
        int dots = 0;
        while (k < end && (isAsciiAlnum(text[k]) || text[k] == u'-' || (text[k] == u'.' && k + 1 < end && isAsciiAlnum(text[k + 1])))) {
            dots += text[k] == u'.' ? 1 : 0;
            ++k;
        }
        return dots > 0 && isAsciiAlnum(text[k - 1]) ? k : 0;
    }
    const QStringView head = text.mid(from, j - from);
    const bool scheme = text[j] == u':' && std::all_of(head.begin(), head.end(), [](QChar c) { return c.isLetter(); })
        && ((j + 2 < end && text[j + 1] == u'/' && text[j + 2] == u'/')
            || head.compare(u"mailto", Qt::CaseInsensitive) == 0);
    if (scheme)
        return j + 1 < end && !text[j + 1].isSpace() ? urlEnd(text, j + 1, end) : 0;
    if (head.size() > 4 && head.startsWith(u"www.", Qt::CaseInsensitive))
        return urlEnd(text, from, end);
    return 0;
}

// "address(es)", "recipient(s)": an optional ending in brackets glued to its
// word is no word of its own. Returns where it ends, or `from` when none is there.
qsizetype optionalEndingEnd(QStringView text, qsizetype from, qsizetype end)
{
    if (from >= end || text[from] != u'(')
        return from;
    qsizetype k = from + 1;
    while (k < end && k - from <= 3 && text[k].isLower())
        ++k;
    if (k == from + 1 || k >= end || text[k] != u')' || (k + 1 < end && isWordChar(text[k + 1])))
        return from;
    return k + 1;
}

} // namespace

void tokenize(QStringView text, TextRange range, bool sentenceStart, std::uint16_t extraFlags,
              FormInterner &interner, std::vector<Token> &out)
{
    qsizetype i = std::max<qsizetype>(0, range.start);
    const qsizetype end = std::min(range.end, text.size());
    bool firstWord = sentenceStart;
    while (i < end) {
        const QChar c = text[i];
        if (c.unicode() == u' ' || c.isSpace()) {
            ++i;
            continue;
        }
        if (c == u'/') {
            if (const qsizetype pathEnd = unixPathEnd(text, i, end, range.start); pathEnd > i) {
                Token t;
                t.start = static_cast<std::int32_t>(i);
                t.end = static_cast<std::int32_t>(pathEnd);
                t.form = interner.intern(text.mid(i, pathEnd - i));
                t.flags = extraFlags | Token::Identifier;
                if (firstWord) {
                    t.flags |= Token::SentenceStart;
                    firstWord = false;
                }
                out.push_back(t);
                i = pathEnd;
                continue;
            }
        }
        if (!isWordChar(c)) {
            Token t;
            t.start = static_cast<std::int32_t>(i);
            t.end = static_cast<std::int32_t>(i + 1);
            t.punct = c.unicode();
            t.flags = extraFlags;
            if (isQuote(c))
                t.flags |= Token::Quote;
            if (c == u'(' || c == u')')
                t.flags |= Token::Bracket;
            // after a table bar or a colon a capital says nothing about names
            if (c == u'|' || c == u':' || c == u'\u2013' || c == u'\u2014')
                firstWord = true;
            out.push_back(t);
            ++i;
            continue;
        }
        const qsizetype start = i;
        const bool digit = c.isDigit();
        bool identifier = false;
        while (i < end) {
            const QChar x = text[i];
            if (isWordChar(x)) {
                ++i;
                continue;
            }
            const bool nextIsWord = i + 1 < end && isWordChar(text[i + 1]);
            if (!nextIsWord)
                break;
            if (isApostrophe(x)) {
                // "China's" ends the word; "don't", "O'Neill" stay whole.
                const bool possessive = (text[i + 1] == u's' || text[i + 1] == u'S')
                    && (i + 2 >= end || !isWordChar(text[i + 2]));
                if (possessive)
                    break;
                i += 2;
                continue;
            }
            if (x == u'.' && i - start == 1 && text[start].isLetter() && text[i + 1].isLetter()) {
                // single-letter abbreviations: "U.S.", "e.g."
                qsizetype j = i;
                while (j + 2 <= end && text[j] == u'.' && text[j + 1].isLetter()
                       && (j + 2 == end || !isWordChar(text[j + 2])))
                    j += 2;
                i = (j < end && text[j] == u'.') ? j + 1 : j;
                break;
            }
            if (digit && (x == u'.' || x == u',') && text[i + 1].isDigit()) {
                i += 2;
                continue;
            }
            if (x == u'&' && text[i - 1].isUpper() && text[i + 1].isUpper()) {
                i += 2; // "P&G", "AT&T"
                continue;
            }
            if (x == u'_') {
                identifier = true; // "node_modules", "max_tree_depth"
                i += 2;
                continue;
            }
            if (x == u'.' && !digit && i - start >= 2 && isFileExtension(text, i + 1, end)) {
                identifier = true; // "package.json", "Node.js"
                ++i;
                continue;
            }
            break;
        }
        // An address goes on past the word with one of these; checked only then, as it is rare.
        if (i < end && (text[i] == u'@' || text[i] == u':' || text[i] == u'.' || text[i] == u'-' || text[i] == u'_'
                        || text[i] == u'+' || text[i] == u'%')) {
            if (const qsizetype addr = addressEnd(text, start, end); addr > i) {
                Token t;
                t.start = static_cast<std::int32_t>(start);
                t.end = static_cast<std::int32_t>(addr);
                t.punct = kAddressMark;
                t.flags = extraFlags;
                firstWord = false;
                out.push_back(t);
                i = addr;
                continue;
            }
        }
        // "C++", "C#", "F#": a one-letter language name and its signs
        if (i - start == 1 && text[start].isUpper() && i < end && (text[i] == u'+' || text[i] == u'#')) {
            qsizetype j = i;
            while (j < end && j - i < 2 && (text[j] == u'+' || text[j] == u'#'))
                ++j;
            if (j >= end || !isWordChar(text[j])) {
                i = j;
                identifier = true;
            }
        }
        Token t;
        t.start = static_cast<std::int32_t>(start);
        t.end = static_cast<std::int32_t>(i);
        t.form = interner.intern(text.mid(start, i - start));
        t.flags = extraFlags;
        if (digit)
            t.flags |= Token::Number;
        if (identifier || (!digit && isLowerCamel(text.mid(start, i - start))))
            t.flags |= Token::Identifier;
        if (firstWord) {
            t.flags |= Token::SentenceStart;
            firstWord = false;
        }
        if (!digit)
            i = optionalEndingEnd(text, i, end);
        if (i + 1 < end && isHyphen(text[i]) && isWordChar(text[i + 1]) && !articleAfterDash(text, i + 1, end)) {
            t.flags |= Token::HyphenNext;
            ++i;
        } else if (i + 1 < end && isApostrophe(text[i]) && (text[i + 1] == u's' || text[i + 1] == u'S')
                   && (i + 2 >= end || !isWordChar(text[i + 2]))) {
            t.flags |= Token::Possessive;
            i += 2;
        }
        out.push_back(t);
    }
}

std::vector<TextRange> splitSentences(QStringView text, TextRange range)
{
    // the readers' splitter, so that "Mr. Smith" or "U.S. Senate" stay whole
    // here too; it splits at line ends no more than inside a block
    std::vector<TextRange> out;
    const qsizetype end = std::min(range.end, text.size());
    qsizetype start = range.start;
    for (qsizetype i = range.start; i <= end; ++i) {
        if (i < end && text[i] != u'\n')
            continue;
        if (i > start)
            ingest::SentenceSplitter::split(text, TextRange{start, i}, out);
        start = i + 1;
    }
    return out;
}

} // namespace carto::extract
