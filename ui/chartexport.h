#pragma once
// Writes a QCustomPlot to PNG, SVG or PDF at a chosen size, atomically (through
// export/atomicwrite.h), so a chart file is either complete or absent.
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
};

} // namespace sf::ui
