// Lexicon's reading of the WordNet files: mapping them, indexing the index
// files' lemmas, the exception lists and the sense-tag counts, and parsing
// index and data lines on demand. (libwordnet searches its files anew on
// every call; mapping them once makes a lookup per distinct word cheap.)
#include "lexicon_p.h"

#include <algorithm>
#include <cstdlib>

namespace carto::extract {

namespace lexicon_detail {

bool Mapped::open(const QString &path)
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

std::string_view field(std::string_view line, size_t &pos)
{
    while (pos < line.size() && line[pos] == ' ')
        ++pos;
    const size_t start = pos;
    while (pos < line.size() && line[pos] != ' ')
        ++pos;
    return line.substr(start, pos - start);
}

} // namespace lexicon_detail

namespace {

using lexicon_detail::field;
using lexicon_detail::kPosCount;

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

constexpr std::array<const char *, kPosCount> kPosNames = {"noun", "verb", "adj", "adv"};

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


long toLong(std::string_view s, int base = 10)
{
    return std::strtol(std::string(s).c_str(), nullptr, base);
}

} // namespace

std::string Lexicon::Private::base(std::string_view w, int pos) const
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

std::vector<long> Lexicon::Private::offsets(std::string_view w, int pos) const
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

std::string_view Lexicon::Private::dataLine(int pos, long offset) const
{
    std::string_view text = dataFiles[pos].text;
    if (offset < 0 || static_cast<size_t>(offset) >= text.size())
        return {};
    size_t end = text.find('\n', static_cast<size_t>(offset));
    return text.substr(static_cast<size_t>(offset), end - static_cast<size_t>(offset));
}

Lexicon::Private::Synset Lexicon::Private::synset(int pos, long offset, bool pointers) const
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

const std::vector<long> &Lexicon::Private::nounHypernyms(long offset) const
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

void Lexicon::Private::load()
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
        lexicon_detail::Mapped &m = excFiles[static_cast<size_t>(pos)];
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

} // namespace carto::extract
