#pragma once
// A small command-line parser for one command: `--name VALUE`, `--name=VALUE`, flags and
// positional arguments, with the usage text built from the same definitions. Unlike
// QCommandLineParser it never prints or exits itself, so the caller decides the exit code.
#include <QHash>
#include <QList>
#include <QString>
#include <QStringList>

namespace sf::cli {

struct OptionDef {
    QString name;      // without the leading "--"
    QString valueName; // empty: a flag
    QString help;
    QString group; // heading in the usage text
};

class OptionParser {
public:
    OptionParser(QString command, QString synopsis, QList<OptionDef> options, int minPositional,
                 int maxPositional);

    // `args` are the words after the command name. False with a one-line `error` on an
    // unknown option, a missing value or a wrong number of positional arguments.
    bool parse(const QStringList &args, QString *error);

    bool helpRequested() const { return m_help; }
    bool isSet(const QString &name) const { return m_values.contains(name); }
    QString value(const QString &name, const QString &fallback = QString()) const;
    const QStringList &positional() const { return m_positional; }
    QString command() const { return m_command; }

    // "usage: superflow-cli COMMAND ..." plus the options grouped under their headings.
    QString usage() const;
    QString synopsis() const { return m_synopsis; }

private:
    const OptionDef *find(const QString &name) const;

    QString m_command;
    QString m_synopsis;
    QList<OptionDef> m_options;
    int m_minPositional;
    int m_maxPositional;
    QHash<QString, QString> m_values;
    QStringList m_positional;
    bool m_help = false;
};

} // namespace sf::cli
