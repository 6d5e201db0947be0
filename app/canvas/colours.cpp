#include "colours.h"

#include <array>

namespace carto::app::colours {

namespace {
// Tableau-like categorical palette: mid lightness, so it reads on white and on near-black.
constexpr std::array<QRgb, communityColourCount> kCommunity = {
    0x4e79a7, 0xf28e2b, 0xe15759, 0x59a14f, 0xb07aa1, 0x76b7b2,
    0xedc948, 0xff9da7, 0x9c755f, 0x8cd17d, 0x499894, 0xd37295,
};
} // namespace

QColor community(int c)
{
    if (c < 0 || c >= communityColourCount)
        return QColor(0x9a, 0x9a, 0x9a);
    return QColor::fromRgb(kCommunity[size_t(c)]);
}

QColor type(extract::ConceptType t)
{
    switch (t) {
    case extract::ConceptType::Organization: return QColor::fromRgb(0x4e79a7);
    case extract::ConceptType::Person: return QColor::fromRgb(0xe15759);
    case extract::ConceptType::Place: return QColor::fromRgb(0x59a14f);
    case extract::ConceptType::Product: return QColor::fromRgb(0xf28e2b);
    case extract::ConceptType::Policy: return QColor::fromRgb(0xb07aa1);
    case extract::ConceptType::Technology: return QColor::fromRgb(0x76b7b2);
    case extract::ConceptType::Event: return QColor::fromRgb(0xedc948);
    case extract::ConceptType::Theme: return QColor::fromRgb(0x9c755f);
    }
    return QColor(0x9a, 0x9a, 0x9a);
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Base).lightness() < 128;
}

QColor mapBackground(const QPalette &palette)
{
    return palette.color(QPalette::Base);
}

QColor edge(const QPalette &palette)
{
    return isDark(palette) ? QColor(200, 205, 215) : QColor(70, 80, 95);
}

QColor labelText(const QPalette &palette)
{
    return palette.color(QPalette::Text);
}

QColor labelHalo(const QPalette &palette)
{
    QColor c = palette.color(QPalette::Base);
    c.setAlpha(225);
    return c;
}

QColor accent(const QPalette &palette)
{
    return isDark(palette) ? QColor(255, 200, 60) : QColor(220, 60, 20);
}

QColor userLink(const QPalette &palette)
{
    return isDark(palette) ? QColor(200, 150, 255) : QColor(130, 40, 200);
}

} // namespace carto::app::colours
