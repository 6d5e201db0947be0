#pragma once

#include <QString>

#include <optional>
#include <string>

namespace carto {

// Bounds on what a YAML text may expand to once its aliases are resolved.
// yaml-cpp shares an aliased node instead of copying it, but every reader that
// walks the tree (or copies scalars out of it) pays for each use: 443 bytes of
// "billion laughs" front matter stand for 10^9 strings. Text without aliases
// always passes: its size is already bounded by the file's.
struct YamlLimits
{
    qint64 maxAliasedNodes = 100'000;         // nodes repeated through aliases, summed over every use
    qint64 maxAliasedBytes = 4 * 1024 * 1024; // scalar bytes repeated through aliases
};

// Why a YAML text was refused, with the 0-based position of the offending alias.
struct YamlLimitError
{
    int line = 0;
    int column = 0;
    QString message; // one line, e.g. "aliases expand to more than 100000 nodes"
};

// Scans the first document of yaml (the one YAML::Load reads) as a stream of
// parse events, without building it, and reports the first alias that would
// take the expansion past the limits, or that refers to a node containing it
// (a cycle that sends any tree walk into endless recursion). Syntax errors are
// not reported here: YAML::Load reports them with their own position.
// Called by the markdown front-matter reader and the curation loader before YAML::Load.
[[nodiscard]] std::optional<YamlLimitError> checkYamlLimits(const std::string &yaml, const YamlLimits &limits = {});

} // namespace carto
