#pragma once
// What the Results page's JSON tab shows of a result: the indented document, cut after its
// first `maxBytes` at a line end when longer (a many-group result runs to tens of megabytes,
// which a text view lays out for seconds). Pure, so it runs off the GUI thread.
#include <QJsonObject>
#include <QString>

namespace sf::ui {

struct JsonPreview {
    QString text;           // the shown lines, each ending in '\n'
    qint64 totalBytes = 0;  // of the whole indented document (UTF-8)
    qint64 totalLines = 0;
    qint64 hiddenLines = 0; // lines after the cut; 0 when the whole document is shown
};

JsonPreview makeJsonPreview(const QJsonObject &json, qsizetype maxBytes);

} // namespace sf::ui
