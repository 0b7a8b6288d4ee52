#include "ui/BulkSitePicker.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QSet>
#include <QVBoxLayout>

#include <algorithm>

namespace certdesk::ui {

BulkSitePicker::BulkSitePicker(QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("bulkSitePicker"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    auto* form = new QFormLayout;
    m_tag = new QComboBox(this);
    m_tag->setObjectName(QStringLiteral("bulkTagCombo"));
    m_tag->setToolTip(tr("Ticks the sites of a tag; tick or untick single sites below."));
    form->addRow(tr("Sites by tag:"), m_tag);
    layout->addLayout(form);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("bulkSiteList"));
    m_list->setAccessibleName(tr("Sites"));
    m_list->setUniformItemSizes(true);
    layout->addWidget(m_list, 1);
    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("bulkSiteCount"));
    layout->addWidget(m_count);

    connect(m_tag, &QComboBox::currentIndexChanged, this,
            [this] { checkTag(m_tag->currentData().toString()); });
    connect(m_list, &QListWidget::itemChanged, this, [this] {
        updateCount();
        emit selectionChanged();
    });
    updateCount();
}

void BulkSitePicker::setSites(const QList<remote::Site>& sites)
{
    const QSet<QString> checked = [this] {
        const QStringList names = checkedNames();
        return QSet<QString>(names.begin(), names.end());
    }();
    m_sites = sites;
    QStringList tags;
    for (const remote::Site& site : sites)
        tags << site.tags;
    tags.removeDuplicates();
    std::sort(tags.begin(), tags.end(), [](const QString& a, const QString& b) {
        return a.compare(b, Qt::CaseInsensitive) < 0;
    });
    {
        const QSignalBlocker blockTag(m_tag);
        const QSignalBlocker blockList(m_list);
        const QString currentTag = m_tag->currentData().toString();
        m_tag->clear();
        m_tag->addItem(tr("All sites"), QString());
        for (const QString& tag : tags)
            m_tag->addItem(tag, tag);
        m_tag->setCurrentIndex(std::max(0, m_tag->findData(currentTag)));
        m_list->clear();
        for (const remote::Site& site : sites) {
            auto* item = new QListWidgetItem(m_list);
            item->setText(site.tags.isEmpty()
                              ? site.name
                              : QStringLiteral("%1  [%2]")
                                    .arg(site.name, site.tags.join(QStringLiteral(", "))));
            item->setData(Qt::UserRole, site.name);
            item->setToolTip(QStringLiteral("%1:%2").arg(site.host).arg(site.port));
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
            // The first list ticks what the tag combo says ("All sites"); later ones keep ticks.
            const bool on = m_initialized
                                ? checked.contains(site.name)
                                : (currentTag.isEmpty() || site.tags.contains(currentTag));
            item->setCheckState(on ? Qt::Checked : Qt::Unchecked);
        }
    }
    m_initialized = m_initialized || !sites.isEmpty();
    updateCount();
    emit selectionChanged();
}

void BulkSitePicker::checkTag(const QString& tag)
{
    {
        const QSignalBlocker block(m_list);
        for (int i = 0; i < m_list->count(); ++i) {
            const remote::Site& site = m_sites.at(i);
            m_list->item(i)->setCheckState(
                tag.isEmpty() || site.tags.contains(tag) ? Qt::Checked : Qt::Unchecked);
        }
    }
    const int index = m_tag->findData(tag);
    if (index >= 0 && index != m_tag->currentIndex()) {
        const QSignalBlocker block(m_tag);
        m_tag->setCurrentIndex(index);
    }
    updateCount();
    emit selectionChanged();
}

QStringList BulkSitePicker::checkedNames() const
{
    QStringList names;
    for (int i = 0; i < m_list->count(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            names << m_list->item(i)->data(Qt::UserRole).toString();
    }
    return names;
}

QList<remote::Site> BulkSitePicker::checkedSites() const
{
    QList<remote::Site> sites;
    for (int i = 0; i < m_list->count() && i < m_sites.size(); ++i) {
        if (m_list->item(i)->checkState() == Qt::Checked)
            sites << m_sites.at(i);
    }
    return sites;
}

void BulkSitePicker::updateCount()
{
    m_count->setText(
        tr("%1 of %n site(s) chosen.", nullptr, int(m_sites.size())).arg(checkedNames().size()));
}

} // namespace certdesk::ui
