// Tokenising the corpus: which blocks' letter case tells nothing about names,
// which blocks are left out, and the tokens and sentences the later stages read.
#include "core/extract/stagepipeline.h"

#include "extract/corpustokens.h"

#include <QTest>

#include <optional>

using namespace carto;
using namespace carto::extract;
using namespace Qt::StringLiterals;

namespace {

// "word" for each word token of document 0 with CaseUnreliable, in order.
QStringList unreliableWords(const ingest::Corpus &corpus, const std::vector<DocumentTokens> &docs)
{
    QStringList out;
    for (const Token &t : docs[0].tokens) {
        if (t.isWord() && t.has(Token::CaseUnreliable))
            out << corpus.documents[0].text.mid(t.start, t.end - t.start);
    }
    return out;
}

std::vector<DocumentTokens> tokens(const ingest::Corpus &corpus, int threads = 1)
{
    std::vector<FormInterner> interners;
    return tokenizeCorpus(corpus, threads, interners, nullptr);
}

// The first word token of a one-document text written as `word`, or none.
// The surface of every word token of the corpus's first document, in order.
QStringList wordsOf(const ingest::Corpus &corpus)
{
    const QString &text = corpus.documents[0].text;
    const std::vector<DocumentTokens> docs = tokens(corpus);
    QStringList words;
    for (const Token &t : docs[0].tokens) {
        if (t.isWord())
            words << text.mid(t.start, t.end - t.start);
    }
    return words;
}

std::optional<Token> wordToken(const QString &text, const QString &word)
{
    const ingest::Corpus corpus = test::readCorpus({text});
    const QString &t = corpus.documents[0].text;
    const std::vector<DocumentTokens> docs = tokens(corpus);
    for (const Token &k : docs[0].tokens) {
        if (k.isWord() && t.mid(k.start, k.end - k.start) == word)
            return k;
    }
    return std::nullopt;
}

} // namespace

class CorpusTokensTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void caseUnreliable_block_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<bool>("heading");
        QTest::addColumn<bool>("unreliable");
        auto row = [](const char *tag, const QString &text, bool heading, bool unreliable) {
            QTest::newRow(tag) << text << heading << unreliable;
        };
        row("heading", u"Export controls slowed sales this year."_s, true, true);
        row("title-case line", u"How to Train Your Model"_s, false, true);
        row("title-case line of twelve words", u"A Short History of the Export Controls on Chips and Their Makers"_s,
            false, true);
        row("shouted sentence", u"THE PRESIDENT SPOKE TO CONGRESS."_s, false, true);
        row("shouted block of many words",
            u"THE SOFTWARE IS PROVIDED AS IS, WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT "
            "LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT."_s,
            false, true);
        row("mostly shouted", u"NORTH KOREA TESTED a NEW MISSILE again."_s, false, true);
        row("short shouted sentence", u"GO HOME NOW."_s, false, true);
        row("running text", u"Export controls slowed sales this year."_s, false, false);
        row("sentence full of names", u"Grace Shao Met Ada Lovelace In London."_s, false, false);
        row("long line of lower-case words",
            u"export controls on chips and the tools that make them slowed sales in every market this year and last"_s,
            false, false);
        row("short lower-case line", u"export controls and chips"_s, false, false);
        row("one acronym in a sentence", u"NATO met in Brussels to discuss the budget."_s, false, false);
    }

    void caseUnreliable_block()
    {
        QFETCH(QString, text);
        QFETCH(bool, heading);
        QFETCH(bool, unreliable);
        QCOMPARE(caseUnreliable(text, heading), unreliable);
    }

    void tokenizeCorpus_unreliableBlocks_flagEveryToken()
    {
        const ingest::Corpus corpus = test::readCorpus(
            {u"# Export Controls\n\nFirms fear Export Controls.\n\nTHE SOFTWARE IS PROVIDED AS IS.\n\nUsers copy it.\n"_s});
        const std::vector<DocumentTokens> docs = tokens(corpus);
        QCOMPARE(unreliableWords(corpus, docs),
                 (QStringList{u"Export"_s, u"Controls"_s, u"THE"_s, u"SOFTWARE"_s, u"IS"_s, u"PROVIDED"_s, u"AS"_s, u"IS"_s}));
    }

    void tokenizeCorpus_codeBlocks_areLeftOut()
    {
        const ingest::Corpus corpus =
            test::readCorpus({u"# Setup\n\nInstall the tools first.\n\n```\nnpm install left_pad\n```\n\nThen run it.\n"_s});
        const QString &text = corpus.documents[0].text;
        const QStringList words = wordsOf(corpus);
        QVERIFY2(text.contains(u"left_pad"_s), qPrintable(text));
        QVERIFY2(words.contains(u"tools"_s) && words.contains(u"run"_s), qPrintable(words.join(u' ')));
        QVERIFY2(!words.contains(u"npm"_s) && !words.contains(u"left_pad"_s), qPrintable(words.join(u' ')));
    }

    void tokenizeCorpus_listInPageBody_isReadSiteChromeIsNot()
    {
        // A page with landmarks (<nav>, <main>, <footer>) says itself what is
        // furniture: the list of people in its body is content, its menu is not.
        const QString path = QStringLiteral(CARTO_TEST_DATA_DIR "/ingest/listpage.html");
        ingest::Corpus corpus;
        std::optional<ingest::Document> doc = ingest::CorpusReader().readFile(path, u"listpage.html"_s, corpus.problems);
        QVERIFY(doc && doc->chromeMarked);
        corpus.documents.push_back(std::move(*doc));
        const QStringList words = wordsOf(corpus);
        for (const QString &name : {u"Jacquard"_s, u"Babbage"_s, u"Lovelace"_s, u"Hollerith"_s, u"Lyon"_s, u"London"_s})
            QVERIFY2(words.contains(name), qPrintable(name + u": "_s + words.join(u' ')));
        for (const QString &chrome : {u"Home"_s, u"Looms"_s, u"Contact"_s})
            QVERIFY2(!words.contains(chrome), qPrintable(chrome + u": "_s + words.join(u' ')));
    }

    void tokenizeCorpus_sentences_followTheReaderAndOpenWithSentenceStart()
    {
        const ingest::Corpus corpus =
            test::readCorpus({u"Mr. Smith went to Washington. He met J. F. Kennedy there.\nA new line starts here."_s});
        const ingest::Document &doc = corpus.documents[0];
        const std::vector<DocumentTokens> docs = tokens(corpus);
        const DocumentTokens &d = docs[0];
        QCOMPARE(d.sentences.size(), doc.sentences.size());
        QCOMPARE(d.sentences.size(), size_t(3)); // no break after "Mr." or an initial
        for (size_t i = 0; i < d.sentences.size(); ++i) {
            const Sentence &s = d.sentences[i];
            QCOMPARE(s.range, doc.sentences[i]);
            QVERIFY(s.tokBegin < s.tokEnd);
            for (std::int32_t k = s.tokBegin; k < s.tokEnd; ++k) {
                const Token &t = d.tokens[static_cast<size_t>(k)];
                QVERIFY(s.range.contains(TextRange{t.start, t.end}));
                QCOMPARE(t.has(Token::SentenceStart), k == s.tokBegin);
            }
        }
    }

    void tokenizeCorpus_words_carryTheirFlags_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word"); // one token, as written
        QTest::addColumn<int>("flags");    // all of these
        QTest::newRow("possessive") << u"We saw China's growth."_s << u"China"_s << int(Token::Possessive);
        QTest::newRow("hyphen") << u"We built open-source tools."_s << u"open"_s << int(Token::HyphenNext);
        QTest::newRow("number") << u"They planted 2,000 trees."_s << u"2,000"_s << int(Token::Number);
        QTest::newRow("abbreviation") << u"We met the U.S. envoy."_s << u"U.S."_s << 0;
        QTest::newRow("contraction") << u"We don't know."_s << u"don't"_s << 0;
        QTest::newRow("file name") << u"Then edit package.json now."_s << u"package.json"_s << int(Token::Identifier);
        QTest::newRow("snake case") << u"Then delete node_modules now."_s << u"node_modules"_s << int(Token::Identifier);
        QTest::newRow("language") << u"They wrote it in C++ today."_s << u"C++"_s << int(Token::Identifier);
        QTest::newRow("absolute path") << u"Files live in /var/lib/dpkg now."_s << u"/var/lib/dpkg"_s
                                       << int(Token::Identifier);
        QTest::newRow("directory") << u"See (/usr/share/doc/) for more."_s << u"/usr/share/doc/"_s
                                   << int(Token::Identifier);
        QTest::newRow("lower camel case") << u"Then call inputFileName again."_s << u"inputFileName"_s
                                          << int(Token::Identifier);
    }

    void tokenizeCorpus_words_carryTheirFlags()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QFETCH(int, flags);
        const std::optional<Token> token = wordToken(text, word);
        QVERIFY(token);
        QCOMPARE(token->flags & flags, flags);
    }

    void tokenizeCorpus_wordsOfProse_areNoIdentifiers_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word");
        QTest::newRow("one lower-case letter, then a name") << u"She bought an iPhone today."_s << u"iPhone"_s;
        QTest::newRow("a name in its own case") << u"They sold it on eBay twice."_s << u"eBay"_s;
        QTest::newRow("a Scottish name") << u"We met McDonald there."_s << u"McDonald"_s;
    }

    void tokenizeCorpus_wordsOfProse_areNoIdentifiers()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        const std::optional<Token> token = wordToken(text, word);
        QVERIFY(token);
        QVERIFY(!token->has(Token::Identifier));
    }

    void tokenizeCorpus_hyphenBeforeAnArticle_isADash_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word");
        QTest::addColumn<bool>("joined"); // HyphenNext: one word with the next
        QTest::newRow("name, then the") << u"Benjamin Franklin-the oldest delegate-looked over."_s << u"Franklin"_s
                                        << false;
        QTest::newRow("verb, then a") << u"Governors have-a lineitem veto."_s << u"have"_s << false;
        QTest::newRow("article inside a compound") << u"It is state-of-the-art work."_s << u"of"_s << true;
        QTest::newRow("compound") << u"We built open-source tools."_s << u"open"_s << true;
        QTest::newRow("capital A") << u"He has a Type-A temper."_s << u"Type"_s << true;
    }

    void tokenizeCorpus_hyphenBeforeAnArticle_isADash()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QFETCH(bool, joined);
        const std::optional<Token> token = wordToken(text, word);
        QVERIFY(token);
        QCOMPARE(token->has(Token::HyphenNext), joined);
    }

    void tokenizeCorpus_slashWithoutAPath_isPunctuation_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word"); // a word token that must exist as written
        QTest::newRow("and/or") << u"Bring tea and/or coffee."_s << u"and"_s;
        QTest::newRow("one segment") << u"Mount it at /mnt today."_s << u"mnt"_s;
        QTest::newRow("fraction") << u"It rose 3/4 of a point."_s << u"3"_s;
    }

    void tokenizeCorpus_slashWithoutAPath_isPunctuation()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        const ingest::Corpus corpus = test::readCorpus({text});
        const QString &t = corpus.documents[0].text;
        const std::vector<DocumentTokens> docs = tokens(corpus);
        bool found = false;
        for (const Token &k : docs[0].tokens) {
            QVERIFY2(!(k.isWord() && t.mid(k.start, k.end - k.start).contains(u'/')), qPrintable(t.mid(k.start, k.end - k.start)));
            found = found || (k.isWord() && t.mid(k.start, k.end - k.start) == word);
        }
        QVERIFY(found);
    }

    void tokenizeCorpus_address_isOneTokenAndNoWord_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("address"); // one token, no word, exactly this
        QTest::addColumn<QString>("after");   // the word after it, still a word
        QTest::newRow("e-mail") << u"Write to anne.person@mail.example.org today."_s << u"anne.person@mail.example.org"_s
                                << u"today"_s;
        QTest::newRow("in angle brackets") << u"From Ada <ada@example.net> wrote."_s << u"ada@example.net"_s
                                           << u"wrote"_s;
        QTest::newRow("URL, sentence end") << u"See http://mail.example.org/mailman/listinfo/list-users. Then go."_s
                                           << u"http://mail.example.org/mailman/listinfo/list-users"_s << u"Then"_s;
        QTest::newRow("URL in brackets") << u"The page (https://example.org/wiki/A_(b)) explains."_s
                                         << u"https://example.org/wiki/A_(b)"_s << u"explains"_s;
        QTest::newRow("www") << u"Visit www.example.com for news."_s << u"www.example.com"_s << u"for"_s;
        QTest::newRow("mailto") << u"Mail mailto:list-request@example.org?subject=help now."_s
                                << u"mailto:list-request@example.org?subject=help"_s << u"now"_s;
    }

    void tokenizeCorpus_address_isOneTokenAndNoWord()
    {
        QFETCH(QString, text);
        QFETCH(QString, address);
        QFETCH(QString, after);
        const ingest::Corpus corpus = test::readCorpus({text});
        const QString &t = corpus.documents[0].text;
        const std::vector<DocumentTokens> docs = tokens(corpus);
        const qsizetype at = t.indexOf(address);
        QVERIFY(at >= 0);
        int addresses = 0;
        bool afterFound = false;
        for (const Token &k : docs[0].tokens) {
            const QString surface = t.mid(k.start, k.end - k.start);
            if (!k.isWord() && k.punct == kAddressMark) {
                ++addresses;
                QCOMPARE(surface, address);
            }
            QVERIFY2(!(k.isWord() && k.start >= at && k.end <= at + address.size()), qPrintable(surface));
            afterFound = afterFound || (k.isWord() && surface == after);
        }
        QCOMPARE(addresses, 1);
        QVERIFY(afterFound);
    }

    void tokenizeCorpus_notAnAddress_staysWords_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word");
        QTest::newRow("domain alone") << u"The freedesktop.org project grew."_s << u"freedesktop.org"_s;
        QTest::newRow("at sign in prose") << u"Meet me @ noon."_s << u"noon"_s;
        QTest::newRow("colon, no slashes") << u"Note: tea is ready."_s << u"Note"_s;
    }

    void tokenizeCorpus_notAnAddress_staysWords()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QVERIFY(wordToken(text, word));
    }

    void tokenizeCorpus_optionalEnding_isNoWord_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<QString>("word");   // the word before the ending, as written
        QTest::addColumn<QString>("ending"); // no word token of its own
        QTest::newRow("plural es") << u"Check the address(es) above."_s << u"address"_s << u"es"_s;
        QTest::newRow("plural s") << u"Name the recipient(s) here."_s << u"recipient"_s << u"s"_s;
    }

    void tokenizeCorpus_optionalEnding_isNoWord()
    {
        QFETCH(QString, text);
        QFETCH(QString, word);
        QFETCH(QString, ending);
        const QStringList words = wordsOf(test::readCorpus({text}));
        QVERIFY2(words.contains(word), qPrintable(words.join(u' ')));
        QVERIFY2(!words.contains(ending), qPrintable(words.join(u' ')));
        // A bracketed word after a space is a word.
        QVERIFY(wordToken(u"The loom (of Lyon) ran."_s, u"of"_s));
    }

    void tokenizeCorpus_threadCount_changesNoToken()
    {
        QStringList texts;
        for (int i = 0; i < 6; ++i)
            texts << QStringLiteral("Document %1 talks about export controls. # Not a heading here.\nChina's firms grew.").arg(i);
        const ingest::Corpus corpus = test::readCorpus(texts);
        const std::vector<DocumentTokens> one = tokens(corpus, 1);
        const std::vector<DocumentTokens> three = tokens(corpus, 3);
        QCOMPARE(one.size(), three.size());
        for (size_t d = 0; d < one.size(); ++d) {
            QCOMPARE(one[d].tokens.size(), three[d].tokens.size());
            QCOMPARE(one[d].sentences.size(), three[d].sentences.size());
            for (size_t i = 0; i < one[d].tokens.size(); ++i) {
                QCOMPARE(one[d].tokens[i].start, three[d].tokens[i].start);
                QCOMPARE(one[d].tokens[i].end, three[d].tokens[i].end);
                QCOMPARE(one[d].tokens[i].flags, three[d].tokens[i].flags);
            }
        }
    }

    void tokenizeCorpus_cancelled_tokenizesNothing()
    {
        const ingest::Corpus corpus = test::readCorpus({u"Export controls slowed sales."_s});
        CancelToken cancel;
        cancel.cancel();
        std::vector<FormInterner> interners;
        const std::vector<DocumentTokens> docs = tokenizeCorpus(corpus, 1, interners, &cancel);
        QCOMPARE(docs.size(), size_t(1));
        QVERIFY(docs[0].tokens.empty());
    }
};

QTEST_GUILESS_MAIN(CorpusTokensTest)
#include "corpustokens_test.moc"
