#include "relationmemo.h"

#include <algorithm>

namespace carto::extract {

RelationMemo::Key RelationMemo::keyOf(const std::vector<Concept> &concepts, int maxRelationsPerConcept,
                                      int maxEvidencePerRelation)
{
    Key key;
    key.maxRelationsPerConcept = maxRelationsPerConcept;
    key.maxEvidencePerRelation = maxEvidencePerRelation;
    key.ids.reserve(concepts.size());
    key.scores.reserve(concepts.size());
    key.mentionEnds.reserve(concepts.size());
    size_t spans = 0;
    for (const Concept &c : concepts)
        spans += c.mentions.size();
    key.spans.reserve(spans);
    for (const Concept &c : concepts) {
        key.ids.push_back(c.id);
        key.scores.push_back(c.score);
        for (const Mention &m : c.mentions)
            key.spans.push_back(m.span);
        key.mentionEnds.push_back(key.spans.size());
    }
    return key;
}

std::optional<std::vector<Relation>> RelationMemo::find(const Key &key) const
{
    std::vector<std::shared_ptr<const Entry>> entries;
    {
        const std::lock_guard lock(m_mutex);
        entries = m_entries;
    }
    // Compared outside the lock: entries are immutable once stored.
    for (const std::shared_ptr<const Entry> &entry : entries) {
        if (!(entry->key == key))
            continue;
        const std::lock_guard lock(m_mutex);
        std::erase(m_entries, entry);
        m_entries.insert(m_entries.begin(), entry);
        m_entries.resize(std::min(m_entries.size(), kEntries));
        return entry->relations;
    }
    return std::nullopt;
}

void RelationMemo::store(Key key, std::vector<Relation> relations)
{
    auto entry = std::make_shared<const Entry>(Entry{std::move(key), std::move(relations)});
    const std::lock_guard lock(m_mutex);
    m_entries.insert(m_entries.begin(), std::move(entry));
    m_entries.resize(std::min(m_entries.size(), kEntries));
}

std::shared_ptr<const SentenceLinks> RelationMemo::links() const
{
    const std::lock_guard lock(m_mutex);
    return m_links;
}

void RelationMemo::storeLinks(std::shared_ptr<const SentenceLinks> links)
{
    const std::lock_guard lock(m_mutex);
    m_links = std::move(links);
}

} // namespace carto::extract
