#include "tuning/sweepplan.h"
#include "tuning/tuningtext.h"
#include <algorithm>

namespace sf {

QString SweepSetting::describe() const
{
    QString text;
    if (chunk > 0)
        text = QStringLiteral("%1=%2 ")
                   .arg(chunkBytes ? QStringLiteral("chunk_bytes") : QStringLiteral("chunk_rows"))
                   .arg(chunk);
    return text +
           QStringLiteral("workers=%1 policy=%2").arg(workers).arg(schedulePolicyName(policy));
}

bool SweepSample::parse(const QString &text, SweepSample *out, QString *error)
{
    *out = SweepSample{};
    const QString t = text.trimmed();
    if (t.isEmpty() || t == QLatin1String("all")) return true;
    const qsizetype colon = t.indexOf(QLatin1Char(':'));
    const QString kind = t.left(colon);
    bool ok = false;
    const std::int64_t n = colon > 0 ? t.mid(colon + 1).toLongLong(&ok) : 0;
    if ((kind == QLatin1String("first") || kind == QLatin1String("stratified")) && ok && n >= 1) {
        out->kind = kind == QLatin1String("first") ? Kind::First : Kind::Stratified;
        out->chunks = n;
        return true;
    }
    *error = Tuning::tr("sample must be first:N or stratified:N with N ≥ 1, got '%1'").arg(text);
    return false;
}

QString SweepSample::name() const
{
    switch (kind) {
    case Kind::All: return QStringLiteral("all");
    case Kind::First: return QStringLiteral("first:%1").arg(chunks);
    case Kind::Stratified: return QStringLiteral("stratified:%1").arg(chunks);
    }
    return QStringLiteral("all");
}

std::vector<SweepSetting> SweepPlan::settings() const
{
    std::vector<SweepSetting> out;
    for (std::int64_t chunk : chunks)
        for (SchedulePolicy policy : policies)
            for (int w : workers)
                out.push_back({chunk, chunkBytes, w, policy});
    return out;
}

bool SweepPlan::validate(QString *error) const
{
    auto fail = [&](const char *text) {
        *error = Tuning::tr(text);
        return false;
    };
    if (chunks.empty())
        return fail(QT_TRANSLATE_NOOP("Tuning", "the sweep needs at least one chunk size"));
    if (workers.empty())
        return fail(QT_TRANSLATE_NOOP("Tuning", "the sweep needs at least one worker count"));
    if (policies.isEmpty())
        return fail(QT_TRANSLATE_NOOP("Tuning", "the sweep needs at least one policy"));
    if (repeats < 1)
        return fail(QT_TRANSLATE_NOOP("Tuning", "the sweep needs at least one run per setting"));
    const bool noChunking = chunks.size() == 1 && chunks.front() == 0;
    if (!noChunking && std::any_of(chunks.begin(), chunks.end(), [](auto c) { return c <= 0; }))
        return fail(QT_TRANSLATE_NOOP("Tuning", "chunk sizes must be positive"));
    if (std::any_of(workers.begin(), workers.end(), [](int w) { return w < 1; }))
        return fail(QT_TRANSLATE_NOOP("Tuning", "worker counts must be positive"));
    return true;
}

} // namespace sf
