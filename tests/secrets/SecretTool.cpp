#include "SecretTool.h"

#include <QProcess>
#include <QStandardPaths>

namespace {

constexpr int kTimeoutMs = 30000;

struct Run
{
    int exitCode = -1;
    QByteArray out;
    QByteArray err;
};

// `merged`: one stream, unbuffered (stdbuf), so lines keep the order they were written in.
Run run(const QStringList& arguments, bool merged = false)
{
    QProcess process;
    if (merged) {
        process.setProcessChannelMode(QProcess::MergedChannels);
        process.start(QStringLiteral("stdbuf"),
                      QStringList{QStringLiteral("-o0"), QStringLiteral("-e0"),
                                  QStringLiteral("secret-tool")} +
                          arguments);
    } else {
        process.start(QStringLiteral("secret-tool"), arguments);
    }
    process.closeWriteChannel();
    Run result;
    if (!process.waitForFinished(kTimeoutMs)) {
        process.kill();
        process.waitForFinished();
        return result;
    }
    result.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = process.readAllStandardOutput();
    if (!merged)
        result.err = process.readAllStandardError();
    return result;
}

} // namespace

bool SecretTool::isInstalled()
{
    return !QStandardPaths::findExecutable(QStringLiteral("secret-tool")).isEmpty();
}

std::optional<QByteArray> SecretTool::lookup(const QStringList& attributes)
{
    const Run result = run(QStringList{QStringLiteral("lookup")} + attributes);
    if (result.exitCode != 0)
        return std::nullopt;
    return result.out;
}

QList<SecretTool::Item> SecretTool::search(const QStringList& attributes)
{
    const Run result = run(
        QStringList{QStringLiteral("search"), QStringLiteral("--all"), QStringLiteral("--unlock")} +
            attributes,
        true);
    // secret-tool writes "[path]", label, secret and dates to stdout and the attributes to
    // stderr, one "name = value" per line; merged unbuffered they stay with their item.
    QList<Item> items;
    Item* current = nullptr;
    for (const QByteArray& rawLine : result.out.split('\n')) {
        const QByteArray line = rawLine.trimmed();
        if (line.startsWith('[') && line.endsWith(']')) {
            items.append(Item());
            current = &items.last();
            continue;
        }
        const qsizetype eq = line.indexOf(" = ");
        if (eq < 0 || current == nullptr)
            continue;
        const QString name = QString::fromUtf8(line.left(eq));
        const QByteArray value = line.mid(eq + 3);
        if (name == QLatin1String("secret"))
            current->secret = value;
        else if (name == QLatin1String("label"))
            current->label = QString::fromUtf8(value);
        else if (name.startsWith(QLatin1String("attribute.")))
            current->attributes.insert(name.mid(10), QString::fromUtf8(value));
        else
            current->fields.insert(name, QString::fromUtf8(value));
    }
    return items;
}
