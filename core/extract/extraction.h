#pragma once

#include "concepttype.h"
#include "foundation/problem.h"
#include "foundation/span.h"
#include "foundation/typedid.h"

#include <QString>
#include <QStringList>

#include <vector>

namespace carto::extract {

// One occurrence of a concept in a document.
struct Mention
{
    Span span;        // slices to `surface` in the document's text
    QString surface;  // the text as written
    bool explicitLink = false; // from a [[wiki link]] or a curated alias
};

// How salient a concept is in one document (the scorer's keyness against the
// rest of the corpus and general English).
struct DocumentScore
{
    DocumentId document;
    double score = 0.0;
};

// A concept found in the corpus, with all its variants merged.
struct Concept
{
    ConceptId id;          // stable key from the canonical normalised form
    QString label;         // preferred display form
    ConceptType type = ConceptType::Theme;
    QStringList aliases;   // every distinct surface form, label included
    double score = 0.0;    // ranking score, see ConceptExtractor for the formula
    std::vector<Mention> mentions; // sorted by document, then offset
    int documentCount = 0;
    std::vector<DocumentScore> documentScores; // by document; the documents that mention it
};

// A sentence in which two concepts occur together.
struct Evidence
{
    Span sentence;
};

// An undirected link between two concepts that share sentences.
struct Relation
{
    ConceptId source; // source < target
    ConceptId target;
    int count = 0;           // number of sentences shared
    double weight = 0.0;     // association-normalised strength, see RelationExtractor
    QString label;           // e.g. "such as", "enables"; empty when not stated
    std::vector<Evidence> evidence;
};

// Everything extraction derives from a corpus: plain structs, no graph.
struct Extraction
{
    std::vector<Concept> concepts;   // sorted by descending score
    std::vector<Relation> relations;
    std::vector<Problem> problems;
};

} // namespace carto::extract
