#pragma once

#include <QString>

namespace carto {

// Something that went wrong with one input and was skipped or worked around.
// Readers and builders collect these instead of throwing, so one bad file never
// stops a build; the CLI prints them and the app lists them.
struct Problem
{
    enum class Severity { Warning, Error };

    Severity severity = Severity::Error;
    QString path;    // the file concerned, relative to the corpus root when known
    QString message; // one line, for people

    friend bool operator==(const Problem &, const Problem &) = default;
};

} // namespace carto
