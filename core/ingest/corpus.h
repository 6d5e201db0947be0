#pragma once

#include "document.h"
#include "foundation/problem.h"

#include <vector>

namespace carto::ingest {

// The documents read from one folder, in sorted path order (DocumentId == index),
// plus the problems met on the way (skipped files and why).
struct Corpus
{
    QString root;
    std::vector<Document> documents;
    std::vector<Problem> problems;
};

} // namespace carto::ingest
