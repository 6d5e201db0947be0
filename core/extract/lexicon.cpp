#include "lexicon.h"

#include <QByteArray>
#include <QFile>

#include <wn.h>

#include <algorithm>
#include <array>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

namespace carto::extract {

namespace {

// WordNet's morphy detachment table (morph.c, "sufx"/"addr"), by part of speech.
struct Detachment
{
    std::string_view suffix;
    std::string_view ending;
};
constexpr std::array kNounRules = {Detachment{"s", ""}, Detachment{"ses", "s"}, Detachment{"xes", "x"},
                                   Detachment{"zes", "z"}, Detachment{"ches", "ch"}, Detachment{"shes", "sh"},
                                   Detachment{"men", "man"}, Detachment{"ies", "y"}};
constexpr std::array kVerbRules = {Detachment{"s", ""}, Detachment{"ies", "y"}, Detachment{"es", "e"},
                                   Detachment{"es", ""}, Detachment{"ed", "e"}, Detachment{"ed", ""},
                                   Detachment{"ing", "e"}, Detachment{"ing", ""}};
constexpr std::array kAdjRules = {Detachment{"er", ""}, Detachment{"est", ""}, Detachment{"er", "e"},
                                  Detachment{"est", "e"}};

constexpr int kPosCount = 4; // noun, verb, adj, adv: the order of the files below
constexpr std::array<const char *, kPosCount> kPosNames = {"noun", "verb", "adj", "adv"};

struct Mapped
{
    std::unique_ptr<QFile> file;
    std::string_view text;

    bool open(const QString &path)
    {
        file = std::make_unique<QFile>(path);
        if (!file->open(QIODevice::ReadOnly))
            return false;
        if (file->size() == 0)
            return true;
        uchar *data = file->map(0, file->size());
        if (!data)
            return false;
        text = std::string_view(reinterpret_cast<const char *>(data), static_cast<size_t>(file->size()));
        return true;
    }
};

// Calls f(line) for each line that is not part of the licence header.
template <typename F>
void forEachLine(std::string_view text, F &&f)
{
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string_view::npos)
            end = text.size();
        std::string_view line = text.substr(pos, end - pos);
        if (!line.empty() && line.front() != ' ')
            f(line);
        pos = end + 1;
    }
}

std::string_view field(std::string_view line, size_t &pos)
{
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
    const size_t start = pos;
    while (pos < line.size() && line[pos] != ' ')
        ++pos;
    return line.substr(start, pos - start);
}

long toLong(std::string_view s, int base = 10)
{
    return std::strtol(std::string(s).c_str(), nullptr, base);
}

} // namespace

struct Lexicon::Private
{
    bool loaded = false;
    std::array<Mapped, kPosCount> indexFiles;
    std::array<Mapped, kPosCount> dataFiles;
    std::array<Mapped, 3> excFiles; // noun, verb, adj
    Mapped cntlist;
    // lemma -> offset of its index line, per part of speech (-1: absent)
    struct Entry
    {
        std::array<std::int32_t, kPosCount> line{-1, -1, -1, -1};
    };
    std::unordered_map<std::string_view, Entry> index;
    std::array<std::unordered_map<std::string_view, std::string_view>, 3> exceptions;
    std::unordered_map<std::string_view, int> tagCounts;
    // per part of speech: noun, verb, adjective (with satellites), adverb
    std::array<std::unordered_map<std::string_view, int>, kPosCount> posTagCounts;

    const Entry *entry(std::string_view w) const
    {
        auto it = index.find(w);
        return it == index.end() ? nullptr : &it->second;
    }
    bool has(std::string_view w, int pos) const
    {
        const Entry *e = entry(w);
        return e && e->line[pos] >= 0;
    }

    // morphy for one part of speech: exception list, the word itself, then the
    // detachment table. Returns the first base form listed in WordNet.
    std::string base(std::string_view w, int pos) const
    {
        if (pos < 3) {
            auto it = exceptions[pos].find(w);
            if (it != exceptions[pos].end())
                return std::string(it->second);
        }
        if (has(w, pos))
            return std::string(w);
        auto tryRules = [&](auto &rules) -> std::string {
            for (const Detachment &r : rules) {
                if (w.size() > r.suffix.size() && w.substr(w.size() - r.suffix.size()) == r.suffix) {
                    if (pos == 0 && r.suffix == "s" && w.size() >= 2 && w[w.size() - 2] == 's')
                        continue; // morphy leaves "-ss" nouns alone ("glass")
                    std::string candidate(w.substr(0, w.size() - r.suffix.size()));
                    candidate += r.ending;
                    if (has(candidate, pos))
                        return candidate;
                }
            }
            return {};
        };
        if (pos == 0)
            return tryRules(kNounRules);
        if (pos == 1)
            return tryRules(kVerbRules);
        if (pos == 2)
            return tryRules(kAdjRules);
        return {};
    }

    // Synset offsets listed on the lemma's index line for one part of speech.
    std::vector<long> offsets(std::string_view w, int pos) const
    {
        std::vector<long> out;
        const Entry *e = entry(w);
        if (!e || e->line[pos] < 0)
            return out;
        std::string_view text = indexFiles[pos].text;
        size_t end = text.find('\n', static_cast<size_t>(e->line[pos]));
        std::string_view line = text.substr(static_cast<size_t>(e->line[pos]), end - static_cast<size_t>(e->line[pos]));
        size_t p = 0;
        field(line, p); // lemma
        field(line, p); // pos
        const long synsetCount = toLong(field(line, p));
        const long pointerCount = toLong(field(line, p));
        for (long i = 0; i < pointerCount; ++i)
            field(line, p);
        field(line, p); // sense_cnt
        field(line, p); // tagsense_cnt
        for (long i = 0; i < synsetCount; ++i)
            out.push_back(toLong(field(line, p)));
        return out;
    }

    std::string_view dataLine(int pos, long offset) const
    {
        std::string_view text = dataFiles[pos].text;
        if (offset < 0 || static_cast<size_t>(offset) >= text.size())
            return {};
        size_t end = text.find('\n', static_cast<size_t>(offset));
        return text.substr(static_cast<size_t>(offset), end - static_cast<size_t>(offset));
    }

    struct Synset
    {
        int lexFile = -1;
        std::vector<std::string_view> words;
        struct Pointer
        {
            std::string_view symbol;
            long offset;
            int pos;
            int source;
            int target;
        };
        std::vector<Pointer> pointers;
    };

    // The synset at offset; with pointers false only its file and words
    // (hub synsets list thousands of pointers; most questions need none).
    Synset synset(int pos, long offset, bool pointers = true) const
    {
        Synset s;
        std::string_view line = dataLine(pos, offset);
        if (line.empty())
            return s;
        size_t p = 0;
        field(line, p); // offset
        s.lexFile = static_cast<int>(toLong(field(line, p)));
        field(line, p); // ss_type
        const long wordCount = toLong(field(line, p), 16);
        for (long i = 0; i < wordCount; ++i) {
            std::string_view word = field(line, p);
            if (const size_t paren = word.find('('); paren != std::string_view::npos)
                word = word.substr(0, paren); // adjective markers "(a)"
            s.words.push_back(word);
            field(line, p); // lex_id
        }
        if (!pointers)
            return s;
        const long pointerCount = toLong(field(line, p));
        for (long i = 0; i < pointerCount; ++i) {
            Synset::Pointer ptr;
            ptr.symbol = field(line, p);
            ptr.offset = toLong(field(line, p));
            const std::string_view posChar = field(line, p);
            ptr.pos = posChar == "n" ? 0 : posChar == "v" ? 1 : (posChar == "a" || posChar == "s") ? 2 : 3;
            const std::string_view st = field(line, p);
            ptr.source = st.size() == 4 ? static_cast<int>(toLong(st.substr(0, 2), 16)) : 0;
            ptr.target = st.size() == 4 ? static_cast<int>(toLong(st.substr(2, 2), 16)) : 0;
            s.pointers.push_back(ptr);
        }
        return s;
    }

    // The noun hypernyms (and instance hypernyms) of a synset, memoised: a
    // walk up the hierarchy meets the same few hundred synsets again and again.
    const std::vector<long> &nounHypernyms(long offset) const
    {
        {
            std::lock_guard<std::mutex> lock(hypernymMutex);
            auto it = hypernymCache.find(offset);
            if (it != hypernymCache.end())
                return it->second;
        }
        std::vector<long> up;
        for (const auto &ptr : synset(0, offset).pointers) {
            if ((ptr.symbol == "@" || ptr.symbol == "@i") && ptr.pos == 0)
                up.push_back(ptr.offset);
        }
        std::lock_guard<std::mutex> lock(hypernymMutex);
        return hypernymCache.emplace(offset, std::move(up)).first->second; // std::unordered_map keeps references
    }
    mutable std::mutex hypernymMutex;
    mutable std::unordered_map<long, std::vector<long>> hypernymCache;

    void load()
    {
        QString dir = qEnvironmentVariable("WNSEARCHDIR");
        if (dir.isEmpty())
            dir = QStringLiteral(CARTO_WORDNET_DICT);
        for (int pos = 0; pos < kPosCount; ++pos) {
            const QString name = QString::fromLatin1(kPosNames[static_cast<size_t>(pos)]);
            if (!indexFiles[static_cast<size_t>(pos)].open(dir + QStringLiteral("/index.") + name)
                || !dataFiles[static_cast<size_t>(pos)].open(dir + QStringLiteral("/data.") + name))
                return;
        }
        index.reserve(160000);
        for (int pos = 0; pos < kPosCount; ++pos) {
            const std::string_view text = indexFiles[static_cast<size_t>(pos)].text;
            forEachLine(text, [&](std::string_view line) {
                const size_t space = line.find(' ');
                index[line.substr(0, space)].line[static_cast<size_t>(pos)] =
                    static_cast<std::int32_t>(line.data() - text.data());
            });
        }
        for (int pos = 0; pos < 3; ++pos) {
            Mapped &m = excFiles[static_cast<size_t>(pos)];
            if (!m.open(dir + QStringLiteral("/") + QString::fromLatin1(kPosNames[static_cast<size_t>(pos)]) + QStringLiteral(".exc")))
                continue;
            forEachLine(m.text, [&](std::string_view line) {
                size_t p = 0;
                const std::string_view inflected = field(line, p);
                const std::string_view base = field(line, p);
                exceptions[static_cast<size_t>(pos)].emplace(inflected, base);
            });
        }
        if (cntlist.open(dir + QStringLiteral("/cntlist.rev"))) {
            forEachLine(cntlist.text, [&](std::string_view line) {
                size_t p = 0;
                const std::string_view key = field(line, p);
                field(line, p); // sense number
                const int count = static_cast<int>(toLong(field(line, p)));
                const size_t percent = key.find('%');
                tagCounts[key.substr(0, percent)] += count;
                // sense key: lemma%ss_type:..., ss_type 1 noun, 2 verb, 3/5 adjective, 4 adverb
                if (percent != std::string_view::npos && percent + 1 < key.size()) {
                    const char t = key[percent + 1];
                    const int pos = t == '1' ? 0 : t == '2' ? 1 : (t == '3' || t == '5') ? 2 : 3;
                    posTagCounts[static_cast<size_t>(pos)][key.substr(0, percent)] += count;
                }
            });
        }
        loaded = true;
    }
};

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
        bool proper = false;
        for (std::string_view w : s.words) {
            if (!w.empty() && w.front() >= 'A' && w.front() <= 'Z' && w.size() == lemma.size()
                && QByteArray(w.data(), static_cast<qsizetype>(w.size())).toLower()
                    == QByteArray(lemma.data(), static_cast<qsizetype>(lemma.size())))
                proper = true;
        }
        if (!proper)
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
        for (std::string_view w : s.words) {
            if (!w.empty() && w.front() >= 'A' && w.front() <= 'Z' && w.size() == lemma.size()
                && QByteArray(w.data(), static_cast<qsizetype>(w.size())).toLower()
                    == QByteArray(lemma.data(), static_cast<qsizetype>(lemma.size()))) {
                return QString::fromLatin1(lexfiles[s.lexFile]);
            }
        }
    }
    if (preferProper || fallback < 0)
        return {};
    return QString::fromLatin1(lexfiles[fallback]);
}

int Lexicon::firstClassSense(std::string_view lemma) const
{
    const std::vector<long> offsets = d->offsets(lemma, 0);
    for (size_t i = 0; i < offsets.size(); ++i) {
        const Private::Synset s = d->synset(0, offsets[i]);
        const bool instance = std::any_of(s.pointers.begin(), s.pointers.end(),
                                          [](const Private::Synset::Pointer &p) { return p.symbol == "@i"; });
        if (!instance)
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
        const Private::Synset s = d->synset(0, offset, false);
        const bool capitalised = std::any_of(s.words.begin(), s.words.end(), [&](std::string_view w) {
            return !w.empty() && w.front() >= 'A' && w.front() <= 'Z' && w.size() == lemma.size()
                && QByteArray(w.data(), static_cast<qsizetype>(w.size())).toLower()
                == QByteArray(lemma.data(), static_cast<qsizetype>(lemma.size()));
        });
        if (!capitalised)
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
        bool proper = false;
        for (std::string_view w : s.words) {
            proper = proper
                || (!w.empty() && w.front() >= 'A' && w.front() <= 'Z' && w.size() == lemma.size()
                    && QByteArray(w.data(), static_cast<qsizetype>(w.size())).toLower()
                        == QByteArray(lemma.data(), static_cast<qsizetype>(lemma.size())));
        }
        if (!proper)
            continue;
        // the capitalised word's first reading decides: "Republican" is first
        // a party member, and only third the Republican River
        const bool instance = std::any_of(s.pointers.begin(), s.pointers.end(),
                                          [](const auto &ptr) { return ptr.symbol == "@i" && ptr.pos == 0; });
        if (!instance && out.empty())
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
