#include "yamllimits.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/mark.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>
#include <vector>

namespace carto {

namespace {

// Expanded size of a node: itself and everything below it, aliases resolved.
struct Size
{
    qint64 nodes = 0;
    qint64 bytes = 0;
};

// Thrown from the handler to stop the parser at the first violation.
struct Refused
{
    YamlLimitError error;
};

// Sizes are summed bottom-up as the parser reports each node; an anchor's size
// is known when its node closes, so each alias costs O(1) and the scan is linear.
class ExpansionCounter final : public YAML::EventHandler
{
public:
    explicit ExpansionCounter(const YamlLimits &limits)
        : m_limits(limits)
    {
    }

    void OnDocumentStart(const YAML::Mark &) override { }
    void OnDocumentEnd() override { }

    void OnNull(const YAML::Mark &, YAML::anchor_t anchor) override { add(anchor, Size{1, 0}); }

    void OnAlias(const YAML::Mark &mark, YAML::anchor_t anchor) override
    {
        const auto found = m_anchors.find(anchor);
        if (found == m_anchors.end()) {
            // The anchor names a collection still open around this alias.
            throw Refused{{mark.line, mark.column, QStringLiteral("an alias refers to a node that contains it")}};
        }
        m_aliased.nodes = saturatingAdd(m_aliased.nodes, found->second.nodes);
        m_aliased.bytes = saturatingAdd(m_aliased.bytes, found->second.bytes);
        if (m_aliased.nodes > m_limits.maxAliasedNodes) {
            throw Refused{{mark.line, mark.column,
                           QStringLiteral("aliases expand to more than %1 nodes").arg(m_limits.maxAliasedNodes)}};
        }
        if (m_aliased.bytes > m_limits.maxAliasedBytes) {
            throw Refused{{mark.line, mark.column, QStringLiteral("aliases expand to more than %1 KB of text")
                                                       .arg(m_limits.maxAliasedBytes / 1024)}};
        }
        add(0, found->second);
    }

    void OnScalar(const YAML::Mark &, const std::string &, YAML::anchor_t anchor, const std::string &value) override
    {
        add(anchor, Size{1, qint64(value.size())});
    }

    void OnSequenceStart(const YAML::Mark &, const std::string &, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override
    {
        m_open.push_back({anchor, Size{1, 0}});
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark &, const std::string &, YAML::anchor_t anchor, YAML::EmitterStyle::value) override
    {
        m_open.push_back({anchor, Size{1, 0}});
    }
    void OnMapEnd() override { close(); }

private:
    struct Open
    {
        YAML::anchor_t anchor;
        Size size;
    };

    static qint64 saturatingAdd(qint64 a, qint64 b)
    {
        constexpr qint64 cap = qint64(1) << 60;
        return std::min(cap, a + b);
    }

    void add(YAML::anchor_t anchor, Size size)
    {
        if (anchor != 0)
            m_anchors[anchor] = size;
        if (m_open.empty())
            return;
        Size &parent = m_open.back().size;
        parent.nodes = saturatingAdd(parent.nodes, size.nodes);
        parent.bytes = saturatingAdd(parent.bytes, size.bytes);
    }

    void close()
    {
        if (m_open.empty())
            return;
        const Open done = m_open.back();
        m_open.pop_back();
        add(done.anchor, done.size);
    }

    const YamlLimits &m_limits;
    std::unordered_map<YAML::anchor_t, Size> m_anchors;
    std::vector<Open> m_open;
    Size m_aliased;
};

} // namespace

std::optional<YamlLimitError> checkYamlLimits(const std::string &yaml, const YamlLimits &limits)
{
    if (yaml.find('*') == std::string::npos)
        return std::nullopt; // no alias can be written without '*'
    std::istringstream stream(yaml);
    ExpansionCounter counter(limits);
    try {
        YAML::Parser parser(stream);
        parser.HandleNextDocument(counter);
    } catch (const Refused &refused) {
        return refused.error;
    } catch (const YAML::Exception &) {
        return std::nullopt; // a syntax error: YAML::Load reports it
    }
    return std::nullopt;
}

} // namespace carto
