#include "theme.h"

#include <QApplication>
#include <QStyle>
#include <QStyleFactory>

namespace sf::ui {

namespace {

// The style and palette the platform gave the application, captured before the first change
// so that "system" can go back to them.
struct PlatformLook {
    QString style;
    QPalette palette;
};

const PlatformLook &platformLook()
{
    static const PlatformLook look{QApplication::style()->name(), QApplication::palette()};
    return look;
}

QPalette darkPalette()
{
    const QColor window(45, 47, 51);
    const QColor base(30, 31, 34);
    const QColor text(225, 227, 230);
    const QColor disabled(128, 131, 136);
    const QColor highlight(61, 132, 204);
    QPalette p;
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(38, 40, 43));
    p.setColor(QPalette::ToolTipBase, QColor(60, 63, 68));
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, QColor(53, 56, 60));
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, QColor(255, 110, 110));
    p.setColor(QPalette::Light, QColor(70, 73, 78));
    p.setColor(QPalette::Midlight, QColor(60, 63, 68));
    p.setColor(QPalette::Mid, QColor(40, 42, 45));
    p.setColor(QPalette::Dark, QColor(25, 26, 28));
    p.setColor(QPalette::Shadow, QColor(10, 10, 10));
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(110, 170, 240));
    p.setColor(QPalette::LinkVisited, QColor(170, 140, 230));
    for (QPalette::ColorRole role :
         {QPalette::WindowText, QPalette::Text, QPalette::ButtonText, QPalette::HighlightedText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(70, 73, 78));
    return p;
}

} // namespace

QPalette themePalette(Settings::Theme theme)
{
    switch (theme) {
    case Settings::Theme::Dark: return darkPalette();
    case Settings::Theme::Light: {
        QStyle *fusion = QStyleFactory::create(QStringLiteral("Fusion"));
        const QPalette light = fusion->standardPalette();
        delete fusion;
        return light;
    }
    case Settings::Theme::System: break;
    }
    return platformLook().palette;
}

void applyTheme(Settings::Theme theme)
{
    const PlatformLook &look = platformLook();
    const QString style = theme == Settings::Theme::System ? look.style : QStringLiteral("Fusion");
    if (QApplication::style()->name().compare(style, Qt::CaseInsensitive) != 0)
        QApplication::setStyle(QStyleFactory::create(style));
    QApplication::setPalette(themePalette(theme));
}

namespace {
bool darkWindow()
{
    return QApplication::palette().color(QPalette::Window).lightness() < 128;
}
} // namespace

QString errorTextStyle()
{
    return darkWindow() ? QStringLiteral("color: #ff8a80") : QStringLiteral("color: #b00020");
}

QString okTextStyle()
{
    return darkWindow() ? QStringLiteral("color: #81c784") : QStringLiteral("color: #1b7f3b");
}

} // namespace sf::ui
