#pragma once

#include <QString>
#include <QStringView>

namespace carto::exporter {

// Text rules that keep strings from an untrusted corpus (labels, aliases,
// quotes, a cartograph.yaml shipped with the documents) from turning into
// formulas, markup or broken files in the programs that open our exports.
// Every writer in core/export passes its text through these.
namespace sanitize {

// Drops the characters XML 1.0 forbids (C0 controls other than tab, LF and CR;
// U+FFFE, U+FFFF; unpaired surrogates). Anything else is left to the XML writer
// to escape.
[[nodiscard]] QString xml(QStringView text);

// One CSV cell holding text (not a number we formatted): control characters
// are dropped as for XML, then a leading =, +, -, @, tab or CR gets a single
// quote in front so spreadsheets show it as text rather
// than run it as a formula (the OWASP "CSV injection" rule). Quoting per RFC
// 4180 is the caller's job, after this.
[[nodiscard]] QString csvText(const QString &text);

// Text put inline into Markdown (a heading, a list item, a quote line): line
// breaks and runs of white space fold into one space, control characters go,
// HTML is entity-escaped (so no <img> or <script> renders) and the characters
// that make links, embeds, tags, code, maths, highlights or comments in
// CommonMark and Obsidian are backslash-escaped, so ![x](url) and [[x]] stay
// visible text.
[[nodiscard]] QString markdownInline(QStringView text);

// A CommonMark code span holding text verbatim (its fence is longer than any
// run of backticks inside it); line breaks fold to spaces.
[[nodiscard]] QString markdownCode(QStringView text);

// "Concept map of NAME" with only the corpus folder's own name: an export is
// shared, and the absolute path of the user's folder is theirs, not the map's.
[[nodiscard]] QString mapTitle(const QString &corpusRoot);

} // namespace sanitize
} // namespace carto::exporter
