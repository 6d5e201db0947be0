#include "hyphenation.h"

#include <QFile>

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace carto::ingest {

namespace {

// The system word list, loaded once per process on the first question: one
// buffer of lower-cased lines and a sorted index of views into it (about 6 MB
// for web2's 235,000 words; a hash set of QStrings would take three times that).
class WordList final
{
public:
    static const WordList &instance()
    {
        static const WordList list;
        return list;
    }

    [[nodiscard]] bool contains(std::string_view word) const
    {
        return std::binary_search(m_words.begin(), m_words.end(), word);
    }

private:
    WordList()
    {
        QFile file(QStringLiteral(CARTO_WORDLIST_FILE));
        if (!file.open(QIODevice::ReadOnly))
            return; // no list: only the document's own evidence decides
        m_buffer = file.readAll().toLower().toStdString();
        std::string_view all(m_buffer);
        size_t start = 0;
        while (start < all.size()) {
            size_t end = all.find('\n', start);
            if (end == std::string_view::npos)
                end = all.size();
            if (end > start)
                m_words.push_back(all.substr(start, end - start));
            start = end + 1;
        }
        std::sort(m_words.begin(), m_words.end());
    }

    std::string m_buffer;
    std::vector<std::string_view> m_words;
};

bool inList(const std::string &w)
{
    return w.size() >= 2 && WordList::instance().contains(w);
}

bool isConsonant(char c)
{
    return c >= 'a' && c <= 'z' && std::string_view("aeiou").find(c) == std::string_view::npos;
}

// The word or the base form under a regular English inflection: plurals and
// third persons (-s, -es, -ies), past forms (-ed, -d, doubled consonants),
// -ing, -ly, -er, -est. web2 lists base forms only.
bool knownInflected(const std::string &w)
{
    if (inList(w))
        return true;
    const auto strip = [&](std::string_view suffix, std::string_view add = {}) {
        if (w.size() <= suffix.size() + 2 || !w.ends_with(suffix))
            return false;
        std::string base = w.substr(0, w.size() - suffix.size());
        if (inList(base + std::string(add)))
            return true;
        // stopped -> stop, running -> run
        const size_t n = base.size();
        return add.empty() && n >= 3 && base[n - 1] == base[n - 2] && isConsonant(base[n - 1]) && inList(base.substr(0, n - 1));
    };
    return strip("s") || strip("es") || strip("ies", "y") || strip("ed") || strip("ed", "e") || strip("ied", "y")
           || strip("ing") || strip("ing", "e") || strip("ly") || strip("ily", "y") || strip("er") || strip("er", "e")
           || strip("est") || strip("est", "e");
}

} // namespace

Hyphenation::Hyphenation(QStringView documentText)
    : m_text(documentText)
{
}

bool Hyphenation::isKnownWord(QStringView lowerWord)
{
    std::string w;
    w.reserve(size_t(lowerWord.size()));
    for (const QChar c : lowerWord) {
        if (c.unicode() > 0x7F || !c.isLetter())
            return false; // the list is ASCII; other words go by the document's evidence
        w.push_back(char(c.toLower().unicode()));
    }
    return knownInflected(w);
}

void Hyphenation::buildEvidence() const
{
    const qsizetype n = m_text.size();
    qsizetype i = 0;
    while (i < n) {
        while (i < n && !m_text[i].isLetter())
            ++i;
        const qsizetype start = i;
        bool hyphen = false;
        while (i < n && (m_text[i].isLetter() || (m_text[i] == u'-' && i + 1 < n && m_text[i + 1].isLetter()))) {
            hyphen = hyphen || m_text[i] == u'-';
            ++i;
        }
        if (i == start)
            continue;
        const QString word = m_text.mid(start, i - start).toString().toLower();
        // "writ-" at a line end is no evidence for anything: only mid-line hyphens count.
        if (i < n && m_text[i] == u'-')
            continue;
        if (hyphen)
            m_compounds.insert(word);
        else
            m_words.insert(word);
    }
}

bool Hyphenation::joins(QStringView left, QStringView right) const
{
    // Only the letters of the word after the break: "ing," -> "ing".
    qsizetype r = 0;
    while (r < right.size() && right[r].isLetter())
        ++r;
    right = right.first(r);
    if (left.isEmpty() || right.isEmpty())
        return false;
    std::call_once(m_built, [this] { buildEvidence(); });
    const QString l = left.toString().toLower();
    const QString rr = right.toString().toLower();
    const QString joined = l + rr;
    const bool joinedSeen = m_words.contains(joined);
    const bool compoundSeen = m_compounds.contains(l + u'-' + rr);
    if (joinedSeen != compoundSeen)
        return joinedSeen;
    if (isKnownWord(joined))
        return true;
    const bool halvesAreWords = l.size() >= 2 && (isKnownWord(l) || m_words.contains(l))
                                && (isKnownWord(rr) || m_words.contains(rr));
    return !halvesAreWords;
}

} // namespace carto::ingest
