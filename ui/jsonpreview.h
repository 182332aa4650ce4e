#pragma once
// What the Results page's JSON tab shows of a result: its indented document
// (export/resultdocument.h), cut after its first `maxBytes` at a line end when longer (a
// many-group result runs to hundreds of megabytes, which a text view lays out for minutes).
// The rest is counted as it is written, never held. Pure, so it runs off the GUI thread.
#include "analysis/analysisresult.h"
#include <QString>

namespace sf::ui {

struct JsonPreview {
    QString text;           // the shown lines, each ending in '\n'
    qint64 totalBytes = 0;  // of the whole indented document (UTF-8)
    qint64 totalLines = 0;
    qint64 hiddenLines = 0; // lines after the cut; 0 when the whole document is shown
};

JsonPreview makeJsonPreview(const AnalysisResult &result, qsizetype maxBytes);

} // namespace sf::ui
