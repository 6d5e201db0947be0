#pragma once

#include <QSet>
#include <QString>
#include <QStringView>

namespace carto::extract {

// General name lists the typer consults: given names (Debian miscfiles'
// propernames) and the ISO 3166 countries and their subdivisions (iso-codes),
// all lower case. Loaded once per process on first use, then read-only and
// safe from any thread; missing files leave the lists empty.
class Gazetteer final
{
public:
    static const Gazetteer &instance();

    // "ada", "robert": a first name people are given.
    [[nodiscard]] bool isGivenName(const QString &lower) const { return m_givenNames.contains(lower); }
    // "france", "french republic", "korea, democratic people's republic of" and
    // the common form "north korea": a country's name, official or common.
    [[nodiscard]] bool isCountry(const QString &lower) const { return m_countries.contains(lower); }
    // "kansas", "bavaria": a state, province, region or similar subdivision.
    [[nodiscard]] bool isSubdivision(const QString &lower) const { return m_subdivisions.contains(lower); }
    [[nodiscard]] bool isPlace(const QString &lower) const { return isCountry(lower) || isSubdivision(lower); }

    [[nodiscard]] int givenNameCount() const { return static_cast<int>(m_givenNames.size()); }
    [[nodiscard]] int countryCount() const { return static_cast<int>(m_countries.size()); }
    [[nodiscard]] int subdivisionCount() const { return static_cast<int>(m_subdivisions.size()); }

private:
    Gazetteer();
    void loadGivenNames(const QString &path);
    void loadIsoCodes(const QString &dir);

    QSet<QString> m_givenNames;
    QSet<QString> m_countries;
    QSet<QString> m_subdivisions;
};

} // namespace carto::extract
