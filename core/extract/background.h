#pragma once

#include <QHash>
#include <QString>

namespace carto::extract {

// How often words occur in general English: the counts of the tagger's
// Penn Treebank lexicon (about 1.2 M words of edited news prose), summed over
// spellings (case) and over the inflections of each noun lemma ("jobs" and
// "Job" count for "job"). The scorer measures keyness against it. Built once
// per process from the tagger's table; read-only afterwards.
class Background final
{
public:
    static const Background &instance();

    // Occurrences of a lower-case word (any case, any inflection of its noun
    // lemma); 0 when the lexicon does not list it.
    [[nodiscard]] int count(const QString &lower) const;
    // Tokens in the background corpus (the sum of all counts).
    [[nodiscard]] double total() const { return m_total; }

private:
    Background();

    QHash<QString, int> m_counts;
    double m_total = 1.0;
};

} // namespace carto::extract
