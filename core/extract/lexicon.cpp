// Lexicon's queries; the WordNet files behind them are read in lexiconfiles.cpp.
#include "lexicon.h"
#include "lexicon_p.h"

#include <QByteArray>

#include <wn.h>

#include <algorithm>
#include <string>
#include <vector>

namespace carto::extract {

using lexicon_detail::kPosCount;

Lexicon::Lexicon()
    : d(new Private)
{
    d->load();
}

Lexicon::~Lexicon()
{
    delete d;
}

const Lexicon &Lexicon::instance()
{
    // never destroyed: a worker the job runner abandoned may still read it
    // while the process exits, and freeing its tables would only cost time
    static const Lexicon *const lexicon = new Lexicon;
    return *lexicon;
}

bool Lexicon::isLoaded() const
{
    return d->loaded;
}

std::uint8_t Lexicon::posMask(std::string_view word) const
{
    const Private::Entry *e = d->entry(word);
    if (!e)
        return 0;
    std::uint8_t mask = 0;
    for (int pos = 0; pos < kPosCount; ++pos) {
        if (e->line[static_cast<size_t>(pos)] >= 0)
            mask |= static_cast<std::uint8_t>(1 << pos);
    }
    return mask;
}

std::uint8_t Lexicon::inflectedPosMask(std::string_view word) const
{
    std::uint8_t mask = posMask(word);
    for (int pos = 0; pos < 3; ++pos) {
        if (!(mask & (1 << pos)) && !d->base(word, pos).empty())
            mask |= static_cast<std::uint8_t>(1 << pos);
    }
    return mask;
}

std::string Lexicon::nounBase(std::string_view word) const
{
    // A listed noun is its own lemma ("data", "news") unless a plural rule finds
    // a listed base ("fields" -> "field", "models" -> "model").
    if (d->has(word, 0)) {
        if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') {
            std::string singular(word.substr(0, word.size() - 1));
            if (d->has(singular, 0))
                return singular;
        }
        return std::string(word);
    }
    return d->base(word, 0);
}

std::string Lexicon::verbBase(std::string_view word) const
{
    return d->base(word, 1);
}

int Lexicon::tagCount(std::string_view lemma) const
{
    auto it = d->tagCounts.find(lemma);
    return it == d->tagCounts.end() ? 0 : it->second;
}

qint64 Lexicon::totalTagCount() const
{
    qint64 total = 0;
    for (const auto &[lemma, count] : d->tagCounts)
        total += count;
    return total;
}

void Lexicon::forEachTagCount(const std::function<void(std::string_view, int)> &f) const
{
    for (const auto &[lemma, count] : d->tagCounts)
        f(lemma, count);
}

int Lexicon::tagCount(std::string_view word, Pos pos) const
{
    const int index = pos == Noun ? 0 : pos == Verb ? 1 : pos == Adjective ? 2 : 3;
    const std::string base = d->base(word, index);
    const std::string_view lemma = base.empty() ? word : std::string_view(base);
    const auto &counts = d->posTagCounts[static_cast<size_t>(index)];
    auto it = counts.find(lemma);
    return it == counts.end() ? 0 : it->second;
}

bool Lexicon::isRelationalAdjective(std::string_view adjective) const
{
    for (long offset : d->offsets(adjective, 2)) {
        const Private::Synset s = d->synset(2, offset);
        for (const auto &ptr : s.pointers) {
            if (ptr.symbol == "\\")
                return true;
        }
    }
    return false;
}

QStringList Lexicon::properSynonyms(std::string_view lemma) const
{
    QStringList out;
    for (long offset : d->offsets(lemma, 0)) {
        const Private::Synset s = d->synset(0, offset, false);
        if (!s.spellsCapitalised(lemma))
            continue;
        for (std::string_view w : s.words) {
            QString name = QString::fromUtf8(w.data(), static_cast<qsizetype>(w.size()));
            name.replace(u'_', u' ');
            if (name.compare(QString::fromUtf8(lemma.data(), static_cast<qsizetype>(lemma.size())).replace(u'_', u' '),
                             Qt::CaseInsensitive) != 0)
                out.append(name);
        }
        break;
    }
    return out;
}

int Lexicon::placeSenses(std::string_view lemma) const
{
    int n = 0;
    for (long offset : d->offsets(lemma, 0)) {
        const Private::Synset s = d->synset(0, offset, false);
        n += s.spellsCapitalised(lemma) && s.lexFile >= 0 && std::string_view(lexfiles[s.lexFile]) == "noun.location" ? 1 : 0;
    }
    return n;
}

QString Lexicon::nounLexFile(std::string_view lemma, bool preferProper) const
{
    const std::vector<long> offsets = d->offsets(lemma, 0);
    int fallback = -1;
    for (long offset : offsets) {
        const Private::Synset s = d->synset(0, offset, false);
        if (s.lexFile < 0)
            continue;
        if (fallback < 0)
            fallback = s.lexFile;
        if (!preferProper)
            break;
        if (s.spellsCapitalised(lemma))
            return QString::fromLatin1(lexfiles[s.lexFile]);
    }
    if (preferProper || fallback < 0)
        return {};
    return QString::fromLatin1(lexfiles[fallback]);
}

int Lexicon::firstClassSense(std::string_view lemma) const
{
    const std::vector<long> offsets = d->offsets(lemma, 0);
    for (size_t i = 0; i < offsets.size(); ++i) {
        if (!d->synset(0, offsets[i]).isInstance())
            return static_cast<int>(i);
    }
    return 0;
}

QString Lexicon::nounSenseLexFile(std::string_view lemma, int sense) const
{
    const std::vector<long> offsets = d->offsets(lemma, 0);
    if (sense < 0 || static_cast<size_t>(sense) >= offsets.size())
        return {};
    const Private::Synset s = d->synset(0, offsets[static_cast<size_t>(sense)], false);
    return s.lexFile < 0 ? QString() : QString::fromLatin1(lexfiles[s.lexFile]);
}

bool Lexicon::properOnly(std::string_view lemma) const
{
    const std::vector<long> offsets = d->offsets(lemma, 0);
    if (offsets.empty())
        return false;
    for (long offset : offsets) {
        if (!d->synset(0, offset, false).spellsCapitalised(lemma))
            return false;
    }
    return true;
}

QString Lexicon::properPertainym(std::string_view adjective) const
{
    QString found;
    for (long offset : d->offsets(adjective, 2)) {
        const Private::Synset s = d->synset(2, offset);
        int self = 0; // 1-based position of the adjective in its synset
        for (size_t k = 0; k < s.words.size(); ++k) {
            if (QByteArray(s.words[k].data(), static_cast<qsizetype>(s.words[k].size())).toLower()
                == QByteArray(adjective.data(), static_cast<qsizetype>(adjective.size())))
                self = static_cast<int>(k) + 1;
        }
        for (const auto &ptr : s.pointers) {
            if (ptr.symbol != "\\" || ptr.pos != 0)
                continue;
            if (ptr.source != 0 && ptr.source != self)
                continue; // the pointer belongs to another word of the synset
            const Private::Synset target = d->synset(0, ptr.offset);
            const int index = ptr.target - 1;
            if (index < 0 || index >= static_cast<int>(target.words.size()))
                continue;
            const std::string_view w = target.words[static_cast<size_t>(index)];
            if (w.empty() || !(w.front() >= 'A' && w.front() <= 'Z'))
                return {}; // pertains to a common noun: not a nationality
            // "Chinese" also pertains to the language; places decide (continents
            // such as Asia live in noun.object)
            if (target.lexFile < 0
                || (std::string_view(lexfiles[target.lexFile]) != "noun.location"
                    && std::string_view(lexfiles[target.lexFile]) != "noun.object"))
                continue;
            QString name = QString::fromUtf8(w.data(), static_cast<qsizetype>(w.size()));
            name.replace(u'_', u' ');
            if (!found.isEmpty() && found.compare(name, Qt::CaseInsensitive) != 0)
                return {}; // ambiguous
            found = name;
        }
    }
    return found;
}

std::vector<Lexicon::NounClass> Lexicon::instanceClasses(std::string_view lemma) const
{
    std::vector<NounClass> out;
    for (long offset : d->offsets(lemma, 0)) {
        const Private::Synset s = d->synset(0, offset);
        if (!s.spellsCapitalised(lemma))
            continue;
        // the capitalised word's first reading decides: "Republican" is first
        // a party member, and only third the Republican River
        if (!s.isInstance() && out.empty())
            break;
        for (const auto &ptr : s.pointers) {
            if (ptr.symbol != "@i" || ptr.pos != 0)
                continue;
            const Private::Synset target = d->synset(0, ptr.offset);
            if (target.words.empty() || target.lexFile < 0)
                continue;
            QString word = QString::fromUtf8(target.words.front().data(), static_cast<qsizetype>(target.words.front().size()));
            word.replace(u'_', u' ');
            out.push_back({word, QString::fromLatin1(lexfiles[target.lexFile])});
        }
    }
    return out;
}

std::vector<std::string> Lexicon::hypernymWords(std::string_view lemma, int senses, int firstSense) const
{
    // breadth first, so the nearest classes come first; WordNet's noun
    // hierarchy is at most ~20 levels deep, the visited set bounds the walk
    std::vector<std::string> out;
    std::vector<long> frontier;
    const std::vector<long> offsets = d->offsets(lemma, 0);
    for (size_t i = static_cast<size_t>(std::max(0, firstSense)); i < offsets.size() && static_cast<int>(i) < firstSense + senses; ++i)
        frontier.push_back(offsets[i]);
    std::vector<long> seen = frontier;
    while (!frontier.empty()) {
        std::vector<long> next;
        for (long offset : frontier) {
            for (long up : d->nounHypernyms(offset)) {
                if (std::find(seen.begin(), seen.end(), up) != seen.end())
                    continue;
                seen.push_back(up);
                next.push_back(up);
                for (std::string_view w : d->synset(0, up, false).words) {
                    std::string lower(w);
                    for (char &ch : lower)
                        ch = (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch;
                    out.push_back(std::move(lower));
                }
            }
        }
        frontier = std::move(next);
    }
    return out;
}

} // namespace carto::extract
