#pragma once

#include "document.h"

namespace carto::ingest {

// Finds the parts of a document that a reader skips when looking for what it
// is about: appendices, licence texts, bibliographies, indexes and tables of
// contents. By their headings ("Appendix B", "References", "Index",
// "Contents", "... License") and, where no heading says so, by their form:
// runs of citation-like entries (years with pp., vol., ISBN, doi, et al.,
// initials, publishers), of index entries (terms followed by page numbers) and
// of contents lines (dot leaders, trailing page numbers). General layout and
// English document conventions only, no lists of any corpus's strings.
// Private to carto_ingest; CorpusReader calls it for every document.
class BackMatter final
{
public:
    // Adds what it finds to document.setAside (after finalize: uses blocks and sections).
    static void find(Document &document);

    // Takes the blocks and sentences inside set-aside ranges out of the
    // document (so extraction never sees them; the text stays). When that
    // would leave no block at all, nothing is taken out and only attachments
    // stay listed: a document that is all licence (or all quote) is its own body.
    static void apply(Document &document);
};

} // namespace carto::ingest
