// taggerconvert: turns Lingua::EN::Tagger's model (words.yml, tags.yml,
// unknown.yml from Debian's liblingua-en-tagger-perl) into a compact binary
// table inside a generated C++ source, compiled into carto_extract.
//
//   taggerconvert DATA_DIR OUTPUT.cpp
//
// Run at build time: yaml-cpp parses the three files (1 MB) in about 0.6 s
// (`--verbose` prints it), six times the tagger's 100 ms load budget, and
// converting once means the application needs no Perl package at run time.
// The table keeps the counts as they are; smoothing is the run-time's business
// (taggermodel.cpp), so changing it needs no new data.
//
// Layout (all integers little-endian, counts as LEB128 varints):
//   "CTAG" u32 version
//   u8 tagCount, tagCount names (u8 length + bytes), in tags.yml's order
//   tagCount x tagCount f32 P(column tag | row tag), 0 where tags.yml has none
//   varint classCount, classes: name, u8 entryCount, entries (u8 tag, varint count)
//   varint wordCount, words: name, u8 entryCount, entries (u8 tag, varint count)
// Names are u8 length + bytes (words longer than 255 bytes are rejected).
#include <yaml-cpp/yaml.h>

#include <bit>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <map>
#include <set>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

struct Failure : std::runtime_error
{
    using std::runtime_error::runtime_error;
};

class Writer
{
public:
    void byte(std::uint8_t b) { m_bytes.push_back(b); }
    void u32(std::uint32_t v)
    {
        for (int i = 0; i < 4; ++i)
            byte(static_cast<std::uint8_t>(v >> (8 * i)));
    }
    void f32(float f) { u32(std::bit_cast<std::uint32_t>(f)); }
    void varint(std::uint64_t v)
    {
        while (v >= 0x80) {
            byte(static_cast<std::uint8_t>(v | 0x80));
            v >>= 7;
        }
        byte(static_cast<std::uint8_t>(v));
    }
    void name(const std::string &s)
    {
        if (s.empty() || s.size() > 255)
            throw Failure("entry name of " + std::to_string(s.size()) + " bytes: '" + s.substr(0, 40) + "'");
        byte(static_cast<std::uint8_t>(s.size()));
        m_bytes.insert(m_bytes.end(), s.begin(), s.end());
    }
    const std::vector<std::uint8_t> &bytes() const { return m_bytes; }

private:
    std::vector<std::uint8_t> m_bytes;
};

YAML::Node loadMap(const std::string &path)
{
    YAML::Node node;
    try {
        node = YAML::LoadFile(path);
    } catch (const YAML::Exception &e) {
        throw Failure(path + ": " + e.what());
    }
    if (!node.IsMap() || node.size() == 0)
        throw Failure(path + ": expected a non-empty mapping");
    return node;
}

// One {tag: count} row; tags must be in the tag set.
void writeCounts(Writer &w, const std::string &where, const YAML::Node &row, const std::map<std::string, int> &tags)
{
    if (!row.IsMap() || row.size() == 0 || row.size() > 255)
        throw Failure(where + ": expected a mapping of tag counts");
    w.byte(static_cast<std::uint8_t>(row.size()));
    for (const auto &kv : row) {
        const std::string tag = kv.first.Scalar();
        const auto it = tags.find(tag);
        if (it == tags.end())
            throw Failure(where + ": tag '" + tag + "' is not in tags.yml");
        long long count = 0;
        try {
            count = kv.second.as<long long>();
        } catch (const YAML::Exception &) {
            throw Failure(where + ": count of '" + tag + "' is not an integer");
        }
        if (count <= 0)
            throw Failure(where + ": count of '" + tag + "' is not positive");
        w.byte(static_cast<std::uint8_t>(it->second));
        w.varint(static_cast<std::uint64_t>(count));
    }
}

std::vector<std::uint8_t> convert(const std::string &dir, bool verbose)
{
    const auto t0 = std::chrono::steady_clock::now();
    const YAML::Node tagsYml = loadMap(dir + "/tags.yml");
    const YAML::Node unknownYml = loadMap(dir + "/unknown.yml");
    const YAML::Node wordsYml = loadMap(dir + "/words.yml");
    if (verbose) {
        const auto ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
        std::fprintf(stderr, "taggerconvert: yaml-cpp parsed the three files in %.0f ms\n", ms);
    }

    // The tag set is the rows of tags.yml plus any tag only seen as a successor.
    std::vector<std::string> names;
    std::map<std::string, int> tags;
    auto addTag = [&](const std::string &t) {
        if (tags.emplace(t, static_cast<int>(names.size())).second)
            names.push_back(t);
    };
    for (const auto &kv : tagsYml)
        addTag(kv.first.Scalar());
    for (const auto &kv : tagsYml) {
        if (!kv.second.IsMap())
            throw Failure("tags.yml: row '" + kv.first.Scalar() + "' is not a mapping");
        for (const auto &next : kv.second)
            addTag(next.first.Scalar());
    }
    if (names.size() > 64)
        throw Failure("tags.yml: " + std::to_string(names.size()) + " tags, expected Penn's 45 or so");

    Writer w;
    for (char c : std::string("CTAG"))
        w.byte(static_cast<std::uint8_t>(c));
    w.u32(1);
    w.byte(static_cast<std::uint8_t>(names.size()));
    for (const std::string &n : names)
        w.name(n);
    std::vector<float> matrix(names.size() * names.size(), 0.0f);
    for (const auto &kv : tagsYml) {
        const size_t row = static_cast<size_t>(tags.at(kv.first.Scalar()));
        for (const auto &next : kv.second) {
            double p = 0;
            try {
                p = next.second.as<double>();
            } catch (const YAML::Exception &) {
                throw Failure("tags.yml: " + kv.first.Scalar() + " -> " + next.first.Scalar() + " is not a number");
            }
            if (!(p >= 0 && p <= 1))
                throw Failure("tags.yml: " + kv.first.Scalar() + " -> " + next.first.Scalar() + " is not a probability");
            matrix[row * names.size() + static_cast<size_t>(tags.at(next.first.Scalar()))] = static_cast<float>(p);
        }
    }
    for (float p : matrix)
        w.f32(p);

    w.varint(unknownYml.size());
    for (const auto &kv : unknownYml) {
        w.name(kv.first.Scalar());
        writeCounts(w, "unknown.yml: " + kv.first.Scalar(), kv.second, tags);
    }
    w.varint(wordsYml.size());
    std::set<std::string> seen; // yaml-cpp keeps repeated keys; the tagger's table must not
    for (const auto &kv : wordsYml) {
        if (!seen.insert(kv.first.Scalar()).second)
            throw Failure("words.yml: '" + kv.first.Scalar() + "' is listed twice");
        w.name(kv.first.Scalar());
        writeCounts(w, "words.yml: " + kv.first.Scalar(), kv.second, tags);
    }
    return w.bytes();
}

// The bytes as one string literal: GCC compiles a 600 kB literal in a tenth of
// a second, a brace-initialised array of the same size in two.
void writeSource(const std::string &path, const std::string &dir, const std::vector<std::uint8_t> &bytes)
{
    std::ofstream out(path, std::ios::binary | std::ios::trunc);
    if (!out)
        throw Failure("cannot write " + path);
    out << "// Generated by taggerconvert from " << dir << "; do not edit.\n"
        << "#include <cstddef>\n\nnamespace carto::extract::taggerdata {\n\n"
        << "extern const char kBlob[];\nextern const std::size_t kBlobSize;\n\n"
        << "alignas(8) const char kBlob[] =\n";
    static const char hex[] = "0123456789abcdef";
    std::string line;
    for (size_t i = 0; i < bytes.size(); i += 64) {
        line = "    \"";
        for (size_t j = i; j < bytes.size() && j < i + 64; ++j) {
            line += "\\x";
            line += hex[bytes[j] >> 4];
            line += hex[bytes[j] & 15];
        }
        line += "\"\n";
        out << line;
    }
    out << "    ;\nconst std::size_t kBlobSize = " << bytes.size() << ";\n\n} // namespace carto::extract::taggerdata\n";
    if (!out.flush())
        throw Failure("cannot write " + path);
}

} // namespace

int main(int argc, char *argv[])
{
    const bool verbose = argc == 4 && std::string(argv[3]) == "--verbose";
    if (argc != 3 && !verbose) {
        std::fprintf(stderr, "usage: taggerconvert DATA_DIR OUTPUT.cpp [--verbose]\n");
        return 2;
    }
    try {
        const std::vector<std::uint8_t> bytes = convert(argv[1], verbose);
        writeSource(argv[2], argv[1], bytes);
        if (verbose)
            std::fprintf(stderr, "taggerconvert: %zu bytes\n", bytes.size());
    } catch (const Failure &e) {
        std::fprintf(stderr, "taggerconvert: %s\n", e.what());
        return 1;
    }
    return 0;
}
