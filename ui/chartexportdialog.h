#pragma once
// The "Export chart" dialog every chart shares: format (PNG, SVG, PDF) and size (the chart's
// own, a preset or typed), then a file name; the file is written through ChartExport.
#include "chartexport.h"
#include <QDialog>
#include <QSize>

class QComboBox;
class QCustomPlot;
class QSpinBox;

namespace sf::ui {

class ChartExportDialog : public QDialog {
    Q_OBJECT
public:
    ChartExportDialog(const QString &title, const QSize &onScreen, QWidget *parent = nullptr);

    ChartExport::Format format() const;
    void setFormat(ChartExport::Format format);
    QSize chartSize() const;
    void setChartSize(const QSize &size);
    QComboBox *presetBox() const { return m_preset; }

    // The file name offered for `title` in `format` ("Task durations.svg").
    static QString suggestedFileName(const QString &title, ChartExport::Format format);
    // `path` with the format's suffix added when it has none of the three.
    static QString withSuffix(const QString &path, ChartExport::Format format);
    // The whole interaction: this dialog, a save dialog, the write, a warning on failure.
    // Returns the path written, empty when cancelled or failed.
    static QString exportChart(QWidget *parent, QCustomPlot *plot, const QString &title);

private:
    void presetChosen(int index);

    QComboBox *m_format = nullptr;
    QComboBox *m_preset = nullptr;
    QSpinBox *m_width = nullptr;
    QSpinBox *m_height = nullptr;
};

} // namespace sf::ui
