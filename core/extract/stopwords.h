#pragma once

#include <QStringView>

namespace carto::extract {

// General English function words and vague quantifiers that never start, end
// or make up a term ("the", "however", "last", "many"). Lower-case input.
[[nodiscard]] bool isStopword(QStringView lowerWord);
// Titles that precede a person's name ("mr", "dr", "mrs").
[[nodiscard]] bool isHonorific(QStringView lowerWord);

} // namespace carto::extract
