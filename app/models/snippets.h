#pragma once

#include "foundation/span.h"
#include "ingest/document.h"

#include <QString>

#include <vector>

namespace carto::app {

// Item data roles shared by the panels' models.
enum ItemRole {
    HtmlRole = Qt::UserRole + 1, // rich text painted by HtmlDelegate
    DocumentRole,                // DocumentId value
    StartRole,                   // sentence start offset
    EndRole,                     // sentence end offset
    NodeRole,                    // NodeIndex
    EdgeRole,                    // EdgeIndex
};

// Text helpers for panels: find the sentence around a span, render it as HTML
// with some ranges highlighted, format video timestamps.
namespace snippets {

// The document sentence holding range, or a window of text around it when the
// document has no sentence there (or an over-long one).
[[nodiscard]] TextRange sentenceAround(const ingest::Document &document, TextRange range);
// Escaped HTML of text[sentence] with each highlight (clipped to it) marked.
[[nodiscard]] QString highlighted(QStringView text, TextRange sentence, std::vector<TextRange> highlights);
// "[mm:ss]" or "[h:mm:ss]".
[[nodiscard]] QString timestamp(int seconds);

} // namespace snippets
} // namespace carto::app
