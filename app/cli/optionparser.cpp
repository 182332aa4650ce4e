#include "optionparser.h"
#include "clitext.h"
#include <utility>

namespace sf::cli {

OptionParser::OptionParser(QString command, QString synopsis, QList<OptionDef> options,
                           int minPositional, int maxPositional)
    : m_command(std::move(command))
    , m_synopsis(std::move(synopsis))
    , m_options(std::move(options))
    , m_minPositional(minPositional)
    , m_maxPositional(maxPositional) {}

const OptionDef *OptionParser::find(const QString &name) const {
    for (const OptionDef &o : m_options)
        if (o.name == name) return &o;
    return nullptr;
}

bool OptionParser::parse(const QStringList &args, QString *error) {
    m_values.clear();
    m_positional.clear();
    m_help = false;
    bool onlyPositional = false;
    for (qsizetype i = 0; i < args.size(); ++i) {
        const QString &arg = args[i];
        if (onlyPositional || !arg.startsWith(QLatin1Char('-')) || arg == QLatin1String("-")) {
            m_positional.append(arg);
            continue;
        }
        if (arg == QLatin1String("--")) {
            onlyPositional = true;
            continue;
        }
        if (arg == QLatin1String("--help") || arg == QLatin1String("-h")) {
            m_help = true;
            continue;
        }
        if (!arg.startsWith(QLatin1String("--"))) {
            *error = Cli::tr("unknown option '%1'").arg(arg);
            return false;
        }
        QString name = arg.mid(2);
        QString inlineValue;
        bool hasInline = false;
        if (const qsizetype eq = name.indexOf(QLatin1Char('=')); eq >= 0) {
            inlineValue = name.mid(eq + 1);
            name.truncate(eq);
            hasInline = true;
        }
        const OptionDef *def = find(name);
        if (!def) {
            *error = Cli::tr("unknown option '--%1'").arg(name);
            return false;
        }
        if (def->valueName.isEmpty()) {
            if (hasInline) {
                *error = Cli::tr("option '--%1' takes no value").arg(name);
                return false;
            }
            m_values.insert(name, QString());
            continue;
        }
        if (hasInline) {
            m_values.insert(name, inlineValue);
            continue;
        }
        // A following word that looks like an option is a forgotten value, not the value;
        // negative numbers are the exception.
        const bool nextIsValue =
            i + 1 < args.size() &&
            (!args[i + 1].startsWith(QLatin1String("--")) || args[i + 1] == QLatin1String("-"));
        if (!nextIsValue) {
            *error = Cli::tr("option '--%1' needs a value (%2)").arg(name, def->valueName);
            return false;
        }
        m_values.insert(name, args[++i]);
    }
    if (m_help) return true;
    if (m_positional.size() < m_minPositional) {
        *error = m_minPositional == 1 && m_maxPositional == 1 ? Cli::tr("missing DATASET argument")
                                                              : Cli::tr("missing arguments");
        return false;
    }
    if (m_positional.size() > m_maxPositional) {
        *error = Cli::tr("unexpected argument '%1'").arg(m_positional[m_maxPositional]);
        return false;
    }
    return true;
}

QString OptionParser::value(const QString &name, const QString &fallback) const {
    return m_values.value(name, fallback);
}

QString OptionParser::usage() const {
    QString text = Cli::tr("usage:") + QStringLiteral(" superflow-cli %1\n").arg(m_synopsis);
    QString group;
    for (const OptionDef &o : m_options) {
        if (o.group != group) {
            group = o.group;
            text += Cli::tr("\n%1:\n").arg(group);
        }
        QString left = QStringLiteral("  --") + o.name;
        if (!o.valueName.isEmpty()) left += QLatin1Char(' ') + o.valueName;
        text += left.leftJustified(30) + QLatin1Char(' ') + o.help + QLatin1Char('\n');
    }
    text += QStringLiteral("\n  --help                         ") + Cli::tr("this text") +
            QLatin1Char('\n');
    return text;
}

} // namespace sf::cli
