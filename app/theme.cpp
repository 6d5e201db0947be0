#include "theme.h"

#include <QApplication>
#include <QStyle>

using namespace Qt::StringLiterals;

namespace carto::app::theme {

Theme fromName(const QString &name)
{
    if (name == u"light"_s)
        return Theme::Light;
    if (name == u"dark"_s)
        return Theme::Dark;
    return Theme::System;
}

QString name(Theme theme)
{
    switch (theme) {
    case Theme::Light:
        return u"light"_s;
    case Theme::Dark:
        return u"dark"_s;
    case Theme::System:
        break;
    }
    return u"system"_s;
}

QPalette darkPalette()
{
    QPalette palette;
    palette.setColor(QPalette::Window, QColor(45, 45, 48));
    palette.setColor(QPalette::WindowText, QColor(225, 225, 225));
    palette.setColor(QPalette::Base, QColor(30, 30, 32));
    palette.setColor(QPalette::AlternateBase, QColor(45, 45, 48));
    palette.setColor(QPalette::Text, QColor(225, 225, 225));
    palette.setColor(QPalette::PlaceholderText, QColor(140, 140, 140));
    palette.setColor(QPalette::Button, QColor(53, 53, 56));
    palette.setColor(QPalette::ButtonText, QColor(225, 225, 225));
    palette.setColor(QPalette::BrightText, QColor(255, 90, 90));
    palette.setColor(QPalette::ToolTipBase, QColor(30, 30, 32));
    palette.setColor(QPalette::ToolTipText, QColor(225, 225, 225));
    palette.setColor(QPalette::Highlight, QColor(60, 130, 200));
    palette.setColor(QPalette::HighlightedText, Qt::white);
    palette.setColor(QPalette::Link, QColor(110, 170, 240));
    palette.setColor(QPalette::Mid, QColor(80, 80, 84));
    palette.setColor(QPalette::Dark, QColor(25, 25, 27));
    palette.setColor(QPalette::Light, QColor(75, 75, 78));
    palette.setColor(QPalette::Midlight, QColor(62, 62, 65));
    palette.setColor(QPalette::Shadow, QColor(15, 15, 16));
    for (const QPalette::ColorRole role : {QPalette::Text, QPalette::ButtonText, QPalette::WindowText})
        palette.setColor(QPalette::Disabled, role, QColor(120, 120, 120));
    return palette;
}

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

void apply(Theme theme)
{
    switch (theme) {
    case Theme::System:
        // A palette with no roles set hands the application back to the
        // platform theme, which then keeps it in step with the desktop.
        QApplication::setPalette(QPalette());
        return;
    case Theme::Light:
        QApplication::setPalette(QApplication::style()->standardPalette());
        return;
    case Theme::Dark:
        QApplication::setPalette(darkPalette());
        return;
    }
}

} // namespace carto::app::theme
