#pragma once
// JSON text appended straight to a byte buffer, for the files too large to build as a
// QJsonDocument first (rows of filter/convert, a run's trace): string literals and numbers in
// the forms QJsonDocument writes, so either reads the other's output back.
#include <QByteArray>
#include <QString>
#include <cstdint>
#include <string_view>

namespace sf::json {

// A string literal of UTF-8 `text`: quotes, backslashes and control characters escaped.
void appendString(QByteArray &out, std::string_view text);
void appendString(QByteArray &out, const QString &text);
// The shortest text that reads back to `v`; null for NaN and infinities (JSON has neither).
void appendNumber(QByteArray &out, double v);
void appendNumber(QByteArray &out, std::int64_t v);
inline void appendNumber(QByteArray &out, int v) { appendNumber(out, std::int64_t(v)); }
inline void appendBool(QByteArray &out, bool v) { out.append(v ? "true" : "false"); }

} // namespace sf::json
