#include "RemoteTestSupport.h"

#include <QTcpServer>

namespace remotetest {

quint16 closedPort()
{
    QTcpServer server;
    server.listen(QHostAddress::LocalHost, 0);
    const quint16 port = server.serverPort();
    server.close();
    return port;
}

} // namespace remotetest
