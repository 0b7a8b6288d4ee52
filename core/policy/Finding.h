#pragma once

#include <QCoreApplication>
#include <QJsonObject>
#include <QString>

namespace certdesk::policy {

// How bad a finding is. Error: a client or the PBX refuses the certificate. Warning: it
// works today but will break, or breaks under an assumption the finding states. Info: a
// rule was looked at and does not apply, and why.
enum class Severity { Info, Warning, Error };

// One result of one compliance rule, written for the technician: what is wrong, what to do,
// and whom the rule protects.
struct Finding
{
    Q_DECLARE_TR_FUNCTIONS(Finding)

public:
    Severity severity = Severity::Info;
    QString code;    // stable identifier, "<profile>.<rule>", e.g. "osbiz.key-length"
    QString profile; // id of the profile that produced it, e.g. "osbiz-v3"
    QString message; // what is wrong, in plain words
    QString fix;     // what to do about it
    QString client;  // who the rule protects, e.g. "iPhones and Macs running myPortal to go"

    bool isError() const { return severity == Severity::Error; }

    static QString severityName(Severity severity);  // "error", "warning", "info" (stable)
    static QString severityLabel(Severity severity); // translated, for people

    QJsonObject toJson() const;
    // "Error [osbiz.key-length] message\n  Fix: …\n  Protects: …"
    QString toText() const;
};

} // namespace certdesk::policy
