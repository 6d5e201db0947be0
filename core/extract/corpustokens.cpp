#include "corpustokens.h"

#include "boilerplate.h"
#include "lexicon.h"
#include "tagger.h"

#include <algorithm>

namespace carto::extract {

namespace {

// A block of two words or more, or with at least this many letters, this share
// of them upper case, is shouted text ("THE SOFTWARE IS PROVIDED AS IS ...",
// "GO HOME NOW."): its capitals are no names.
constexpr int kShoutedMinLetters = 12;
constexpr double kShoutedUpperShare = 0.6;
// A line shorter than this many words, mostly capitalised, is a title.
constexpr int kTitleLineWords = 16;

std::vector<TextRange> sentencesInBlock(const ingest::Document &doc, const ingest::Block &b, size_t &next)
{
    std::vector<TextRange> ranges;
    while (next < doc.sentences.size() && doc.sentences[next].end <= b.range.start)
        ++next;
    for (size_t j = next; j < doc.sentences.size() && doc.sentences[j].start < b.range.end; ++j) {
        TextRange r = doc.sentences[j];
        r.start = std::max(r.start, b.range.start);
        r.end = std::min(r.end, b.range.end);
        if (!r.isEmpty())
            ranges.push_back(r);
    }
    if (ranges.empty())
        ranges = splitSentences(doc.text, b.range);
    return ranges;
}

} // namespace

bool caseUnreliable(QStringView t, bool heading)
{
    if (heading)
        return true;
    int upper = 0;
    int letters = 0;
    int runs = 0; // runs of letters: words, roughly
    bool inRun = false;
    for (QChar c : t) {
        if (c.isLetter()) {
            ++letters;
            upper += c.isUpper();
            runs += !inRun;
        }
        inRun = c.isLetter();
    }
    // short or long, several shouted words are shouting ("GO HOME NOW."); one
    // short capitalised word alone may be an acronym
    if ((letters >= kShoutedMinLetters || runs >= 2) && upper >= kShoutedUpperShare * letters)
        return true;
    t = t.trimmed();
    const bool endsSentence = !t.isEmpty()
        && (t.back() == u'.' || t.back() == u'!' || t.back() == u'?' || t.back() == u'"' || t.back() == QChar(0x201D));
    if (endsSentence || t.count(u' ') >= kTitleLineWords)
        return false;
    int caps = 0;
    int words = 0;
    for (qsizetype k = 0; k < t.size(); ++k) {
        if (t[k].isLetter() && (k == 0 || t[k - 1].isSpace())) {
            ++words;
            caps += t[k].isUpper();
        }
    }
    return words > 0 && caps * 2 >= words;
}

void tokenizeDocument(const ingest::Document &doc, FormInterner &interner, std::vector<Token> &tokens,
                      std::vector<UnitSentence> &sentences)
{
    const std::vector<ingest::Block> units = BoilerplateFilter::units(doc);
    tokens.reserve(static_cast<size_t>(doc.text.size() / 5));
    size_t next = 0; // the reader's next sentence
    for (size_t u = 0; u < units.size(); ++u) {
        const ingest::Block &b = units[u];
        if (b.kind == ingest::Block::Kind::Code)
            continue;
        const bool unreliable = caseUnreliable(b.range.slice(doc.text), b.kind == ingest::Block::Kind::Heading);
        const std::uint16_t flags = unreliable ? Token::CaseUnreliable : 0;
        for (const TextRange &r : sentencesInBlock(doc, b, next)) {
            UnitSentence s;
            s.sentence.range = r;
            s.sentence.tokBegin = static_cast<std::int32_t>(tokens.size());
            tokenize(doc.text, r, true, flags, interner, tokens);
            s.sentence.tokEnd = static_cast<std::int32_t>(tokens.size());
            s.unit = static_cast<std::int32_t>(u);
            s.unitCaseUnreliable = unreliable;
            if (s.sentence.tokEnd > s.sentence.tokBegin)
                sentences.push_back(s);
        }
    }
}

int shoutedLetters(const Tagger &tagger, QStringView lower)
{
    if (!tagger.isKnown(lower))
        return 0;
    const std::vector<PosTag> tags = tagger.candidates(tagger.lookup(lower));
    const bool modal = std::find(tags.begin(), tags.end(), PosTag::MD) != tags.end();
    // (the tagger's rows are smoothed towards nouns and adjectives, so the
    // adverb is WordNet's: a word it lists as an adverb alone)
    const bool adverb = Lexicon::instance().posMask(lower.toString().toStdString()) == Lexicon::Adverb;
    const int letters = static_cast<int>(lower.size());
    return modal || adverb ? std::max(letters, kShoutedWordLetters) : letters;
}

} // namespace carto::extract
