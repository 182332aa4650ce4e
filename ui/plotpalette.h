#pragma once
// Keeps a QCustomPlot in the application's palette: QCustomPlot paints with its own colours
// (white background, black axes), which would leave bright charts in the dark theme. Installed
// as an event filter, it restyles the plot on every QEvent::PaletteChange and replots.
#include <QObject>

class QCustomPlot;

namespace sf::ui {

class PlotPalette : public QObject {
    Q_OBJECT
public:
    // Styles `plot` now and whenever the palette changes; the filter is owned by the plot.
    static void follow(QCustomPlot *plot);
    static void apply(QCustomPlot *plot);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
};

} // namespace sf::ui
