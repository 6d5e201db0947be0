#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace carto::ingest {

// Bounds raw HTML before gumbo parses it. gumbo has no limits of its own
// (0.10 offers no max_tree_depth, and ignores max_errors): its work per tag
// grows with the depth of open elements, each parse error copies that stack,
// its cleanup recurses once per level, and its duplicate-attribute check is
// quadratic in a tag's attribute count. So the limiter tokenizes the bytes
// once and models the stack of open elements closely enough to bound the
// tree's depth: void and optional-end elements never nest, end tags never
// close past the elements the HTML standard says they cannot, formatting
// elements closed by a block are re-opened later (at most three alike, as the
// "Noah's ark" rule keeps them). It rewrites the page without the start tags
// that would nest past the limit (and the end tags that would have closed
// them), without formatting tags past a small number left open (the parser
// re-opens all of them in every following block, multiplying the page's
// nodes), and without a tag's attributes past the limit. Text is never
// dropped, so a hostile page still reads as what it says. Pages within the
// limits pass byte for byte. Private to carto_ingest; HtmlReader calls it.
class HtmlLimiter final
{
public:
    struct Limits
    {
        int maxDepth = 512;      // as Blink limits the depth of its parsed trees
        int maxAttributes = 256; // per tag; real pages use a few dozen at most
        int maxFormatting = 32;  // distinct unclosed <b>, <i>, <font>...; real pages have a handful
    };

    struct Result
    {
        QByteArray html;            // the rewritten page; empty when nothing was dropped
        qsizetype droppedTags = 0;       // start and end tags past the depth limit
        qsizetype droppedFormatting = 0; // formatting start tags past maxFormatting
        qsizetype droppedAttributes = 0;

        [[nodiscard]] bool changed() const { return droppedTags > 0 || droppedFormatting > 0 || droppedAttributes > 0; }
    };

    [[nodiscard]] static Result limit(QByteArrayView html, const Limits &limits);
};

} // namespace carto::ingest
