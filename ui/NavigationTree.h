#pragma once

#include <QString>
#include <QTreeWidget>

namespace certdesk::ui {

class StoreController;

// The left side, as in the Admin Portal's Expert Mode – Security – SSL: Certificate Generation
// with each CA certificate as a child, Certificate Management → Server Certificates with each
// server certificate and CSR as a child; then CertDesk's Expiry Overview and, for the remote
// side, Sites with Bulk Activation. Rebuilt from the store index, so it needs no key.
class NavigationTree : public QTreeWidget
{
    Q_OBJECT
public:
    enum class Node {
        Ssl,
        CertificateGeneration,
        CaCertificate,
        CertificateManagement,
        ServerCertificates,
        ServerCertificate,
        ExpiryOverview,
        Sites,
        BulkActivation,
    };
    Q_ENUM(Node)

    explicit NavigationTree(StoreController* store, QWidget* parent = nullptr);

    // Selects a node (an entry by name); false when there is no such node.
    bool select(Node node, const QString& name = QString());
    Node currentNode() const;
    QString currentName() const;
    QTreeWidgetItem* item(Node node, const QString& name = QString()) const;

signals:
    void nodeSelected(certdesk::ui::NavigationTree::Node node, const QString& name);

private:
    void rebuild();
    QTreeWidgetItem* makeItem(QTreeWidgetItem* parent, Node node, const QString& text,
                              const QString& objectName);

    StoreController* m_store = nullptr;
    QTreeWidgetItem* m_ssl = nullptr;
    QTreeWidgetItem* m_generation = nullptr;
    QTreeWidgetItem* m_management = nullptr;
    QTreeWidgetItem* m_servers = nullptr;
    QTreeWidgetItem* m_expiry = nullptr;
    QTreeWidgetItem* m_sites = nullptr;
    QTreeWidgetItem* m_bulk = nullptr;
};

} // namespace certdesk::ui
