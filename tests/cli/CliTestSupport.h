#pragma once

// Shared helpers of the certdesk-cli suites: run certdesk-cli and the openssl CLI as child
// processes, read what they wrote, and turn openssl's text output into comparable values.
// Black-box only: nothing here links against certdesk_core.

#include <QByteArray>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMap>
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStandardPaths>
#include <QString>
#include <QStringList>
#include <QTimeZone>

#include <algorithm>
#include <vector>

namespace clitest {

struct RunResult
{
    QString command;
    int exitCode = -1;
    bool crashed = false;
    bool timedOut = false;
    QByteArray out;
    QByteArray err;

    bool ok() const { return !crashed && !timedOut && exitCode == 0; }
    QString stdOut() const { return QString::fromUtf8(out); }
    QString stdErr() const { return QString::fromUtf8(err); }
    QString both() const { return stdOut() + stdErr(); }
    // For failure messages: the command, its exit code and everything it printed.
    QString describe() const
    {
        return QStringLiteral("\n$ %1\nexit code %2%3%4\n--- stdout ---\n%5\n--- stderr ---\n%6")
            .arg(command)
            .arg(exitCode)
            .arg(crashed ? QStringLiteral(" (crashed)") : QString())
            .arg(timedOut ? QStringLiteral(" (timed out)") : QString())
            .arg(stdOut(), stdErr());
    }
    QByteArray describeUtf8() const { return describe().toUtf8(); }
};

inline QString cliPath()
{
    return qEnvironmentVariable("CERTDESK_CLI");
}

inline QString opensslPath()
{
    return QStandardPaths::findExecutable(QStringLiteral("openssl"));
}

inline RunResult
runProcess(const QString& program, const QStringList& arguments, const QString& workDir = QString(),
           const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
           const QByteArray& input = QByteArray())
{
    RunResult r;
    r.command = QFileInfo(program).fileName();
    for (const QString& a : arguments)
        r.command += QLatin1Char(' ') +
                     (a.contains(QLatin1Char(' ')) ? QLatin1Char('\'') + a + QLatin1Char('\'') : a);
    QProcess p;
    p.setProgram(program);
    p.setArguments(arguments);
    p.setProcessEnvironment(env);
    if (!workDir.isEmpty())
        p.setWorkingDirectory(workDir);
    p.start();
    if (!p.waitForStarted(10000)) {
        r.crashed = true;
        r.err = p.errorString().toUtf8();
        return r;
    }
    if (!input.isEmpty())
        p.write(input);
    p.closeWriteChannel();
    if (!p.waitForFinished(60000)) {
        r.timedOut = true;
        p.kill();
        p.waitForFinished(5000);
    }
    r.out = p.readAllStandardOutput();
    r.err = p.readAllStandardError();
    r.crashed = r.crashed || p.exitStatus() != QProcess::NormalExit;
    r.exitCode = p.exitCode();
    return r;
}

inline RunResult cli(const QStringList& arguments, const QString& workDir = QString(),
                     const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment(),
                     const QByteArray& input = QByteArray())
{
    return runProcess(cliPath(), arguments, workDir, env, input);
}

inline RunResult openssl(const QStringList& arguments, const QString& workDir = QString())
{
    return runProcess(opensslPath(), arguments, workDir);
}

inline bool writeFile(const QString& path, const QByteArray& contents)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        return false;
    return f.write(contents) == contents.size();
}

inline QByteArray readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

// Everything in a folder, hidden files included (a left-over temporary file counts too).
inline QStringList listDir(const QString& dir)
{
    return QDir(dir).entryList(
        QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot, QDir::Name);
}

// "key=value" lines (openssl x509 -noout -serial -dates …) into a map.
inline QMap<QString, QString> keyValues(const QString& text)
{
    QMap<QString, QString> map;
    for (const QString& line : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        const qsizetype eq = line.indexOf(QLatin1Char('='));
        if (eq > 0)
            map.insert(line.left(eq).trimmed(), line.mid(eq + 1).trimmed());
    }
    return map;
}

// Leading spaces of a line.
inline qsizetype indentOf(const QString& line)
{
    qsizetype n = 0;
    while (n < line.size() && line.at(n).isSpace())
        ++n;
    return n;
}

// The value lines under a heading of `openssl x509 -text` ("X509v3 Key Usage: critical" →
// "Digital Signature, Key Encipherment"). Empty when the heading is missing.
inline QString textBlock(const QString& text, const QString& heading, bool* critical = nullptr)
{
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (qsizetype i = 0; i < lines.size(); ++i) {
        const QString line = lines[i].trimmed();
        if (!line.startsWith(heading + QLatin1Char(':')))
            continue;
        if (critical)
            *critical = line.contains(QLatin1String("critical"));
        // The block is indented deeper than its heading.
        const qsizetype indent = indentOf(lines[i]);
        QStringList values;
        for (qsizetype j = i + 1; j < lines.size(); ++j) {
            if (lines[j].trimmed().isEmpty() || indentOf(lines[j]) <= indent)
                break;
            values << lines[j].trimmed();
        }
        return values.join(QLatin1Char('\n'));
    }
    return {};
}

// An IPv6 address as eight full lower-case groups ("2001:DB8:0:0:0:0:0:10" and "2001:db8::10"
// both become "2001:0db8:0000:…:0010"); anything else (IPv4) unchanged.
inline QString canonicalIpv6(const QString& address)
{
    if (!address.contains(QLatin1Char(':')))
        return address;
    const qsizetype gap = address.indexOf(QLatin1String("::"));
    QStringList head =
        (gap < 0 ? address : address.left(gap)).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    const QStringList tail =
        gap < 0 ? QStringList() : address.mid(gap + 2).split(QLatin1Char(':'), Qt::SkipEmptyParts);
    if (head.size() + tail.size() > 8 || (gap < 0 && head.size() != 8))
        return address;
    while (head.size() + tail.size() < 8)
        head << QStringLiteral("0");
    QStringList groups;
    for (const QString& g : head + tail) {
        bool ok = false;
        const uint v = g.toUInt(&ok, 16);
        if (!ok || v > 0xFFFF)
            return address;
        groups << QStringLiteral("%1").arg(v, 4, 16, QLatin1Char('0'));
    }
    return groups.join(QLatin1Char(':'));
}

// One Subject Alternative Name in the form certdesk-cli prints ("DNS:x", "IP:…", "EMAIL:…",
// "URI:…"), IP addresses in their canonical form, so v6 spellings compare equal.
inline QString canonicalName(const QString& typeAndValue)
{
    const qsizetype colon = typeAndValue.indexOf(QLatin1Char(':'));
    if (colon < 0)
        return typeAndValue;
    QString type = typeAndValue.left(colon).trimmed().toUpper();
    QString value = typeAndValue.mid(colon + 1).trimmed();
    if (type == QLatin1String("IP ADDRESS"))
        type = QStringLiteral("IP");
    if (type == QLatin1String("IP"))
        value = canonicalIpv6(value);
    return type + QLatin1Char(':') + value;
}

// The names of an `openssl … -text` "X509v3 Subject Alternative Name" (or CRL DP) block.
inline QStringList opensslNames(const QString& block)
{
    QStringList names;
    for (QString part :
         block.split(QRegularExpression(QStringLiteral(",\\s*|\\n")), Qt::SkipEmptyParts)) {
        part = part.trimmed();
        if (part.isEmpty() || part == QLatin1String("Full Name:"))
            continue;
        names << canonicalName(part);
    }
    return names;
}

inline QStringList jsonNames(const QJsonValue& value)
{
    QStringList names;
    for (const QJsonValue& v : value.toArray())
        names << canonicalName(v.toString());
    return names;
}

// An openssl RFC 2253 name ("CN=x,OU=y,O=z,C=DE") as a map (values without commas only).
inline QMap<QString, QString> rfc2253(const QString& name)
{
    QMap<QString, QString> map;
    for (const QString& part : name.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const qsizetype eq = part.indexOf(QLatin1Char('='));
        if (eq > 0)
            map.insert(part.left(eq).trimmed(), part.mid(eq + 1).trimmed());
    }
    return map;
}

inline QMap<QString, QString> jsonName(const QJsonObject& o)
{
    QMap<QString, QString> map;
    for (auto it = o.begin(); it != o.end(); ++it)
        map.insert(it.key(), it.value().toString());
    return map;
}

// Hex digits (any case, colons allowed) as a decimal string; serials have up to 160 bits.
inline QString hexToDecimal(const QString& hex)
{
    std::vector<int> digits{0}; // little-endian base 10
    for (const QChar c : hex) {
        bool ok = false;
        const int nibble = QString(c).toInt(&ok, 16);
        if (!ok)
            continue;
        int carry = nibble;
        for (int& d : digits) {
            const int v = d * 16 + carry;
            d = v % 10;
            carry = v / 10;
        }
        while (carry) {
            digits.push_back(carry % 10);
            carry /= 10;
        }
    }
    while (digits.size() > 1 && digits.back() == 0)
        digits.pop_back();
    QString out;
    for (auto it = digits.rbegin(); it != digits.rend(); ++it)
        out += QLatin1Char(static_cast<char>('0' + *it));
    return out;
}

// Upper-case hex without separators and leading zero bytes: "00:C8" and "c8" compare equal.
inline QString normalHex(const QString& hex)
{
    QString h = hex.toUpper();
    h.remove(QLatin1Char(':'));
    h.remove(QRegularExpression(QStringLiteral("\\s")));
    while (h.size() > 2 && h.startsWith(QLatin1String("00")))
        h.remove(0, 2);
    return h;
}

// "2026-11-27 03:07:18Z" (openssl -dateopt iso_8601) as UTC.
inline QDateTime opensslIsoDate(const QString& text)
{
    QDateTime t = QDateTime::fromString(text.trimmed(), QStringLiteral("yyyy-MM-dd HH:mm:ss'Z'"));
    t.setTimeZone(QTimeZone::utc());
    return t;
}

// "sha256WithRSAEncryption" → "sha256RSA" (the Admin Portal's names certdesk-cli uses).
inline QString portalSignatureName(const QString& opensslName)
{
    QString n = opensslName.trimmed();
    if (n.endsWith(QLatin1String("WithRSAEncryption")))
        return n.left(n.size() - 17) + QStringLiteral("RSA");
    return n;
}

// The first certificate object of a `certdesk-cli show --json` document.
inline QJsonObject firstObject(const QJsonObject& root, const QString& kind, int skip = 0)
{
    for (const QJsonValue& v : root.value(QStringLiteral("objects")).toArray()) {
        const QJsonObject o = v.toObject();
        if (o.value(QStringLiteral("kind")).toString() == kind && skip-- == 0)
            return o;
    }
    return {};
}

inline int countObjects(const QJsonObject& root, const QString& kind)
{
    int n = 0;
    for (const QJsonValue& v : root.value(QStringLiteral("objects")).toArray()) {
        if (v.toObject().value(QStringLiteral("kind")).toString() == kind)
            ++n;
    }
    return n;
}

// Non-empty lines of a text.
inline QStringList lines(const QString& text)
{
    QStringList out;
    for (const QString& l : text.split(QLatin1Char('\n'), Qt::SkipEmptyParts)) {
        if (!l.trimmed().isEmpty())
            out << l;
    }
    return out;
}

} // namespace clitest
