#pragma once
// The live progress line on stderr: percent, tasks done/total, rows/s, MB/s, ETA, failures.
// On a terminal it rewrites itself with \r; elsewhere it prints a full line at most every few
// seconds, so logs of batch runs stay short.
#include "monitor/runsnapshot.h"
#include <QString>
#include <cstdio>

namespace sf::cli {

class ProgressLine {
public:
    ProgressLine(std::FILE *stream, bool enabled, bool terminal);
    ~ProgressLine();

    void update(const RunSummary &summary);
    // Clears a \r line (or prints the last state once when not on a terminal).
    void finish(const RunSummary &summary);

    static QString format(const RunSummary &summary);
    static QString formatDuration(double ms);    // "850 ms", "12.3 s", "4 min 05 s"
    static QString formatRate(double perSecond); // "950", "12.3 k", "4.50 M"

private:
    std::FILE *m_stream;
    bool m_enabled;
    bool m_terminal;
    int m_lastWidth = 0;
    double m_lastPrintMs = -1e9;
    bool m_finished = false;
};

} // namespace sf::cli
