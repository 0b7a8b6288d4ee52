#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace certdesk::sim {

// The faults a simulated system injects, as given by --fault NAME[:SCOPE] or the control
// endpoint. A fault stays until cleared.
//
//   drop-upload                  cut the connection of every import request after its headers
//   drop-activate                cut the connection of every activate request after its headers
//                                (the activation does not take place)
//   lost-activate-answer         perform every activate request (restart included) but cut the
//                                connection instead of answering: a lost answer that took effect
//   http-500, http-503           answer that status with an error body
//   stall                        read the request and never answer
//   slow-restart                 after an activation stay away --slow-restart-seconds, not the
//                                announced --restart-seconds
//   old-cert-after-restart       come back from an activation still serving the old certificate
//   attacker-cert-after-restart  come back serving a certificate nobody uploaded
//
// http-500, http-503 and stall take a SCOPE naming one operation (login, system, list, view,
// delete, import, activate); without one they hit every certificate operation (not login).
class FaultSet
{
public:
    static QStringList names();
    static QStringList scopes();

    Status add(const QString& text);
    void clear() { m_faults.clear(); }
    bool has(const QString& name, const QString& scope = QString()) const;
    QStringList toStringList() const;

private:
    struct Fault
    {
        QString name;
        QString scope; // empty: every operation
    };
    QList<Fault> m_faults;
};

} // namespace certdesk::sim
