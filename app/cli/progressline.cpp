#include "progressline.h"
#include "clitext.h"
#include <cmath>

namespace sf::cli {

ProgressLine::ProgressLine(std::FILE *stream, bool enabled, bool terminal)
    : m_stream(stream)
    , m_enabled(enabled)
    , m_terminal(terminal) {}

ProgressLine::~ProgressLine() {
    if (m_enabled && m_terminal && m_lastWidth > 0 && !m_finished) std::fputc('\n', m_stream);
}

QString ProgressLine::formatDuration(double ms) {
    if (!(ms >= 0) || !std::isfinite(ms)) return QStringLiteral("?");
    if (ms < 1000) return Cli::tr("%1 ms").arg(qRound(ms));
    if (ms < 60000) return Cli::tr("%1 s").arg(ms / 1000.0, 0, 'f', 1);
    const qint64 s = qint64(ms / 1000.0);
    if (s < 3600) return Cli::tr("%1 min %2 s").arg(s / 60).arg(s % 60, 2, 10, QLatin1Char('0'));
    return Cli::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60, 2, 10, QLatin1Char('0'));
}

QString ProgressLine::formatRate(double v) {
    if (!std::isfinite(v) || v < 0) return QStringLiteral("?");
    if (v < 1e3) return QString::number(qRound(v));
    if (v < 1e6) return QStringLiteral("%1 k").arg(v / 1e3, 0, 'f', 1);
    if (v < 1e9) return QStringLiteral("%1 M").arg(v / 1e6, 0, 'f', 2);
    return QStringLiteral("%1 G").arg(v / 1e9, 0, 'f', 2);
}

QString ProgressLine::format(const RunSummary &s) {
    const double pct = qBound(0.0, s.progress, 1.0) * 100.0;
    QString line = Cli::tr("%1% | %2/%3 tasks | %4 rows/s | %5 MB/s")
                       .arg(pct, 5, 'f', 1)
                       .arg(s.tasksDone)
                       .arg(s.tasksTotal)
                       .arg(formatRate(s.rowsPerSec))
                       .arg(s.bytesPerSec / 1e6, 0, 'f', 1);
    line += Cli::tr(" | ETA ") + (s.finished    ? Cli::tr("0 ms")
                                  : s.etaMs < 0 ? QStringLiteral("?")
                                                : formatDuration(s.etaMs));
    line += Cli::tr(" | %1 failed").arg(s.tasksFailed);
    if (s.retries > 0) line += Cli::tr(" (%1 retries)").arg(s.retries);
    if (s.cancelled) line += Cli::tr(" | cancelling");
    return line;
}

void ProgressLine::update(const RunSummary &summary) {
    if (!m_enabled) return;
    const QByteArray text = format(summary).toUtf8();
    if (m_terminal) {
        // Pad over the previous, possibly longer, line instead of relying on ANSI erase codes.
        const int pad = qMax(0, m_lastWidth - int(text.size()));
        std::fprintf(m_stream, "\r%s%*s", text.constData(), pad, "");
        m_lastWidth = int(text.size());
    } else {
        if (summary.elapsedMs - m_lastPrintMs < 2000) return;
        m_lastPrintMs = summary.elapsedMs;
        std::fprintf(m_stream, "%s\n", text.constData());
    }
    std::fflush(m_stream);
}

void ProgressLine::finish(const RunSummary &summary) {
    if (!m_enabled || m_finished) return;
    m_finished = true;
    const QByteArray text = format(summary).toUtf8();
    if (m_terminal) {
        const int pad = qMax(0, m_lastWidth - int(text.size()));
        std::fprintf(m_stream, "\r%s%*s\n", text.constData(), pad, "");
    } else {
        std::fprintf(m_stream, "%s\n", text.constData());
    }
    std::fflush(m_stream);
}

} // namespace sf::cli
