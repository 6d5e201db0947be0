#include "stopwords.h"

#include <QSet>
#include <QString>

namespace carto::extract {

namespace {

QSet<QString> makeSet(std::initializer_list<const char16_t *> words)
{
    QSet<QString> set;
    for (const char16_t *w : words)
        set.insert(QString::fromUtf16(w));
    return set;
}

} // namespace

bool isStopword(QStringView lowerWord)
{
    // Function words plus sentence adverbs, vague quantifiers and deictic time
    // words: general English, not drawn from any corpus.
    static const QSet<QString> words = makeSet({
        u"a", u"about", u"above", u"across", u"after", u"again", u"against", u"all", u"almost", u"along",
        u"already", u"also", u"although", u"always", u"am", u"among", u"amongst", u"an", u"and", u"another",
        u"any", u"anyone", u"anything", u"are", u"around", u"as", u"at", u"away", u"back", u"be", u"became",
        u"because", u"become", u"becomes", u"been", u"before", u"behind", u"being", u"below", u"beside",
        u"besides", u"between", u"beyond", u"both", u"but", u"by", u"can", u"cannot", u"could", u"did",
        u"do", u"does", u"doing", u"done", u"down", u"during", u"each", u"either", u"else", u"enough",
        u"especially", u"etc", u"even", u"ever", u"every", u"everyone", u"everything", u"few", u"fewer",
        u"first", u"for", u"former", u"from", u"further", u"furthermore", u"had", u"has", u"have", u"having",
        u"he", u"hence", u"her", u"here", u"hers", u"herself", u"him", u"himself", u"his", u"how", u"however",
        u"i", u"if", u"in", u"indeed", u"instead", u"into", u"is", u"it", u"its", u"itself", u"just",
        u"last", u"later", u"latter", u"least", u"less", u"let", u"like", u"many", u"may", u"me", u"meanwhile",
        u"might", u"mine", u"more", u"moreover", u"most", u"mostly", u"much", u"must", u"my", u"myself",
        u"namely", u"near", u"neither", u"never", u"nevertheless", u"next", u"no", u"nobody", u"none",
        u"nonetheless", u"nor", u"not", u"nothing", u"now", u"of", u"off", u"often", u"on", u"once", u"one",
        u"ones", u"only", u"onto", u"or", u"other", u"others", u"otherwise", u"ought", u"our", u"ours",
        u"ourselves", u"out", u"over", u"own", u"past", u"per", u"perhaps", u"quite", u"rather", u"really",
        u"same", u"second", u"several", u"shall", u"she", u"should", u"since", u"so", u"some", u"someone",
        u"something", u"sometimes", u"soon", u"still", u"such", u"than", u"that", u"the", u"their", u"theirs",
        u"them", u"themselves", u"then", u"thence", u"there", u"thereby", u"therefore", u"these", u"they",
        u"third", u"this", u"those", u"though", u"through", u"throughout", u"thus", u"to", u"today",
        u"together", u"tomorrow", u"too", u"toward", u"towards", u"under", u"unless", u"until", u"unto",
        u"up", u"upon", u"us", u"very", u"via", u"was", u"we", u"well", u"were", u"what", u"whatever",
        u"when", u"whence", u"whenever", u"where", u"whereas", u"whether", u"which", u"while", u"who",
        u"whoever", u"whole", u"whom", u"whose", u"why", u"will", u"with", u"within", u"without", u"would",
        u"yes", u"yesterday", u"yet", u"you", u"your", u"yours", u"yourself", u"yourselves", u"thank",
        u"thanks", u"please", u"ago", u"recent", u"recently", u"certain", u"various", u"new", u"great",
        u"good", u"best", u"better", u"big", u"small", u"large", u"high", u"low", u"key", u"main", u"major",
        u"significant", u"important", u"different", u"similar", u"general", u"particular", u"current",
        u"present", u"previous", u"following", u"entire", u"full", u"real", u"true", u"clear", u"possible",
        u"necessary", u"able", u"sure", u"whole", u"upcoming", u"today's", u"year", u"years", u"day", u"days",
        u"month", u"months", u"week", u"weeks", u"time", u"times", u"way", u"ways", u"thing", u"things",
        u"lot", u"lots", u"kind", u"kinds", u"sort", u"part", u"parts", u"number", u"amount",
        u"fact", u"case", u"cases", u"example", u"instance", u"point", u"end", u"use", u"mr", u"mrs", u"ms",
        u"dr", u"st", u"prof", u"sir", u"madam", u"despite", u"amid", u"regarding", u"concerning",
        u"including", u"according", u"versus", u"vs", u"unlike", u"whilst", u"herein",
        u"two", u"three", u"four", u"five", u"six", u"seven", u"eight", u"nine", u"ten", u"eleven",
        u"twelve", u"twenty", u"thirty", u"forty", u"fifty", u"sixty", u"seventy", u"eighty", u"ninety",
        u"hundred", u"hundreds", u"thousand", u"thousands", u"million", u"millions", u"billion",
        u"billions", u"trillion", u"trillions", u"dozen", u"dozens", u"half", u"twice", u"hereby", u"whereby", u"wherein", u"said",
    });
    if (words.contains(lowerWord.toString()))
        return true;
    // A contraction of a function word is one too: "i've", "we're", "it's",
    // "don't". Possessives of content words ("china's") are not.
    static const QSet<QString> clitics = makeSet({u"'s", u"'ve", u"'m", u"'ll", u"'d", u"'re", u"n't"});
    for (const char16_t apostrophe : {u'\'', u'\u2019'}) {
        const qsizetype at = lowerWord.lastIndexOf(apostrophe);
        if (at <= 0)
            continue;
        QString clitic = lowerWord.mid(at).toString();
        clitic[0] = u'\'';
        QStringView base = lowerWord.first(at);
        if (clitic == u"'t" && base.endsWith(u'n')) { // "don't" splits as do + n't
            base.chop(1);
            clitic = QStringLiteral("n't");
        }
        if (clitics.contains(clitic))
            return words.contains(base.toString()) || clitic == u"n't";
    }
    return false;
}

bool isHonorific(QStringView lowerWord)
{
    static const QSet<QString> words = makeSet({u"mr", u"mrs", u"ms", u"dr", u"prof", u"sir", u"madam",
                                                u"miss", u"mx", u"rev", u"sen", u"rep", u"gov", u"gen",
                                                u"lord", u"lady"});
    return words.contains(lowerWord.toString());
}

} // namespace carto::extract
