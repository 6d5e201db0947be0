#pragma once

#include <QColor>
#include <QDate>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>
#include <vector>

namespace carto::app::stats {

// What a statistics chart shows, independent of the library that draws it:
// the statistics panel computes one and hands it to its chart backend (Qt
// Graphs or Qt Charts), and tests read it back from the backend's series.
struct ChartData
{
    enum class Kind {
        HorizontalBars, // one bar per category, the first category on top
        Columns,        // vertical bars, categories left to right
        Line,           // one point per category, left to right
    };

    Kind kind = Kind::HorizontalBars;
    QString title;
    QStringList categories;  // one per value, as shown on the category axis
    QList<double> values;
    QString valueTitle;      // the value axis' title; may be empty
    QString categoryTitle;   // the category axis' title; may be empty
    bool integerValues = false; // counts: the value axis labels whole numbers
    bool categoryLabels = true; // false: too many categories to label each
    QColor colour;

    // The largest value, at least 1, so an empty or all-zero chart still has an axis.
    [[nodiscard]] double maxValue() const;
    // The value axis' range [0, axisMax()] in ticks of axisStep(): 1, 2 or 5
    // times a power of ten, at most 6 intervals, and whole for counts.
    [[nodiscard]] double axisStep() const;
    [[nodiscard]] double axisMax() const;
    // Decimals the tick labels need to show axisStep() exactly.
    [[nodiscard]] int axisDecimals() const;
};

// One document in a concept's timeline.
struct TimelineEntry
{
    int document = -1;          // index in the corpus (file order)
    QString label;              // the document's title
    std::optional<QDate> date;  // when the document has one
    int mentions = 0;
};

// Orders a timeline: by date when documents have dates (ties and undated
// documents keep file order, undated ones last), else by file order.
[[nodiscard]] std::vector<TimelineEntry> orderTimeline(std::vector<TimelineEntry> entries);

// The date a document states in its metadata (front matter `date:` or a
// <meta name="date">): ISO 8601 "yyyy-MM-dd", "yyyy-MM" or "yyyy". The slot
// where ingest's own document date will go once documents carry one.
[[nodiscard]] std::optional<QDate> parseDocumentDate(const QString &value);

} // namespace carto::app::stats
