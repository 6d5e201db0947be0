#include "extract/tagger.h"
#include "extract/taggermodel.h"

#include <QStringList>
#include <QTest>

#include <thread>

using namespace carto;
using namespace carto::extract;

namespace carto::extract::taggerdata {
extern const char kBlob[]; // the compiled-in table
extern const std::size_t kBlobSize;
} // namespace carto::extract::taggerdata

namespace {

// "word/TAG word/TAG+CLITIC ..." for one tagged sentence.
QString render(QStringView text, const Tagger::Tagged &t)
{
    QStringList parts;
    for (size_t i = 0; i < t.tokens.size(); ++i) {
        const Token &k = t.tokens[i];
        QString part = text.mid(k.start, k.end - k.start).toString() + u'/' + pennName(t.tags[i]);
        if (t.clitics[i] != PosTag::None)
            part += u'+' + pennName(t.clitics[i]);
        parts << part;
    }
    return parts.join(u' ');
}

// The same rendering with the expected tags ("DT NN+POS ...") in place of ours;
// a count that does not match the tokens gives a string that cannot match.
QString expected(QStringView text, const Tagger::Tagged &t, const QString &tags)
{
    const QStringList want = tags.split(u' ', Qt::SkipEmptyParts);
    if (static_cast<size_t>(want.size()) != t.tokens.size())
        return QStringLiteral("%1 expected tags for %2 tokens").arg(want.size()).arg(t.tokens.size());
    QStringList parts;
    for (size_t i = 0; i < t.tokens.size(); ++i) {
        const Token &k = t.tokens[i];
        parts << text.mid(k.start, k.end - k.start).toString() + u'/' + want[static_cast<qsizetype>(i)];
    }
    return parts.join(u' ');
}

// Hand-tagged with the Penn Treebank guidelines; our own sentences of varied
// kinds (news, instructions, narrative, technical, speech). Our tokens: "'s"
// and "n't" are clitics of the word before them (TAG+CLITIC).
struct GoldSentence
{
    const char16_t *text;
    const char *tags;
};
const GoldSentence kGold[] = {
    {u"The old lighthouse on the northern cliff was repaired last summer by a team of volunteers.",
     "DT JJ NN IN DT JJ NN VBD VBN JJ NN IN DT NN IN NNS ."},
    {u"Most farmers in the region grow wheat, but some have switched to barley because it needs less water.",
     "JJS NNS IN DT NN VBP NN , CC DT VBP VBN TO NN IN PRP VBZ JJR NN ."},
    {u"When the meeting ended, Maria walked quietly to the station and caught the last train to Leeds.",
     "WRB DT NN VBD , NNP VBD RB TO DT NN CC VBD DT JJ NN TO NNP ."},
    {u"Our new library loads configuration files quickly and reports every error with its line number.",
     "PRP$ JJ NN VBZ NN NNS RB CC VBZ DT NN IN PRP$ NN NN ."},
    {u"Critics argued that the government's response to the crisis had been slow and poorly planned.",
     "NNS VBD IN DT NN+POS NN TO DT NN VBD VBN JJ CC RB VBN ."},
    {u"You can't expect people to trust a system they don't understand.",
     "PRP MD+RB VB NNS TO VB DT NN PRP VBP+RB VB ."},
    {u"In 1969, two astronauts became the first people to walk on the Moon.",
     "IN CD , CD NNS VBD DT JJ NNS TO VB IN DT NNP ."},
    {u"She has written three books about climate policy and is working on another.",
     "PRP VBZ VBN CD NNS IN NN NN CC VBZ VBG IN DT ."},
    {u"Heavy snow closed several roads overnight, and schools across the county will reopen on Monday.",
     "JJ NN VBD JJ NNS RB , CC NNS IN DT NN MD VB IN NNP ."},
    {u"The committee, which meets every month, published a short report on Tuesday.",
     "DT NN , WDT VBZ DT NN , VBD DT JJ NN IN NNP ."},
    {u"Why did the bridge collapse?", "WRB VBD DT NN VB ."},
    {u"Fresh bread smells wonderful, especially in the early morning.", "JJ NN VBZ JJ , RB IN DT JJ NN ."},
    {u"Many small businesses struggled to pay their workers during the long recession.",
     "JJ JJ NNS VBD TO VB PRP$ NNS IN DT JJ NN ."},
    {u"He quickly realised that the map was wrong.", "PRP RB VBD IN DT NN VBD JJ ."},
    {u"Developers should write clear tests for every public function.", "NNS MD VB JJ NNS IN DT JJ NN ."},
    {u"After the war, the city rebuilt its harbour and its famous bridges.",
     "IN DT NN , DT NN VBD PRP$ NN CC PRP$ JJ NNS ."},
};

} // namespace

class TaggerTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void instance_compiledInModel_isLoaded()
    {
        const Tagger &t = Tagger::instance();
        QVERIFY2(t.isLoaded(), qPrintable(t.errorString()));
        QVERIFY(t.lexiconSize() > 40000); // Lingua::EN::Tagger lists 43,817 spellings
        QVERIFY(t.isKnown(u"the"));
        QVERIFY(!t.isKnown(u"Zorblatt"));
    }

    void load_brokenTable_failsWithReason_data()
    {
        QTest::addColumn<int>("length"); // bytes of the real table kept
        QTest::newRow("empty") << 0;
        QTest::newRow("magic only") << 4;
        QTest::newRow("in the tag names") << 20;
        QTest::newRow("in the transitions") << 2000;
        QTest::newRow("in the words") << 100000;
        QTest::newRow("one byte short") << -1;
    }

    void load_brokenTable_failsWithReason()
    {
        QFETCH(int, length);
        const size_t n = length < 0 ? taggerdata::kBlobSize - 1 : static_cast<size_t>(length);
        TaggerModel model;
        QString error;
        QVERIFY(!model.load(std::string_view(taggerdata::kBlob, n), &error));
        QVERIFY2(error.startsWith(u"tagger table: "), qPrintable(error));
    }

    void load_otherData_isRejected()
    {
        TaggerModel model;
        QString error;
        QVERIFY(!model.load("--- #YAML:1.0\ncc: { cc: 0.5 }\n", &error));
        QVERIFY2(error.contains(u"not a converted"), qPrintable(error));
    }

    void tagText_sentence_followsPennConventions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("heading");
        QTest::addColumn<QString>("tags");
        auto row = [](const char *name, const char16_t *text, const char *tags, bool heading = false) {
            QTest::newRow(name) << QString::fromUtf16(text) << heading << QString::fromLatin1(tags);
        };
        // a noun or a verb: the neighbours decide
        row("rain poses", u"Rain poses a threat to the coast.", "NN VBZ DT NN TO DT NN .");
        row("modal + verb", u"They can leverage their users.", "PRP MD VB PRP$ NNS .");
        row("noun compound", u"We need the training data.", "PRP VBP DT NN NNS .");
        row("of-phrase", u"Freedom of speech is a right.", "NN IN NN VBZ DT NN .");
        row("to + verb", u"I want to see the sea.", "PRP VBP TO VB DT NN .");
        row("modal will", u"They will vote on the bill.", "PRP MD VB IN DT NN .");
        row("modal must", u"We must defend the freedom of the press.", "PRP MD VB DT NN IN DT NN .");
        // a capital at a sentence start: names stay names, function words fold
        row("North Korea", u"North Korea tested a missile.", "NNP NNP VBD DT NN .");
        row("Congress", u"Congress passed the act.", "NNP VBD DT NN .");
        // headings: case is no evidence, capitals are not all names
        row("shouted heading", u"NORTH KOREA TESTS A NEW MISSILE", "NNP NNP VBZ DT JJ NN", true);
        row("title-case heading", u"How to Train Your Model", "WRB TO VB PRP$ NN", true);
        row("heading of one word", u"INTRODUCTION", "NN", true);
        row("shouted line, no flag", u"THE PRESIDENT SPOKE TO CONGRESS ABOUT THE ECONOMY", "DT NN VBD TO NNP IN DT NN");
        // unknown words by class
        row("unknown capital mid-sentence", u"The committee met Zorblatt on Tuesday.", "DT NN VBD NNP IN NNP .");
        row("unknown -ing", u"They were glorping the data.", "PRP VBD VBG DT NNS .");
        row("unknown -ing at a start", u"Glorping the widgets takes time.", "VBG DT NNS VBZ NN .");
        row("unknown -ly", u"She answered snorkily.", "PRP VBD RB .");
        row("unknown -tion", u"The frobnication of the inputs failed.", "DT NN IN DT NNS VBD .");
        row("unknown -ed", u"The inputs were frobnicated.", "DT NNS VBD VBN .");
        row("unknown -s", u"We bought three glorps.", "PRP VBD CD NNS .");
        row("unknown hyphenated", u"We released an open-source model.", "PRP VBD DT JJ JJ NN .");
        row("hyphenated participle", u"The self-driving car stopped.", "DT JJ JJ NN VBD .");
        row("known hyphenated", u"We built a state-of-the-art system.", "PRP VBD DT JJ JJ JJ JJ NN .");
        row("numbers", u"Volunteers planted 2,000 trees in 2019.", "NNS VBD CD NNS IN CD .");
        row("ordinal", u"It is the 21st century.", "PRP VBZ DT JJ NN .");
        row("money and percent", u"The company earned $5 million, or 12%.", "DT NN VBD $ CD CD , CC CD NN .");
        // possessives and contractions
        row("possessive", u"China's economy grew.", "NNP+POS NN VBD .");
        row("plural possessive", u"The users' data leaked.", "DT NNS POS NNS VBD .");
        row("it's", u"It's raining.", "PRP+VBZ VBG .");
        row("doesn't, I'm", u"He doesn't know what I'm doing.", "PRP VBZ+RB VB WP PRP+VBP VBG .");
        row("can't", u"You can't expect people to trust it.", "PRP MD+RB VB NNS TO VB PRP .");
        // punctuation
        row("straight quotes", u"\"We will win,\" he said.", "`` PRP MD VB , '' PRP VBD .");
        row("curly quotes", u"She said \u201Cno\u201D and left.", "PRP VBD `` UH '' CC VBD .");
        row("abbreviation, ellipsis", u"Mr. Smith went to Washington... and stayed.",
            "NNP NNP NNP VBD TO NNP : : : CC VBD .");
        row("brackets", u"The quarters were weak (see Table 2).", "DT NNS VBD JJ -LRB- VB NNP CD -RRB- .");
    }

    void tagText_sentence_followsPennConventions()
    {
        QFETCH(QString, text);
        QFETCH(bool, heading);
        QFETCH(QString, tags);
        const Tagger::Tagged t = Tagger::instance().tagText(text, heading ? Token::CaseUnreliable : 0);
        QCOMPARE(render(text, t), expected(text, t, tags));
    }

    void tagText_letUs_cliticIsPronoun()
    {
        const Tagger::Tagged t = Tagger::instance().tagText(u"Let's begin.");
        QCOMPARE(t.tags[0], PosTag::VB);
        QCOMPARE(t.clitics[0], PosTag::PRP);
    }

    void lookup_caseFlags_foldTheSpellings()
    {
        const Tagger &t = Tagger::instance();
        auto has = [&](Tagger::Lexeme l, PosTag tag) {
            const std::vector<PosTag> c = t.candidates(l);
            return std::find(c.begin(), c.end(), tag) != c.end();
        };
        // mid-sentence "North" is a name; at a sentence start it may be "north"
        QVERIFY(!has(t.lookup(u"North"), PosTag::RB));
        QVERIFY(has(t.lookup(u"North", Tagger::SentenceInitial), PosTag::RB));
        QVERIFY(has(t.lookup(u"North", Tagger::SentenceInitial), PosTag::NNP));
        QVERIFY(has(t.lookup(u"NORTH", Tagger::CaseUnreliable), PosTag::RB));
        // "The" is a determiner wherever it stands
        QVERIFY(has(t.lookup(u"The", Tagger::SentenceInitial), PosTag::DT));
        // an unknown capital says as little at a sentence start as in a heading
        QCOMPARE(t.candidates(t.lookup(u"Glorping", Tagger::SentenceInitial)),
                 t.candidates(t.lookup(u"GLORPING", Tagger::CaseUnreliable)));
    }

    void tagSentence_documentOffsets_tagsTheSentenceInPlace()
    {
        // The second sentence starts mid-document: units are cut from the text by offset.
        const QString text = QStringLiteral("Intro words here. We released an open-source model.");
        const qsizetype second = text.indexOf(u"We");
        FormInterner interner;
        std::vector<Token> tokens;
        tokenize(text, TextRange{0, second - 1}, true, 0, interner, tokens);
        const size_t begin = tokens.size();
        tokenize(text, TextRange{second, text.size()}, true, 0, interner, tokens);
        const Tagger &t = Tagger::instance();
        const Tagger::FormLexemes forms(t, interner.forms);
        const std::span<const Token> sentence = std::span<const Token>(tokens).subspan(begin);
        std::vector<PosTag> tags(sentence.size());
        t.tagSentence(sentence, text, forms, tags);
        QStringList got;
        for (PosTag p : tags)
            got << pennName(p);
        QCOMPARE(got.join(u' '), QStringLiteral("PRP VBD DT JJ JJ NN ."));
    }

    void tag_sameText_sameTagsTwiceAndOnTwoThreads()
    {
        QString text;
        for (const GoldSentence &g : kGold)
            text += QString::fromUtf16(g.text) + u' ';
        FormInterner interner;
        std::vector<Token> tokens;
        std::vector<std::pair<size_t, size_t>> sentences;
        for (const TextRange &r : splitSentences(text, TextRange{0, text.size()})) {
            const size_t b = tokens.size();
            tokenize(text, r, true, 0, interner, tokens);
            sentences.emplace_back(b, tokens.size());
        }
        QVERIFY(sentences.size() == std::size(kGold));
        const Tagger &t = Tagger::instance();
        const Tagger::FormLexemes forms(t, interner.forms); // shared, filled by both threads
        auto tagAll = [&](std::vector<PosTag> &out) {
            out.assign(tokens.size(), PosTag::None);
            for (int round = 0; round < 20; ++round) {
                for (auto [b, e] : sentences) {
                    const std::span<const Token> s(tokens.data() + b, e - b);
                    t.tagSentence(s, text, forms, std::span<PosTag>(out.data() + b, e - b));
                }
            }
        };
        std::vector<PosTag> a, b, first, second;
        std::thread one([&] { tagAll(a); });
        std::thread two([&] { tagAll(b); });
        one.join();
        two.join();
        tagAll(first);
        tagAll(second);
        QVERIFY(std::none_of(first.begin(), first.end(), [](PosTag p) { return p == PosTag::None; }));
        QVERIFY(first == second);
        QVERIFY(a == first);
        QVERIFY(b == first);
    }

    void accuracy_handTaggedSample_reachesNinetyThreePercent()
    {
        int tokens = 0;
        int correct = 0;
        QStringList misses;
        for (const GoldSentence &g : kGold) {
            const QString text = QString::fromUtf16(g.text);
            const Tagger::Tagged t = Tagger::instance().tagText(text);
            const QStringList want = QString::fromLatin1(g.tags).split(u' ');
            QCOMPARE(static_cast<size_t>(want.size()), t.tokens.size());
            for (size_t i = 0; i < t.tokens.size(); ++i) {
                QString got = pennName(t.tags[i]);
                if (t.clitics[i] != PosTag::None)
                    got += u'+' + pennName(t.clitics[i]);
                ++tokens;
                if (got == want[static_cast<qsizetype>(i)])
                    ++correct;
                else
                    misses << text.mid(t.tokens[i].start, t.tokens[i].end - t.tokens[i].start) + u'/' + got;
            }
        }
        const double accuracy = double(correct) / tokens;
        qInfo("tagger accuracy on the hand-tagged sample: %d/%d = %.1f%%; misses: %s", correct, tokens,
              100 * accuracy, qPrintable(misses.join(u' ')));
        QVERIFY(tokens >= 150);
        QVERIFY(accuracy >= 0.93);
    }

    void tagText_oddInput_tagsEveryTokenWithoutCrashing_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("only dots") << QStringLiteral("...");
        QTest::newRow("lone bracket") << QStringLiteral("(");
        QTest::newRow("emoji") << QStringLiteral("\U0001F642 great!!!");
        QTest::newRow("non-ASCII words") << QStringLiteral("Z\u00FCrich caf\u00E9 owners met in S\u00E3o Paulo.");
        QTest::newRow("symbols") << QStringLiteral("x = y + 2 * z | w");
        QTest::newRow("long word") << QString(400, u'a');
        QTest::newRow("hyphens only") << QStringLiteral("- -- --- a-b-c-d-e-f-g");
        QTest::newRow("contraction and possessive") << QStringLiteral("he'd's I'm's we'll's");
        QString longSentence;
        for (int i = 0; i < 3000; ++i)
            longSentence += QStringLiteral("the cat sat on 12 mats, ");
        QTest::newRow("very long sentence") << longSentence;
    }

    void tagText_oddInput_tagsEveryTokenWithoutCrashing()
    {
        QFETCH(QString, text);
        const Tagger::Tagged t = Tagger::instance().tagText(text);
        QCOMPARE(t.tags.size(), t.tokens.size());
        QVERIFY(std::none_of(t.tags.begin(), t.tags.end(), [](PosTag p) { return p == PosTag::None; }));
    }

    void tagText_threeUnitsInOneToken_onAFreshThread()
    {
        // "he'd's" is he + 'd + 's: a fresh thread starts with empty scratch
        // buffers, so a buffer sized for two units per token would overflow.
        Tagger::Tagged t;
        std::thread worker([&] { t = Tagger::instance().tagText(u"he'd's"); });
        worker.join();
        QCOMPARE(t.tokens.size(), size_t(1));
        QCOMPARE(t.tags[0], PosTag::PRP);
        // the last clitic ('s, not 'd: MD or VBD) has the one slot
        QVERIFY(t.clitics[0] == PosTag::POS || t.clitics[0] == PosTag::VBZ);
    }

    void pennName_everyTag_roundTrips()
    {
        for (int i = 0; i < kPosTagCount; ++i) {
            const auto tag = static_cast<PosTag>(i);
            QCOMPARE(posTagFromPenn(QString(pennName(tag))), tag);
        }
        QCOMPARE(posTagFromPenn(u"XYZ"), PosTag::None);
    }
};

QTEST_GUILESS_MAIN(TaggerTest)
#include "tagger_test.moc"
