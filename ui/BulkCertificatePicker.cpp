#include "ui/BulkCertificatePicker.h"

#include "ui/DialogProvider.h"
#include "ui/StoreController.h"

#include <QButtonGroup>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QGridLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>

#include <algorithm>

namespace certdesk::ui {

BulkCertificatePicker::BulkCertificatePicker(StoreController* store, DialogProvider* dialogs,
                                             QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("bulkCertificatePicker"));
    auto* grid = new QGridLayout(this);
    grid->setContentsMargins(0, 0, 0, 0);
    m_single = new QRadioButton(tr("One certificate for every site:"), this);
    m_single->setObjectName(QStringLiteral("bulkSingleRadio"));
    m_single->setChecked(true);
    m_entry = new QComboBox(this);
    m_entry->setObjectName(QStringLiteral("bulkCertificateCombo"));
    m_entry->setAccessibleName(tr("Certificate"));
    m_entry->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_rule = new QRadioButton(tr("By rule file (site, certificate):"), this);
    m_rule->setObjectName(QStringLiteral("bulkRuleRadio"));
    m_rule->setToolTip(tr("CSV lines \"site,entry\" or JSON {\"site\": \"entry\"}; the site "
                          "\"*\" stands for every other site."));
    m_rulePath = new QLineEdit(this);
    m_rulePath->setObjectName(QStringLiteral("bulkRuleEdit"));
    m_rulePath->setAccessibleName(tr("Rule file"));
    m_rulePath->setPlaceholderText(tr("rules.csv or rules.json"));
    m_browse = new QPushButton(tr("Browse…"), this);
    m_browse->setObjectName(QStringLiteral("bulkRuleBrowse"));
    m_perSite = new QRadioButton(tr("Each site its own certificate (the store entry named like "
                                    "the site)"),
                                 this);
    m_perSite->setObjectName(QStringLiteral("bulkPerSiteRadio"));
    auto* group = new QButtonGroup(this);
    group->addButton(m_single);
    group->addButton(m_rule);
    group->addButton(m_perSite);
    grid->addWidget(m_single, 0, 0);
    grid->addWidget(m_entry, 0, 1, 1, 2);
    grid->addWidget(m_rule, 1, 0);
    grid->addWidget(m_rulePath, 1, 1);
    grid->addWidget(m_browse, 1, 2);
    grid->addWidget(m_perSite, 2, 0, 1, 3);
    grid->setColumnStretch(1, 1);

    connect(m_single, &QRadioButton::toggled, this, [this] {
        updateEnabled();
        emit changed();
    });
    connect(m_perSite, &QRadioButton::toggled, this, &BulkCertificatePicker::changed);
    connect(m_entry, &QComboBox::currentIndexChanged, this, &BulkCertificatePicker::changed);
    connect(m_rulePath, &QLineEdit::textChanged, this, &BulkCertificatePicker::changed);
    connect(m_browse, &QPushButton::clicked, this, &BulkCertificatePicker::browse);
    connect(m_store, &StoreController::entriesChanged, this, &BulkCertificatePicker::reloadEntries);
    reloadEntries();
    updateEnabled();
}

void BulkCertificatePicker::reloadEntries()
{
    const QString previous = entry();
    QList<store::StoreEntry> entries = m_store->entries();
    std::sort(entries.begin(), entries.end(),
              [](const store::StoreEntry& a, const store::StoreEntry& b) {
                  return a.name.compare(b.name, Qt::CaseInsensitive) < 0;
              });
    {
        const QSignalBlocker block(m_entry);
        m_entry->clear();
        for (const store::StoreEntry& e : entries) {
            // Only what can be uploaded: a server certificate with its key (no CSR, no CA).
            if (!store::isServerCertificateList(e.type) ||
                e.type == store::EntryType::CertificateRequest || !e.hasKey)
                continue;
            QString text = e.name;
            if (!e.commonName.isEmpty())
                text += QStringLiteral("  (CN=%1)").arg(e.commonName);
            // Offered all the same: the preflight says what the PBX would make of it.
            if (e.notAfter.isValid() && e.notAfter < QDateTime::currentDateTimeUtc())
                text += QLatin1Char(' ') + tr("– expired");
            m_entry->addItem(text, e.name);
            if (e.notAfter.isValid())
                m_entry->setItemData(
                    m_entry->count() - 1,
                    tr("valid until %1 GMT").arg(e.notAfter.toString(QStringLiteral("dd.MM.yyyy"))),
                    Qt::ToolTipRole);
        }
        const int index = m_entry->findData(previous);
        m_entry->setCurrentIndex(index >= 0 ? index : (m_entry->count() > 0 ? 0 : -1));
    }
    if (entry() != previous)
        emit changed();
}

void BulkCertificatePicker::browse()
{
    const QString path = m_dialogs->openFile(this, tr("Certificate Assignment Rule"),
                                             tr("Rule files (*.csv *.json);;All files (*)"));
    if (path.isEmpty())
        return;
    m_rule->setChecked(true);
    m_rulePath->setText(QDir::toNativeSeparators(path));
}

void BulkCertificatePicker::updateEnabled()
{
    m_entry->setEnabled(m_single->isChecked());
    m_rulePath->setEnabled(m_rule->isChecked());
}

bool BulkCertificatePicker::usesRule() const
{
    return m_rule->isChecked();
}

bool BulkCertificatePicker::perSite() const
{
    return m_perSite->isChecked();
}

QString BulkCertificatePicker::entry() const
{
    return m_entry->currentData().toString();
}

QString BulkCertificatePicker::rulePath() const
{
    return QDir::fromNativeSeparators(m_rulePath->text().trimmed());
}

void BulkCertificatePicker::setEntry(const QString& name)
{
    m_single->setChecked(true);
    m_entry->setCurrentIndex(m_entry->findData(name));
}

void BulkCertificatePicker::setRulePath(const QString& path)
{
    m_rule->setChecked(true);
    m_rulePath->setText(QDir::toNativeSeparators(path));
}

bool BulkCertificatePicker::isChosen() const
{
    if (perSite())
        return true;
    return usesRule() ? !rulePath().isEmpty() : !entry().isEmpty();
}

Result<bulk::CertificateAssignment> BulkCertificatePicker::assignment() const
{
    if (usesRule()) {
        if (rulePath().isEmpty())
            return Error::usage(tr("Choose a rule file."));
        return bulk::CertificateAssignment::load(rulePath());
    }
    if (perSite())
        return bulk::CertificateAssignment::perSite();
    if (entry().isEmpty())
        return Error::usage(tr("Choose a certificate: a server certificate with its key."));
    return bulk::CertificateAssignment::single(entry());
}

} // namespace certdesk::ui
