#include "tests/sim/FaultSet.h"

namespace certdesk::sim {

QStringList FaultSet::names()
{
    return {QStringLiteral("drop-upload"),
            QStringLiteral("drop-activate"),
            QStringLiteral("lost-activate-answer"),
            QStringLiteral("http-500"),
            QStringLiteral("http-503"),
            QStringLiteral("stall"),
            QStringLiteral("slow-restart"),
            QStringLiteral("old-cert-after-restart"),
            QStringLiteral("attacker-cert-after-restart")};
}

QStringList FaultSet::scopes()
{
    return {QStringLiteral("login"),   QStringLiteral("system"), QStringLiteral("list"),
            QStringLiteral("view"),    QStringLiteral("delete"), QStringLiteral("import"),
            QStringLiteral("activate")};
}

Status FaultSet::add(const QString& text)
{
    const QString trimmed = text.trimmed();
    const qsizetype colon = trimmed.indexOf(QLatin1Char(':'));
    Fault fault{colon < 0 ? trimmed : trimmed.left(colon),
                colon < 0 ? QString() : trimmed.mid(colon + 1)};
    if (!names().contains(fault.name))
        return Error::usage(QStringLiteral("Unknown fault '%1'. Known faults: %2.")
                                .arg(fault.name, names().join(QStringLiteral(", "))));
    if (!fault.scope.isEmpty()) {
        const bool scoped = fault.name == QLatin1String("http-500") ||
                            fault.name == QLatin1String("http-503") ||
                            fault.name == QLatin1String("stall");
        if (!scoped)
            return Error::usage(QStringLiteral("The fault '%1' takes no scope.").arg(fault.name));
        if (!scopes().contains(fault.scope))
            return Error::usage(QStringLiteral("Unknown fault scope '%1'. Known scopes: %2.")
                                    .arg(fault.scope, scopes().join(QStringLiteral(", "))));
    }
    if (!has(fault.name, fault.scope) || !fault.scope.isEmpty())
        m_faults.append(fault);
    return {};
}

bool FaultSet::has(const QString& name, const QString& scope) const
{
    for (const Fault& f : m_faults) {
        if (f.name != name)
            continue;
        if (f.scope.isEmpty() ? scope != QLatin1String("login") : f.scope == scope)
            return true;
    }
    return false;
}

QStringList FaultSet::toStringList() const
{
    QStringList out;
    for (const Fault& f : m_faults)
        out << (f.scope.isEmpty() ? f.name : f.name + QLatin1Char(':') + f.scope);
    return out;
}

} // namespace certdesk::sim
