// ConceptBuilder, second half: what a concept is called, what it is, and where
// it is mentioned (grouping and salience are in conceptbuilder.cpp).
#include "conceptbuilder.h"

#include "chunker.h"
#include "gazetteer.h"
#include "lexicon.h"
#include "references.h"
#include "tagger.h"

#include <QMap>

#include <algorithm>
#include <string_view>
#include <map>

namespace carto::extract {

namespace {

std::string utf8(const QString &s)
{
    return s.toStdString();
}

HeadClass lexFileClass(const QString &lexFile)
{
    if (lexFile.isEmpty())
        return HeadClass::None;
    if (lexFile == u"noun.location" || lexFile == u"noun.object")
        return HeadClass::Location;
    if (lexFile == u"noun.person")
        return HeadClass::Person;
    if (lexFile == u"noun.group")
        return HeadClass::Group; // a named group is an organisation
    if (lexFile == u"noun.event")
        return HeadClass::Event;
    if (lexFile == u"noun.communication" || lexFile == u"noun.act")
        return HeadClass::Policy;
    if (lexFile == u"noun.artifact")
        return HeadClass::Artifact;
    return HeadClass::Other;
}

bool isOneOf(const QString &w, std::initializer_list<std::u16string_view> words)
{
    const std::u16string_view v(QStringView(w).utf16(), static_cast<size_t>(w.size()));
    return std::any_of(words.begin(), words.end(), [&](std::u16string_view x) { return v == x; });
}

} // namespace

// Honorifics and titles (flagged when found), speech ("X said"), apposition
// to a person noun ("X, a writer"), and a next sentence opening with he or she.
int ConceptBuilder::determinedMentions(const ConceptGroup &g) const
{
    int determined = 0;
    for (const auto &[di, o] : g.mentions) {
        const DocumentTokens &d = m_docs[static_cast<size_t>(di)];
        const Sentence &s = d.sentences[static_cast<size_t>(o->sentence)];
        const std::int32_t before = o->b - 1;
        if (before < s.tokBegin || !d.tokens[static_cast<size_t>(before)].isWord())
            continue;
        const PosTag tag = static_cast<PosTag>(d.tags[static_cast<size_t>(before)]);
        // a possessive pronoun or an article, not "he"/"we" (PRP) or a number
        const WordInfo &w = m_vocabulary.wordOf(d.tokens[static_cast<size_t>(before)]);
        determined += tag == PosTag::DT || tag == PosTag::PRPS || tag == PosTag::PDT || (w.quantifier && tag != PosTag::CD);
    }
    return determined;
}

int ConceptBuilder::personCues(const ConceptGroup &g) const
{
    int cues = 0;
    for (const auto &[di, o] : g.mentions) {
        if (o->kinds & KPersonCue) {
            ++cues;
            continue;
        }
        if (!(o->kinds & KName))
            continue;
        const DocumentTokens &d = m_docs[static_cast<size_t>(di)];
        const Sentence &s = d.sentences[static_cast<size_t>(o->sentence)];
        auto wordAt = [&](std::int32_t i) -> const WordInfo * {
            if (i < s.tokBegin || i >= s.tokEnd || !d.tokens[static_cast<size_t>(i)].isWord())
                return nullptr;
            return &m_vocabulary.wordOf(d.tokens[static_cast<size_t>(i)]);
        };
        if (const WordInfo *w = wordAt(o->e); w && isOneOf(w->lower, {u"said", u"says", u"wrote", u"told"})) {
            ++cues;
            continue;
        }
        std::int32_t k = o->e;
        const bool comma = k < s.tokEnd && !d.tokens[static_cast<size_t>(k)].isWord() && d.tokens[static_cast<size_t>(k)].punct == u',';
        const bool copula = wordAt(k) && isOneOf(wordAt(k)->lower, {u"is", u"was"});
        if (comma || copula) {
            if (const WordInfo *article = wordAt(k + 1); article && isOneOf(article->lower, {u"a", u"an", u"the"})) {
                for (std::int32_t j = k + 2; j < std::min(s.tokEnd, k + 6); ++j) {
                    const WordInfo *w = wordAt(j);
                    if (w && m_vocabulary.word(w->lemma).personNoun) {
                        ++cues;
                        break;
                    }
                }
            }
        }
        // the next sentence goes on about a he or a she
        const size_t next = static_cast<size_t>(o->sentence) + 1;
        if (next < d.sentences.size()) {
            const Sentence &n = d.sentences[next];
            if (n.tokBegin < n.tokEnd && d.tokens[static_cast<size_t>(n.tokBegin)].isWord()
                && isOneOf(m_vocabulary.wordOf(d.tokens[static_cast<size_t>(n.tokBegin)]).lower, {u"he", u"she"}))
                ++cues;
        }
    }
    return cues;
}

// "Ns such as X", "Ns like X", "Ns including X", "X and other Ns", and the noun
// that follows most mentions ("the Slowing the Flow project").
HeadClass ConceptBuilder::classCue(const ConceptGroup &g) const
{
    std::map<QString, int> classes;
    std::map<QString, int> followers;
    int mentions = 0;
    // the noun after an adjective is what it describes ("Democratic senators")
    const KeyInfo &rk = representative(g);
    const WordInfo &only = m_vocabulary.word(rk.ids.front());
    const bool adjective = rk.ids.size() == 1 && (only.direct & Lexicon::Adjective) && !(only.direct & Lexicon::Noun);
    for (const auto &[di, o] : g.mentions) {
        ++mentions;
        const DocumentTokens &d = m_docs[static_cast<size_t>(di)];
        const Sentence &s = d.sentences[static_cast<size_t>(o->sentence)];
        auto wordAt = [&](std::int32_t i) -> const WordInfo * {
            if (i < s.tokBegin || i >= s.tokEnd || !d.tokens[static_cast<size_t>(i)].isWord())
                return nullptr;
            return &m_vocabulary.wordOf(d.tokens[static_cast<size_t>(i)]);
        };
        std::int32_t i = o->b - 1;
        while (i >= s.tokBegin) {
            const Token &t = d.tokens[static_cast<size_t>(i)];
            const bool skip = (!t.isWord() && t.punct == u',')
                || (t.isWord() && (isOneOf(m_vocabulary.wordOf(t).lower, {u"and", u"or"})
                                   || (m_vocabulary.formOf(t).shape & Capitalised)));
            if (!skip)
                break;
            --i;
        }
        auto taggedNoun = [&](std::int32_t i) {
            return wordAt(i) && wordAt(i)->isNoun() && d.tags.size() == d.tokens.size()
                && isNoun(static_cast<PosTag>(d.tags[static_cast<size_t>(i)]));
        };
        std::int32_t classAt = -1;
        if (const WordInfo *cue = wordAt(i); cue && isOneOf(cue->lower, {u"like", u"including"}))
            classAt = i - 1;
        else if (cue && cue->lower == u"as" && wordAt(i - 1) && wordAt(i - 1)->lower == u"such")
            classAt = i - 2;
        if (const WordInfo *cls = wordAt(classAt); cls && cls->isNoun() && !cls->stop)
            ++classes[m_vocabulary.word(cls->lemma).lower];
        if (const WordInfo *a = wordAt(o->e); a && isOneOf(a->lower, {u"and", u"or"})) {
            if (const WordInfo *b = wordAt(o->e + 1); b && b->lower == u"other") {
                // the class is the head of the noun run as tagged: "and
                // other privacy laws", but "and other laws state that ..."
                std::int32_t h = o->e + 2;
                while (taggedNoun(h + 1) && !wordAt(h + 1)->stop)
                    ++h;
                if (const WordInfo *c = wordAt(h); c && c->isNoun())
                    ++classes[m_vocabulary.word(c->lemma).lower];
            }
        }
        std::int32_t after = o->e;
        if (after < s.tokEnd && d.tokens[static_cast<size_t>(after)].has(Token::Quote))
            ++after;
        // a noun as tagged here: "Zelbix left" is no "left"
        if (const WordInfo *next = wordAt(after); !adjective && taggedNoun(after) && !next->stop && (o->kinds & KName))
            ++followers[m_vocabulary.word(next->lemma).lower];
    }
    QString best;
    int bestCount = 0;
    for (const auto &[cls, count] : classes) {
        if (count > bestCount) {
            best = cls;
            bestCount = count;
        }
    }
    for (const auto &[w, count] : followers) {
        if (bestCount == 0 && count * 2 >= mentions && count > 0) {
            best = w;
            bestCount = count;
        }
    }
    return best.isEmpty() ? HeadClass::None : classifyNoun(utf8(best));
}

TypeCues ConceptBuilder::typeCues(const ConceptGroup &g, const KeyInfo &rk) const
{
    const Lexicon &lex = Lexicon::instance();
    TypeCues c;
    c.words = static_cast<int>(rk.ids.size());
    int named = 0;
    int nationality = 0;
    for (const auto &[di, o] : g.mentions) {
        named += (o->kinds & (KName | KAcronym)) != 0;
        nationality += (o->kinds & KNationality) != 0;
    }
    c.named = named * 2 >= static_cast<int>(g.mentions.size());
    c.acronym = c.words == 1 && (g.kinds & KAcronym);
    c.identifier = c.words == 1 && (g.kinds & KIdentifier);
    // a nationality adjective, or a demonym ("Americans", "Afghans"): the place
    c.nationality = nationality > 0 || (c.named && c.words == 1 && m_vocabulary.word(rk.ids[0]).pertainym >= 0);
    QStringList words;
    for (int id : rk.ids)
        words.append(m_vocabulary.word(id).lower);
    QString joined = words.join(u'_');
    if (c.named) {
        c.placeName = Gazetteer::instance().isPlace(words.join(u' '));
        QString lexFile = lex.nounLexFile(utf8(joined), true);
        // "at The Hague": the article is part of the name WordNet lists
        // ("The_Hague"), though the name as chunked starts after it
        if (lexFile.isEmpty()) {
            const QString withArticle = QStringLiteral("the_") + joined;
            if (QString file = lex.nounLexFile(utf8(withArticle), true); !file.isEmpty()) {
                joined = withArticle;
                lexFile = std::move(file);
            }
        }
        // WordNet files laws and software alike under communication: the
        // hypernyms tell a doctrine (a policy) from a protocol or a code
        c.proper = lexFile == u"noun.communication" ? classifyNoun(utf8(joined)) : lexFileClass(lexFile);
        const std::vector<Lexicon::NounClass> classes = lex.instanceClasses(utf8(joined));
        if (!classes.empty())
            c.instance = classifyNoun(utf8(classes.front().word.toLower().replace(u' ', u'_')));
        c.givenName = looksLikeFullName(rk.ids, m_vocabulary);
        c.unknownWords = std::none_of(rk.ids.begin(), rk.ids.end(), [&](int id) { return m_vocabulary.word(id).known(); });
        c.commonWords = c.proper == HeadClass::None && c.instance == HeadClass::None && !c.placeName
            && std::all_of(rk.ids.begin(), rk.ids.end(), [&](int id) {
                   const WordInfo &w = m_vocabulary.word(id);
                   return w.stop || (w.known() && !w.properNoun && !m_vocabulary.word(w.lemma).properNoun);
               });
    }
    // the head of "Secretary of War", "war on terror", "action in Iran" is
    // the word before the first connector
    size_t head = rk.ids.size() - 1;
    for (size_t k = 1; k < rk.ids.size(); ++k) {
        const WordInfo &w = m_vocabulary.word(rk.ids[k]);
        // ("in" is a noun and an adjective too: an inch, Indiana, in fashion)
        if (w.stop && (!(w.direct & (Lexicon::Noun | Lexicon::Adjective)) || isPhrasePreposition(w.lower))) {
            head = k - 1;
            break;
        }
    }
    const WordInfo &headWord = m_vocabulary.word(rk.ids[head]);
    // a phrase WordNet lists ("artificial intelligence") is typed as a whole
    QStringList lemmaWords = words;
    lemmaWords.back() = m_vocabulary.word(m_vocabulary.word(rk.ids.back()).lemma).lower;
    const std::string phrase = utf8(lemmaWords.join(u'_'));
    const int cues = personCues(g);
    c.personCue = cues > 0 && cues * 10 >= static_cast<int>(g.mentions.size());
    // a person's surname is no institution ("David House", "Maria Banks")
    const bool institutionLike = c.named && c.words > 1 && !c.givenName;
    const std::string headLemma = utf8(m_vocabulary.word(headWord.lemma).lower);
    c.head = c.words > 1 && !lex.nounLexFile(phrase, false).isEmpty() ? classifyHeadNoun(phrase)
        : institutionLike ? classifyNameHead(headLemma) // "Free Software Foundation"
        : c.named         ? classifyNoun(headLemma)     // "Discover China"
                          : classifyHeadNoun(headLemma); // "user ID", "fine china"
    if (c.words == 1 && headWord.lemma != rk.ids[0])
        c.personPlural = m_vocabulary.word(headWord.lemma).personNoun;
    if (c.named && c.words == 1)
        c.determined = determinedMentions(g) * 2 > static_cast<int>(g.mentions.size());
    c.classCue = classCue(g);
    return c;
}

QString ConceptBuilder::label(const ConceptGroup &g, const KeyInfo &rk) const
{
    // the most frequent surface, from running text rather than headings and
    // sentence starts; a name by a capitalised form; a country not by its adjective
    QMap<QString, int> counts;
    for (const auto &[di, o] : g.mentions) {
        const DocumentTokens &d = m_docs[static_cast<size_t>(di)];
        const QString &text = m_corpus.documents[static_cast<size_t>(di)].text;
        const Token &first = d.tokens[static_cast<size_t>(o->b)];
        const Token &last = d.tokens[static_cast<size_t>(o->e - 1)];
        const bool reliable = !first.has(Token::SentenceStart) && !first.has(Token::CaseUnreliable);
        const int weight = (o->kinds & KNationality) ? 0 : (reliable ? 3 : 1) * ((o->kinds & KNested) ? 1 : 2);
        counts[text.mid(first.start, last.end - first.start)] += weight;
    }
    bool capitalised = false;
    if (rk.named) {
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            capitalised = capitalised || (!it.key().isEmpty() && it.key().front().isUpper());
    }
    QString best;
    int bestWeight = -1;
    const int words = static_cast<int>(rk.ids.size());
    auto wordsOf = [](const QString &surface) {
        return static_cast<int>(surface.count(u' ') + surface.count(u'-') + 1);
    };
    // a person is labelled in full where the texts spell the name so once:
    // "Benjamin Franklin", not the "Franklin" that refers back to him
    bool full = false;
    if (rk.named && words >= 2 && looksLikeFullName(rk.ids, m_vocabulary)) {
        for (auto it = counts.cbegin(); it != counts.cend(); ++it)
            full = full || (it.value() > 0 && it.key().front().isUpper() && wordsOf(it.key()) == words);
    }
    for (auto it = counts.cbegin(); it != counts.cend(); ++it) {
        if (capitalised && !it.key().front().isUpper())
            continue;
        const int w = wordsOf(it.key());
        if (full && w < words)
            continue;
        const int weight = it.value() * ((w == words || words == 1) ? 2 : 1) + 1;
        if (weight > bestWeight) {
            bestWeight = weight;
            best = it.key();
        }
    }
    return best;
}

Concept ConceptBuilder::build(const ConceptGroup &g, bool *typeGuessed) const
{
    const KeyInfo &rk = representative(g);
    Concept c;
    const SalienceFeatures f = salience(g);
    c.id = ConceptId(keyString(rk.ids));
    c.score = conceptScore(f);
    c.type = conceptType(typeCues(g, rk), typeGuessed);
    c.label = label(g, rk);
    std::vector<std::pair<Span, QString>> spans;
    std::map<int, double> perDocument;
    QStringList aliases{c.label};
    for (const auto &[di, o] : g.mentions) {
        const DocumentTokens &d = m_docs[static_cast<size_t>(di)];
        const QString &text = m_corpus.documents[static_cast<size_t>(di)].text;
        const Token &first = d.tokens[static_cast<size_t>(o->b)];
        const Token &last = d.tokens[static_cast<size_t>(o->e - 1)];
        qsizetype end = last.end;
        if (last.has(Token::Possessive) && (o->kinds & KName))
            end += 2;
        spans.emplace_back(Span{DocumentId(di), TextRange{first.start, end}}, text.mid(first.start, end - first.start));
        if (!(o->kinds & KHeading))
            perDocument[di] += mentionWeight(*o);
        else
            perDocument.try_emplace(di, 0.0);
        const QString surface = text.mid(first.start, end - first.start);
        if (!aliases.contains(surface))
            aliases.append(surface);
        if (o->aliasBegin >= 0) {
            const Token &title = d.tokens[static_cast<size_t>(o->aliasBegin)];
            const QString titled = text.mid(title.start, last.end - title.start);
            if (!aliases.contains(titled))
                aliases.append(titled);
        }
    }
    std::sort(spans.begin(), spans.end(), [](const auto &a, const auto &b) {
        if (a.first.document != b.first.document)
            return a.first.document.value() < b.first.document.value();
        if (a.first.range.start != b.first.range.start)
            return a.first.range.start < b.first.range.start;
        return a.first.range.end < b.first.range.end;
    });
    spans.erase(std::unique(spans.begin(), spans.end(), [](const auto &a, const auto &b) { return a.first == b.first; }),
                spans.end());
    for (auto &[span, surface] : spans) {
        Mention m;
        m.span = span;
        m.surface = std::move(surface);
        m.explicitLink = false;
        c.mentions.push_back(std::move(m));
    }
    for (const auto &[di, o] : g.mentions) {
        if (!(o->kinds & KLink))
            continue;
        const Token &first = m_docs[static_cast<size_t>(di)].tokens[static_cast<size_t>(o->b)];
        for (Mention &m : c.mentions) {
            if (m.span.document.value() == di && m.span.range.start == first.start)
                m.explicitLink = true;
        }
    }
    c.aliases = aliases;
    c.documentCount = static_cast<int>(perDocument.size());
    for (const auto &[di, count] : perDocument)
        c.documentScores.push_back({DocumentId(di), documentScore(f, count, m_documentTokens[static_cast<size_t>(di)])});
    return c;
}

} // namespace carto::extract
