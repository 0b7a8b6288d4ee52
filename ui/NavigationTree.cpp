#include "ui/NavigationTree.h"

#include "ui/StoreController.h"

#include <QHeaderView>
#include <QStyle>

#include <algorithm>

namespace certdesk::ui {

namespace {
constexpr int kNodeRole = Qt::UserRole + 1;
constexpr int kNameRole = Qt::UserRole + 2;
} // namespace

NavigationTree::NavigationTree(StoreController* store, QWidget* parent)
    : QTreeWidget(parent)
    , m_store(store)
{
    setObjectName(QStringLiteral("navigationTree"));
    setAccessibleName(tr("Navigation"));
    setHeaderHidden(true);
    setColumnCount(1);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    // Long names are elided (the tooltip has them in full) instead of a horizontal scroll bar.
    header()->setStretchLastSection(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setTextElideMode(Qt::ElideMiddle);

    m_ssl = makeItem(nullptr, Node::Ssl, tr("SSL"), QStringLiteral("ssl"));
    m_ssl->setFlags(Qt::ItemIsEnabled);
    m_generation = makeItem(m_ssl, Node::CertificateGeneration, tr("Certificate Generation"),
                            QStringLiteral("certificateGeneration"));
    m_management = makeItem(m_ssl, Node::CertificateManagement, tr("Certificate Management"),
                            QStringLiteral("certificateManagement"));
    m_servers = makeItem(m_management, Node::ServerCertificates, tr("Server Certificates"),
                         QStringLiteral("serverCertificates"));
    m_expiry = makeItem(nullptr, Node::ExpiryOverview, tr("Expiry Overview"),
                        QStringLiteral("expiryOverview"));
    m_sites = makeItem(nullptr, Node::Sites, tr("Sites"), QStringLiteral("sites"));
    m_sites->setToolTip(0, tr("Remote systems: add, trust and test sites; their server "
                              "certificates."));
    m_bulk = makeItem(m_sites, Node::BulkActivation, tr("Bulk Activation"),
                      QStringLiteral("bulkActivation"));
    m_bulk->setToolTip(0, tr("One certificate onto many sites at once: preflight, run, report."));
    const QIcon folder = style()->standardIcon(QStyle::SP_DirIcon);
    for (QTreeWidgetItem* i : {m_ssl, m_generation, m_management, m_servers, m_sites})
        i->setIcon(0, folder);
    m_expiry->setIcon(0, style()->standardIcon(QStyle::SP_FileDialogDetailedView));
    expandAll();

    connect(this, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem* current) {
        if (!current)
            return;
        emit nodeSelected(static_cast<Node>(current->data(0, kNodeRole).toInt()),
                          current->data(0, kNameRole).toString());
    });
    connect(m_store, &StoreController::entriesChanged, this, &NavigationTree::rebuild);
    rebuild();
}

QTreeWidgetItem* NavigationTree::makeItem(QTreeWidgetItem* parent, Node node, const QString& text,
                                          const QString& objectName)
{
    auto* item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(this);
    item->setText(0, text);
    item->setData(0, kNodeRole, int(node));
    item->setData(0, Qt::AccessibleDescriptionRole, objectName);
    return item;
}

void NavigationTree::rebuild()
{
    const Node previousNode = currentNode();
    const QString previousName = currentName();
    const bool hadCurrent = currentItem() != nullptr;
    bool restored = false;
    {
        const QSignalBlocker block(this);
        setUpdatesEnabled(false);
        for (QTreeWidgetItem* parent : {m_generation, m_servers})
            qDeleteAll(parent->takeChildren());

        QList<store::StoreEntry> entries = m_store->entries();
        std::sort(entries.begin(), entries.end(),
                  [](const store::StoreEntry& a, const store::StoreEntry& b) {
                      return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
                  });
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QIcon certificate = style()->standardIcon(QStyle::SP_FileIcon);
        QList<QTreeWidgetItem*> cas;
        QList<QTreeWidgetItem*> servers;
        for (const store::StoreEntry& e : entries) {
            auto* item = new QTreeWidgetItem;
            item->setText(0, e.name);
            item->setIcon(0, certificate);
            const bool server = store::isServerCertificateList(e.type);
            item->setData(0, kNodeRole,
                          int(server ? Node::ServerCertificate : Node::CaCertificate));
            item->setData(0, kNameRole, e.name);
            QString tip = e.name + QLatin1Char('\n') + store::entryTypeLabel(e.type);
            if (!e.commonName.isEmpty())
                tip += QStringLiteral("\nCN=") + e.commonName;
            if (e.notAfter.isValid()) {
                tip += QLatin1Char('\n') +
                       tr("valid until %1 GMT")
                           .arg(e.notAfter.toString(QStringLiteral("dd.MM.yyyy HH:mm")));
                if (e.notAfter < now) {
                    item->setForeground(0, QColor(0xb7, 0x1c, 0x1c));
                    tip += QLatin1Char('\n') + tr("expired");
                }
            }
            item->setToolTip(0, tip);
            (server ? servers : cas) << item;
        }
        m_generation->addChildren(cas);
        m_servers->addChildren(servers);
        setUpdatesEnabled(true);
        restored = !hadCurrent || select(previousNode, previousName);
    }
    if (!restored) {
        // The entry is gone (deleted): its list is the natural place to continue.
        setCurrentItem(nullptr);
        select(previousNode == Node::CaCertificate ? Node::CertificateGeneration
                                                   : Node::ServerCertificates);
    }
}

QTreeWidgetItem* NavigationTree::item(Node node, const QString& name) const
{
    switch (node) {
    case Node::Ssl:
        return m_ssl;
    case Node::CertificateGeneration:
        return m_generation;
    case Node::CertificateManagement:
        return m_management;
    case Node::ServerCertificates:
        return m_servers;
    case Node::ExpiryOverview:
        return m_expiry;
    case Node::Sites:
        return m_sites;
    case Node::BulkActivation:
        return m_bulk;
    case Node::CaCertificate:
    case Node::ServerCertificate: {
        QTreeWidgetItem* parent = node == Node::CaCertificate ? m_generation : m_servers;
        for (int i = 0; i < parent->childCount(); ++i) {
            if (parent->child(i)->data(0, kNameRole).toString() == name)
                return parent->child(i);
        }
        return nullptr;
    }
    }
    return nullptr;
}

bool NavigationTree::select(Node node, const QString& name)
{
    QTreeWidgetItem* target = item(node, name);
    if (!target || !(target->flags() & Qt::ItemIsSelectable))
        return false;
    if (currentItem() != target)
        setCurrentItem(target);
    scrollToItem(target);
    return true;
}

NavigationTree::Node NavigationTree::currentNode() const
{
    const QTreeWidgetItem* current = currentItem();
    return current ? static_cast<Node>(current->data(0, kNodeRole).toInt())
                   : Node::CertificateGeneration;
}

QString NavigationTree::currentName() const
{
    const QTreeWidgetItem* current = currentItem();
    return current ? current->data(0, kNameRole).toString() : QString();
}

} // namespace certdesk::ui
