#pragma once

#include <QString>

namespace carto::app {

// Text from documents, file names, curation and notes is never markup. Qt
// guesses: a tooltip or an AutoText label whose text "might be rich text"
// (Qt::mightBeRichText) is rendered as HTML, so a file named
// `<img src="/tmp/fifo">.txt` made the tooltip open that path and block the
// window. These helpers turn such text into markup that says exactly the
// text, with nothing to load.

// A tooltip showing text verbatim (line breaks and spaces kept, long lines wrapped).
[[nodiscard]] QString plainToolTip(const QString &text);

} // namespace carto::app
