#pragma once
// Writes a QCustomPlot to PNG, SVG or PDF at a chosen size, atomically (through
// export/atomicwrite.h), so a chart file is either complete or absent.
#include <QList>
#include <QRect>
#include <QString>

class QCustomPlot;

namespace sf::ui {

class ChartExport {
public:
    enum class Format {
        Png,
        Svg,
        Pdf
    };

    // Format from a file suffix (png, svg, pdf; case-insensitive); false when unknown.
    static bool formatForPath(const QString &path, Format *format);
    // width/height in pixels (PNG) or points (SVG/PDF); 0 keeps the widget's size.
    static bool save(QCustomPlot *plot, const QString &path, Format format, int width, int height,
                     QString *error);
    // Picks the format from the suffix.
    static bool save(QCustomPlot *plot, const QString &path, int width, int height, QString *error);

    // Several plots on one canvas of width×height, each drawn into its own rectangle (for a
    // page of charts, e.g. the sweep's heatmap above its scaling curves). Format by suffix.
    struct Tile {
        QCustomPlot *plot = nullptr;
        QRect rect;
    };
    static bool saveTiles(const QList<Tile> &tiles, const QString &path, int width, int height,
                          QString *error);

private:
    static bool render(const QList<Tile> &tiles, const QString &path, Format format, int w, int h,
                       QString *error);
};

} // namespace sf::ui
