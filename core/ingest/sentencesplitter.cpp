#include "sentencesplitter.h"

#include <QSet>

namespace carto::ingest {

namespace {

bool isClosing(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case u')':
    case u']':
    case u'}':
    case u'\x2019': // ’
    case u'\x201D': // ”
    case u'\x00BB': // »
        return true;
    default:
        return false;
    }
}

bool isOpening(QChar c)
{
    switch (c.unicode()) {
    case u'"':
    case u'\'':
    case u'(':
    case u'[':
    case u'\x2018':
    case u'\x201C':
    case u'\x00AB':
        return true;
    default:
        return false;
    }
}

// Abbreviations that precede a name or number and so never end a sentence.
const QSet<QString> &prefixAbbreviations()
{
    static const QSet<QString> set = {
        QStringLiteral("mr"),   QStringLiteral("mrs"),   QStringLiteral("ms"),   QStringLiteral("dr"),
        QStringLiteral("prof"), QStringLiteral("rev"),   QStringLiteral("gen"),  QStringLiteral("col"),
        QStringLiteral("capt"), QStringLiteral("lt"),    QStringLiteral("sgt"),  QStringLiteral("gov"),
        QStringLiteral("sen"),  QStringLiteral("rep"),   QStringLiteral("hon"),  QStringLiteral("pres"),
        QStringLiteral("st"),   QStringLiteral("mt"),    QStringLiteral("ft"),   QStringLiteral("no"),
        QStringLiteral("nos"),  QStringLiteral("vol"),   QStringLiteral("vols"), QStringLiteral("fig"),
        QStringLiteral("figs"), QStringLiteral("p"),     QStringLiteral("pp"),   QStringLiteral("art"),
        QStringLiteral("sec"),  QStringLiteral("ch"),    QStringLiteral("vs"),   QStringLiteral("v"),
        QStringLiteral("cf"),   QStringLiteral("messrs"), QStringLiteral("adm"), QStringLiteral("maj"),
        QStringLiteral("cmdr"), QStringLiteral("supt"),  QStringLiteral("ref"),  QStringLiteral("op"),
        QStringLiteral("e.g"),  QStringLiteral("i.e"),   QStringLiteral("viz"),  QStringLiteral("approx"),
        QStringLiteral("jan"),  QStringLiteral("feb"),   QStringLiteral("mar"),  QStringLiteral("apr"),
        QStringLiteral("jun"),  QStringLiteral("jul"),   QStringLiteral("aug"),  QStringLiteral("sep"),
        QStringLiteral("sept"), QStringLiteral("oct"),   QStringLiteral("nov"),  QStringLiteral("dec"),
    };
    return set;
}

// Abbreviations that often end a sentence too ("... and so on, etc. The next").
const QSet<QString> &suffixAbbreviations()
{
    static const QSet<QString> set = {
        QStringLiteral("etc"),  QStringLiteral("jr"),   QStringLiteral("sr"),   QStringLiteral("inc"),
        QStringLiteral("ltd"),  QStringLiteral("co"),   QStringLiteral("corp"), QStringLiteral("bros"),
        QStringLiteral("esq"),  QStringLiteral("dept"), QStringLiteral("govt"), QStringLiteral("ave"),
        QStringLiteral("blvd"), QStringLiteral("rd"),   QStringLiteral("al"),   QStringLiteral("ca"),
        QStringLiteral("est"),  QStringLiteral("min"),  QStringLiteral("max"),  QStringLiteral("misc"),
    };
    return set;
}

// Words that commonly open an English sentence; after an ambiguous abbreviation
// ("U.S.", "etc.") one of these makes a new sentence likely.
const QSet<QString> &sentenceStarters()
{
    static const QSet<QString> set = {
        QStringLiteral("the"),   QStringLiteral("a"),      QStringLiteral("an"),      QStringLiteral("this"),
        QStringLiteral("that"),  QStringLiteral("these"),  QStringLiteral("those"),   QStringLiteral("it"),
        QStringLiteral("its"),   QStringLiteral("i"),      QStringLiteral("we"),      QStringLiteral("our"),
        QStringLiteral("you"),   QStringLiteral("he"),     QStringLiteral("she"),     QStringLiteral("they"),
        QStringLiteral("their"), QStringLiteral("there"),  QStringLiteral("but"),     QStringLiteral("and"),
        QStringLiteral("or"),    QStringLiteral("so"),     QStringLiteral("yet"),     QStringLiteral("in"),
        QStringLiteral("on"),    QStringLiteral("at"),     QStringLiteral("for"),     QStringLiteral("if"),
        QStringLiteral("as"),    QStringLiteral("when"),   QStringLiteral("while"),   QStringLiteral("what"),
        QStringLiteral("how"),   QStringLiteral("why"),    QStringLiteral("however"), QStringLiteral("moreover"),
        QStringLiteral("thus"),  QStringLiteral("also"),   QStringLiteral("all"),     QStringLiteral("many"),
        QStringLiteral("some"),  QStringLiteral("most"),   QStringLiteral("my"),      QStringLiteral("his"),
        QStringLiteral("her"),   QStringLiteral("after"),  QStringLiteral("before"),  QStringLiteral("since"),
        QStringLiteral("with"),  QStringLiteral("to"),     QStringLiteral("no"),      QStringLiteral("not"),
        QStringLiteral("each"),  QStringLiteral("every"),  QStringLiteral("such"),    QStringLiteral("then"),
        QStringLiteral("here"),  QStringLiteral("now"),    QStringLiteral("today"),   QStringLiteral("one"),
    };
    return set;
}

// The word (letters, digits and inner periods) that ends just before `dot`.
QStringView tokenBefore(QStringView text, qsizetype blockStart, qsizetype dot)
{
    qsizetype b = dot;
    while (b > blockStart
           && (text[b - 1].isLetterOrNumber() || text[b - 1] == u'.'
               || ((text[b - 1] == u'\'' || text[b - 1] == u'\x2019') && b - 1 > blockStart && text[b - 2].isLetterOrNumber())))
        --b;
    return text.mid(b, dot - b);
}

QStringView wordAt(QStringView text, qsizetype pos, qsizetype end)
{
    qsizetype e = pos;
    while (e < end && text[e].isLetter())
        ++e;
    return text.mid(pos, e - pos);
}

// Decides whether the '.' at `dot` ends a sentence. `next` is the first
// non-space, non-opening character after it (or end when none).
bool periodEndsSentence(QStringView text, qsizetype sentenceStart, qsizetype dot, qsizetype next, qsizetype end)
{
    if (next >= end)
        return true;
    const QChar nc = text[next];
    if (nc.isLower())
        return false; // "etc. and", "approx. five"
    const QStringView token = tokenBefore(text, sentenceStart, dot);
    if (token.isEmpty())
        return true; // ". ." or punctuation before the period
    const bool nextUpper = nc.isUpper();
    const QString nextWord = wordAt(text, next, end).toString().toLower();
    const bool starter = sentenceStarters().contains(nextWord);

    // "1. The first point", "II. Foreign affairs": an enumerator opening the
    // sentence belongs to it rather than ending an empty one.
    // Scanned back from the token, not trimmed forward from the start: a long
    // run-on sentence full of "Mr." would otherwise cost its length per period.
    qsizetype before = token.data() - text.data();
    while (before > sentenceStart && text[before - 1].isSpace())
        --before;
    const bool opensSentence = before == sentenceStart;
    bool allDigits = true;
    bool roman = true;
    for (const QChar c : token) {
        allDigits = allDigits && c.isDigit();
        roman = roman && QStringView(u"IVXLC").contains(c);
    }
    if (allDigits)
        return !(token.size() <= 3 && opensSentence);
    if (roman && token.size() <= 6 && opensSentence)
        return false;

    // Single letter: an initial ("J. F. Kennedy") unless a clear sentence start
    // follows; "I." at a sentence end is the pronoun.
    if (token.size() == 1 && token[0].isLetter())
        return (token[0].isLower() || token[0] == u'I') ? starter : false;

    const QString lower = token.toString().toLower();
    if (prefixAbbreviations().contains(lower))
        return false;
    if (lower == u"etc")
        return nextUpper; // "etc." ends lists far more often than it sits mid-sentence
    // Acronyms with inner periods ("U.S.", "a.m.") and list-of-things abbreviations.
    if (token.contains(u'.') || suffixAbbreviations().contains(lower))
        return nextUpper && starter;
    return true;
}

} // namespace

void SentenceSplitter::split(QStringView text, TextRange range, std::vector<TextRange> &out)
{
    const qsizetype end = std::min(range.end, text.size());
    qsizetype start = range.start;
    const auto emit = [&](qsizetype from, qsizetype to) {
        while (from < to && text[from].isSpace())
            ++from;
        while (to > from && text[to - 1].isSpace())
            --to;
        if (to > from)
            out.push_back(TextRange{from, to});
    };

    for (qsizetype i = range.start; i < end; ++i) {
        const QChar c = text[i];
        if (c == u'\n') {
            emit(start, i);
            start = i + 1;
            continue;
        }
        const bool period = c == u'.';
        const bool ellipsisChar = c == u'\x2026';
        if (!period && !ellipsisChar && c != u'!' && c != u'?')
            continue;
        // Take the whole run of terminal punctuation ("?!", "...", "." + "”").
        qsizetype j = i + 1;
        bool ellipsis = ellipsisChar;
        while (j < end && (text[j] == u'.' || text[j] == u'!' || text[j] == u'?' || text[j] == u'\x2026')) {
            ellipsis = ellipsis || text[j] == u'\x2026' || (period && text[j] == u'.');
            ++j;
        }
        // Spaced ellipsis ". . ." is one mark.
        while (period && j + 1 < end && text[j] == u' ' && text[j + 1] == u'.') {
            ellipsis = true;
            j += 2;
        }
        while (j < end && isClosing(text[j]))
            ++j;
        if (j < end && !text[j].isSpace()) {
            i = j - 1; // "3.5", "U.S", "example.com": not a boundary
            continue;
        }
        qsizetype next = j;
        while (next < end && text[next].isSpace() && text[next] != u'\n')
            ++next;
        while (next < end && isOpening(text[next]))
            ++next;

        qsizetype terminals = j - i;
        while (terminals > 0 && isClosing(text[i + terminals - 1]))
            --terminals;
        bool boundary = false;
        if (ellipsis)
            boundary = next >= end || text[next].isUpper(); // "wait... and" continues
        else if (period && terminals == 1)
            boundary = periodEndsSentence(text, start, i, next, end);
        else
            boundary = next >= end || !text[next].isLower();

        if (boundary) {
            emit(start, j);
            start = j;
        }
        i = j - 1;
    }
    emit(start, end);
}

} // namespace carto::ingest
