#pragma once

#include "document.h"
#include "foundation/problem.h"
#include "readbudget.h"

#include <QByteArray>

#include <vector>

namespace carto::ingest {

// Reads e-mail with GMime: one RFC 822 / MIME message (.eml, or a file whose
// first lines are mail headers) or an mbox of several. The Subject becomes the
// title (an mbox of several messages keeps its file name and gives each
// message a heading); From, To, Cc and Date become metadata and the Date the
// document date. Text parts are decoded by their transfer encoding and
// charset (the declared one when it reads the bytes cleanly); of a
// multipart/alternative the plain text is read, else the HTML through
// HtmlReader; quoted replies and signatures are set aside (PlainTextReader's
// e-mail mode); attachments are listed in setAside, never read. Private to
// carto_ingest; CorpusReader calls it.
class EmailReader final
{
public:
    // False (with a Problem) when no message or no text could be read.
    static bool read(const QByteArray &bytes, Document &document, std::vector<Problem> &problems,
                     const ReadBudget &budget = {});
};

} // namespace carto::ingest
