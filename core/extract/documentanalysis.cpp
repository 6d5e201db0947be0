#include "documentanalysis.h"

#include "analysiscount.h"
#include "boilerplate.h"
#include "corpustokens.h"
#include "parallel.h"
#include "tagger.h"
#include "vocabulary.h"

#include <algorithm>

namespace carto::extract {

namespace {

bool sameToken(const Token &a, const Token &b)
{
    return a.start == b.start && a.end == b.end && a.form == b.form && a.flags == b.flags && a.punct == b.punct;
}

bool sameSentence(const UnitSentence &a, const UnitSentence &b)
{
    return a.sentence.tokBegin == b.sentence.tokBegin && a.sentence.tokEnd == b.sentence.tokEnd
        && a.sentence.range == b.sentence.range && a.unit == b.unit && a.unitCaseUnreliable == b.unitCaseUnreliable;
}

// The lower-case key of a form as the vocabulary makes it (Vocabulary::build):
// only its length and the tagger's verdict matter here, so a difference would
// cost a second tagging of the sentence at assembly, never a different result.
QString lowerKey(QStringView form)
{
    QString lower = form.toString().toLower();
    lower.replace(QChar(0x2019), u'\'');
    if (lower.size() > 2 && lower.back() == u'.')
        lower.remove(u'.');
    return lower;
}

// Shouted runs over the whole document, as ConceptExtractor marks them over
// the kept tokens; boilerplate dropped at assembly may end a run differently.
void markShouted(std::vector<Token> &tokens, const std::vector<QStringView> &forms)
{
    const Tagger &tagger = Tagger::instance();
    struct Verdict
    {
        std::int8_t shoutable = -1;
        int letters = 0;
    };
    std::vector<Verdict> verdicts(forms.size());
    markShoutedRuns(tokens, kShoutedRunLetters, kShoutedWordLetters, [&](const Token &t, int &letters) {
        if (!t.isWord())
            return false;
        Verdict &v = verdicts[static_cast<size_t>(t.form)];
        if (v.shoutable < 0) {
            // letters count only for shoutable words: the key is made for capitals alone
            const QStringView form = forms[static_cast<size_t>(t.form)];
            v.shoutable = 0;
            if (shapeOf(form) & AllCaps) {
                v.letters = shoutedLetters(tagger, lowerKey(form));
                v.shoutable = v.letters > 0 ? 1 : 0;
            }
        }
        letters = v.letters;
        return v.shoutable == 1;
    });
}

} // namespace

bool operator==(const DocumentAnalysis &a, const DocumentAnalysis &b)
{
    return a.formCount == b.formCount && a.tags == b.tags
        && std::equal(a.tokens.begin(), a.tokens.end(), b.tokens.begin(), b.tokens.end(), sameToken)
        && std::equal(a.sentences.begin(), a.sentences.end(), b.sentences.begin(), b.sentences.end(), sameSentence);
}

DocumentAnalysis analyseDocument(const ingest::Document &doc)
{
    detail::countAnalyseDocument();
    DocumentAnalysis a;
    FormInterner interner;
    tokenizeDocument(doc, interner, a.tokens, a.sentences);
    a.formCount = static_cast<std::int32_t>(interner.forms.size());
    markShouted(a.tokens, interner.forms);

    const Tagger &tagger = Tagger::instance();
    const Tagger::FormLexemes forms(tagger, interner.forms);
    a.tags.assign(a.tokens.size(), static_cast<std::uint8_t>(PosTag::None));
    std::vector<PosTag> tags;
    for (const UnitSentence &u : a.sentences) {
        const Sentence &s = u.sentence;
        const std::span<const Token> tokens(a.tokens.data() + s.tokBegin, static_cast<size_t>(s.tokEnd - s.tokBegin));
        tags.assign(tokens.size(), PosTag::None);
        tagger.tagSentence(tokens, doc.text, forms, tags);
        for (size_t i = 0; i < tags.size(); ++i)
            a.tags[static_cast<size_t>(s.tokBegin) + i] = static_cast<std::uint8_t>(tags[i]);
    }
    return a;
}

DocumentTokens keptTokens(const DocumentAnalysis &analysis, const ingest::Document &doc,
                          const std::vector<bool> &boilerplate, FormInterner &interner,
                          std::vector<std::uint16_t> &taggedFlags)
{
    DocumentTokens d;
    std::vector<std::int32_t> renumbered(static_cast<size_t>(analysis.formCount), -1);
    for (const UnitSentence &u : analysis.sentences) {
        if (static_cast<size_t>(u.unit) < boilerplate.size() && boilerplate[static_cast<size_t>(u.unit)])
            continue;
        Sentence s = u.sentence;
        s.tokBegin = static_cast<std::int32_t>(d.tokens.size());
        for (std::int32_t i = u.sentence.tokBegin; i < u.sentence.tokEnd; ++i) {
            Token t = analysis.tokens[static_cast<size_t>(i)];
            taggedFlags.push_back(t.flags);
            t.flags &= static_cast<std::uint16_t>(~Token::CaseUnreliable);
            if (u.unitCaseUnreliable)
                t.flags |= Token::CaseUnreliable;
            if (t.isWord()) {
                std::int32_t &id = renumbered[static_cast<size_t>(t.form)];
                if (id < 0) {
                    id = static_cast<std::int32_t>(interner.forms.size());
                    interner.forms.push_back(QStringView(doc.text).mid(t.start, t.end - t.start));
                }
                t.form = id;
            }
            d.tokens.push_back(t);
            d.tags.push_back(analysis.tags[static_cast<size_t>(i)]);
        }
        s.tokEnd = static_cast<std::int32_t>(d.tokens.size());
        d.sentences.push_back(s);
    }
    return d;
}

std::vector<DocumentTokens> tokenizeCorpus(const ingest::Corpus &corpus, int threads,
                                           std::vector<FormInterner> &interners, const CancelToken *cancel)
{
    const BoilerplateFilter filter(corpus);
    const size_t n = corpus.documents.size();
    std::vector<DocumentTokens> docs(n);
    interners.assign(n, FormInterner{});
    parallelFor(static_cast<int>(n), threads, [&](int di, int) {
        if (cancel && cancel->isCancelled())
            return;
        const size_t i = static_cast<size_t>(di);
        const ingest::Document &doc = corpus.documents[i];
        std::vector<std::uint16_t> taggedFlags;
        docs[i] = keptTokens(analyseDocument(doc), doc, filter.boilerplateUnits(doc), interners[i], taggedFlags);
        docs[i].thread = di;
    });
    return docs;
}

} // namespace carto::extract
