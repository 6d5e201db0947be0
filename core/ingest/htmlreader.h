#pragma once

#include "document.h"
#include "foundation/problem.h"
#include "htmllimiter.h"
#include "readbudget.h"

#include <vector>

namespace carto::ingest {

// Reads an HTML page with gumbo into a Document. <title> becomes the title and
// <meta name|property content> metadata; script, style, noscript and template
// are dropped with their content. nav, header, footer and aside are kept but
// every block inside nav is marked isLinkOnly (page chrome); elsewhere a block
// is link-only when at least 80% of its visible characters are link text.
// Tags nested past HtmlLimiter's depth limit and attributes past its per-tag
// limit are ignored (a Warning; the text is kept). A page that makes the
// parser exceed its memory cap or the file's budget is skipped with an Error.
// Private to carto_ingest; CorpusReader calls it.
struct HtmlReadLimits
{
    HtmlLimiter::Limits limiter;
    // gumbo's live memory may reach the larger of these. It needs about 15
    // bytes per input byte for prose and up to 50 for dense markup (<br><br>...).
    qint64 minParserBytes = 256 * 1024 * 1024;
    qint64 parserBytesPerInputByte = 64;
};

class HtmlReader final
{
public:
    // False (with a Problem) when the page was given up.
    static bool read(const QString &html, Document &document, std::vector<Problem> &problems,
                     const ReadBudget &budget = {}, const HtmlReadLimits &limits = {});
};

} // namespace carto::ingest
