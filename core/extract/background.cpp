#include "background.h"

#include "lexicon.h"
#include "tagger.h"

namespace carto::extract {

const Background &Background::instance()
{
    // never destroyed: a worker the job runner abandoned may still read it
    // while the process exits, and freeing its tables would only cost time
    static const Background *const background = new Background;
    return *background;
}

Background::Background()
{
    const Lexicon &lex = Lexicon::instance();
    double total = 0;
    Tagger::instance().forEachSpelling([&](QStringView spelling, int count) {
        total += count;
        const QString lower = spelling.toString().toLower();
        m_counts[lower] += count;
        // inflections also count for their noun lemma ("jobs" for "job")
        const std::string base = lex.nounBase(lower.toStdString());
        if (!base.empty()) {
            const QString lemma = QString::fromStdString(base);
            if (lemma != lower)
                m_counts[lemma] += count;
        }
    });
    // The news lexicon alone under-counts the words of ordinary prose
    // ("family", "people" are rare in a financial paper): the count is the mean
    // of the news count and WordNet's SemCor tag count (a sense-tagged sample
    // of the balanced Brown corpus), scaled to the lexicon's size.
    const double scale = total / std::max(1.0, static_cast<double>(lex.totalTagCount()));
    QHash<QString, double> mean;
    for (auto it = m_counts.cbegin(); it != m_counts.cend(); ++it)
        mean[it.key()] = 0.5 * it.value();
    lex.forEachTagCount([&](std::string_view lemma, int count) {
        if (lemma.find('_') == std::string_view::npos)
            mean[QString::fromUtf8(lemma.data(), static_cast<qsizetype>(lemma.size()))] += 0.5 * scale * count;
    });
    m_counts.clear();
    for (auto it = mean.cbegin(); it != mean.cend(); ++it)
        m_counts.insert(it.key(), static_cast<int>(it.value() + 0.5));
    m_total = std::max(1.0, total);
}

int Background::count(const QString &lower) const
{
    return m_counts.value(lower, 0);
}

} // namespace carto::extract
