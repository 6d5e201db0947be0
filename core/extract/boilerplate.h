#pragma once

#include "ingest/corpus.h"

#include <QHash>

#include <vector>

namespace carto::extract {

// Recognises page furniture that must not feed concepts: navigation and
// related-reading lists, "up next" title runs, short isolated lines, bare
// timestamps and markup debris, reader-addressing affiliate notes, and lines
// repeated across documents. Works from general layout features only (length,
// punctuation, title case, link density, position after the body prose,
// repetition), never from known strings. Called by ConceptExtractor.
class BoilerplateFilter final
{
public:
    // Counts, for each short normalised block text, the documents holding it.
    explicit BoilerplateFilter(const ingest::Corpus &corpus);

    // One flag per unit of the document: its blocks, or one unit covering the
    // whole text when the reader gave no blocks.
    [[nodiscard]] std::vector<bool> boilerplateUnits(const ingest::Document &doc) const;

    // The block ranges used as units (blocks, or the whole text).
    [[nodiscard]] static std::vector<ingest::Block> units(const ingest::Document &doc);

private:
    QHash<QString, int> m_lineDocuments;
    int m_documentCount = 0;
};

} // namespace carto::extract
