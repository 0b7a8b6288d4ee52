#pragma once

#include "core/remote/Site.h"

#include <QList>
#include <QStringList>
#include <QWidget>

class QComboBox;
class QLabel;
class QListWidget;

namespace certdesk::ui {

// Which sites a bulk activation goes to: a tag ("All sites" or one tag) ticks its sites in a
// checkable list, where single sites can then be ticked or unticked by hand.
class BulkSitePicker : public QWidget
{
    Q_OBJECT
public:
    explicit BulkSitePicker(QWidget* parent = nullptr);

    // The sites to choose from (sites.json); ticks of sites that remain are kept.
    void setSites(const QList<remote::Site>& sites);
    // The ticked sites, in the registry's order.
    QList<remote::Site> checkedSites() const;
    QStringList checkedNames() const;
    // Ticks exactly the sites of `tag`; an empty tag: every site.
    void checkTag(const QString& tag);

signals:
    void selectionChanged();

private:
    void updateCount();

    QList<remote::Site> m_sites;
    QComboBox* m_tag = nullptr;
    QListWidget* m_list = nullptr;
    QLabel* m_count = nullptr;
    bool m_initialized = false;
};

} // namespace certdesk::ui
