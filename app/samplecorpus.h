#pragma once

#include <QString>

namespace carto::app {

// Where the bundled sample corpus is: next to an installed binary
// (../share/cartograph/samples or ./samples), else the source tree's copy.
// Returns an empty string when none exists.
[[nodiscard]] QString sampleCorpusFolder();

} // namespace carto::app
