#pragma once

#include "document.h"
#include "foundation/problem.h"

#include <vector>

namespace carto::ingest {

// Reads an HTML page with gumbo into a Document. <title> becomes the title and
// <meta name|property content> metadata; script, style, noscript and template
// are dropped with their content. nav, header, footer and aside are kept but
// every block inside nav is marked isLinkOnly (page chrome); elsewhere a block
// is link-only when at least 80% of its visible characters are link text.
// Private to carto_ingest; CorpusReader calls it.
class HtmlReader final
{
public:
    static void read(const QString &html, Document &document, std::vector<Problem> &problems);
};

} // namespace carto::ingest
