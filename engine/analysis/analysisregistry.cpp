#include "analysis/analysisregistry.h"
#include "analysis/convertanalysis.h"
#include "analysis/filteranalysis.h"
#include "analysis/groupbyanalysis.h"
#include "analysis/syntheticanalysis.h"
#include "analysis/wordcountanalysis.h"
#if __has_include("analysis/profileanalysis.h")
#include "analysis/profileanalysis.h"
#define SF_HAVE_PROFILE 1
#endif
#include <QCoreApplication>
#include <iterator>

namespace sf {

namespace {

using Factory = std::unique_ptr<Analysis> (*)(const AnalysisOptions &, QString *);

// Validates with T::validate when the analysis has one, then constructs it.
template <class T> std::unique_ptr<Analysis> make(const AnalysisOptions &options, QString *error)
{
    QString message;
    if constexpr (requires { T::validate(options, &message); }) {
        if (!T::validate(options, &message)) {
            if (error) *error = message;
            return nullptr;
        }
    }
    return std::make_unique<T>(options);
}

struct Entry {
    const char *name;
    const char *description;
    Factory factory;
};

// One line per analysis.
const Entry kEntries[] = {
#ifdef SF_HAVE_PROFILE
    {"profile",
     QT_TRANSLATE_NOOP("Analysis",
                       "Per-column statistics: types, nulls, min/max, mean, std, distinct counts"),
     &make<ProfileAnalysis>},
#endif
    {"groupby",
     QT_TRANSLATE_NOOP("Analysis",
                       "Group rows by key columns and aggregate: count, sum, mean, min, max, std"),
     &make<GroupByAnalysis>},
    {"filter",
     QT_TRANSLATE_NOOP(
         "Analysis",
         "Keep the rows where an expression holds; count them and optionally write them"),
     &make<FilterAnalysis>},
    {"wordcount",
     QT_TRANSLATE_NOOP("Analysis",
                       "Top terms of a text column (or of whole lines), with exact counts"),
     &make<WordCountAnalysis>},
    {"convert",
     QT_TRANSLATE_NOOP("Analysis", "Rewrite the dataset as CSV, JSON Lines or a JSON array"),
     &make<ConvertAnalysis>},
    {"synthetic",
     QT_TRANSLATE_NOOP("Analysis",
                       "Synthetic tasks with chosen durations, failures and memory (no dataset)"),
     &make<SyntheticAnalysis>},
};

const Entry *find(const QString &name)
{
    for (const Entry &e : kEntries)
        if (name == QLatin1String(e.name)) return &e;
    return nullptr;
}

} // namespace

QStringList analysisNames()
{
    QStringList names;
    for (const Entry &e : kEntries)
        names.append(QLatin1String(e.name));
    return names;
}

QString analysisDescription(const QString &name)
{
    const Entry *e = find(name);
    // Translated for the people who read it (CLI help, the Run setup page); English without a
    // translator installed.
    return e ? QCoreApplication::translate("Analysis", e->description) : QString();
}

std::unique_ptr<Analysis> createAnalysis(const QString &name, const AnalysisOptions &options,
                                         QString *error)
{
    const Entry *e = find(name);
    if (!e) {
        if (error)
            *error =
                QCoreApplication::translate("Analysis", "unknown analysis '%1' (available: %2)")
                    .arg(name, analysisNames().join(QStringLiteral(", ")));
        return nullptr;
    }
    return e->factory(options, error);
}

} // namespace sf
