#pragma once
// The translation context of the tuning module's messages (sweep errors, sample notes, the
// recommendation): Tuning::tr("...") is found by lupdate (context "Tuning").
#include <QCoreApplication>

namespace sf {

class Tuning {
    Q_DECLARE_TR_FUNCTIONS(Tuning)
};

} // namespace sf
