#pragma once
// Column-name lookup with suggestions: the one "unknown column" message of the expression
// parser and of every analysis that takes column names.
#include "data/schema.h"
#include <QString>
#include <QStringList>

namespace sf {

// Columns whose names are close to `name` (case-insensitive, within a small edit distance, or
// containing it), best first.
QStringList similarColumnNames(const QString &name, const Schema &schema);
// "unknown column 'tmep' (did you mean: temp?)" or, with nothing close, the list of columns;
// `where` (e.g. "at position 3") goes after the name when given.
QString unknownColumnMessage(const QString &name, const Schema &schema,
                             const QString &where = QString());

} // namespace sf
