#pragma once

#include "document.h"

namespace carto::ingest {

// Plain text: the decoded text as is, one Paragraph block per non-empty line,
// sentences within. Private to carto_ingest; CorpusReader calls it.
class PlainTextReader final
{
public:
    static void read(QString text, Document &document);
};

} // namespace carto::ingest
