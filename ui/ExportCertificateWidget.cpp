#include "ui/ExportCertificateWidget.h"

#include "ui/ApplyBar.h"
#include "ui/DialogProvider.h"
#include "ui/FindingsPanel.h"
#include "ui/PassphraseFields.h"
#include "ui/StoreController.h"

#include "ui/ScrollPage.h"
#include <QComboBox>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QStandardPaths>
#include <QVBoxLayout>

namespace certdesk::ui {

using Format = StoreTasks::ExportFormat;

ExportCertificateWidget::ExportCertificateWidget(bool allowPkcs12, StoreController* store,
                                                 DialogProvider* dialogs, QWidget* parent)
    : QWidget(parent)
    , m_allowPkcs12(allowPkcs12)
    , m_store(store)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("exportCertificate"));
    auto* outer = new QVBoxLayout(this);
    outer->setContentsMargins(0, 0, 0, 0);
    auto* content = ScrollPage::addTo(outer, this);
    auto* layout = new QVBoxLayout(content);

    m_title = new QLabel(content);
    m_title->setWordWrap(true);
    layout->addWidget(m_title);
    auto* box = new QGroupBox(tr("File"), content);
    auto* form = new QFormLayout(box);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_format = new QComboBox(box);
    m_format->setObjectName(QStringLiteral("exportFormatCombo"));
    form->addRow(tr("Format:"), m_format);
    if (allowPkcs12)
        m_passphrase = new PassphraseFields(form, box, true);
    layout->addWidget(box);

    auto* compliance = new QGroupBox(tr("Compliance of what is exported"), content);
    auto* complianceLayout = new QVBoxLayout(compliance);
    m_findings = new FindingsPanel(compliance);
    complianceLayout->addWidget(m_findings);
    layout->addWidget(compliance);

    m_apply = new ApplyBar(tr("Load (Save File…)"), this);
    // Outside the scrolling part: the reason Apply is disabled is always in sight.
    m_apply->setContentsMargins(9, 0, 9, 6);
    outer->addWidget(m_apply);
    layout->addStretch();

    connect(m_format, &QComboBox::currentIndexChanged, this, &ExportCertificateWidget::refresh);
    if (m_passphrase)
        connect(m_passphrase, &PassphraseFields::changed, this, &ExportCertificateWidget::refresh);
    connect(m_apply, &ApplyBar::applied, this, &ExportCertificateWidget::apply);
    connect(m_store, &StoreController::entriesChanged, this, [this] {
        if (!m_name.isEmpty() && m_store->find(m_name))
            load();
    });
    refresh();
}

void ExportCertificateWidget::setEntry(const QString& name)
{
    m_name = name;
    m_apply->clearResult();
    load();
}

void ExportCertificateWidget::load()
{
    m_view.reset();
    m_loading = true;
    m_title->setText(tr("Loading \"%1\"…").arg(m_name));
    refresh();
    const QString name = m_name;
    m_store->read<StoreTasks::EntryView>(
        tr("Reading \"%1\"…").arg(name), false, this,
        [name](store::CertificateStore& s) { return StoreTasks::view(s, name); },
        [this, name](Result<StoreTasks::EntryView> view) {
            if (name != m_name)
                return;
            m_loading = false;
            if (!view) {
                m_title->setText(view.error().message);
                refresh();
                return;
            }
            m_view = *view;
            fillFormats();
            refresh();
        });
}

void ExportCertificateWidget::fillFormats()
{
    const bool request = m_view && m_view->material.certificate.isNull();
    const bool withKey = m_view && m_view->entry.hasKey && !request && m_allowPkcs12;
    const int previous = m_format->currentData().isValid() ? m_format->currentData().toInt() : -1;
    const QSignalBlocker block(m_format);
    m_format->clear();
    if (request) {
        m_format->addItem(tr("PEM (.csr) — the request for your CA"), int(Format::Pem));
        m_format->addItem(tr("DER (.der)"), int(Format::Der));
    } else {
        m_format->addItem(tr("PEM (.crt) — certificate and chain"), int(Format::Pem));
        m_format->addItem(tr("DER (.cer) — the certificate alone"), int(Format::Der));
    }
    if (withKey) {
        m_format->addItem(tr("PKCS#12 (.p12) with key — compatible (3DES, SHA-1 MAC)"),
                          int(Format::Pkcs12Compat));
        m_format->addItem(tr("PKCS#12 (.p12) with key — modern (AES-256)"), int(Format::Pkcs12));
    }
    const int index = m_format->findData(previous);
    m_format->setCurrentIndex(index >= 0 ? index : 0);
}

Format ExportCertificateWidget::format() const
{
    return static_cast<Format>(m_format->currentData().toInt());
}

void ExportCertificateWidget::refresh()
{
    const bool p12 = m_view && m_format->count() > 0 && StoreTasks::needsKey(format());
    if (m_passphrase)
        m_passphrase->setEnabled(p12);
    if (m_view) {
        m_title->setText(
            tr("Export \"%1\" (%2).").arg(m_name, store::entryTypeLabel(m_view->entry.type)));
        if (auto report = StoreTasks::check(*m_view, StoreTasks::fileFormatName(format())))
            m_findings->setReport(*report);
        else
            m_findings->clear(tr("A CSR is checked once the CA's answer is imported."));
    } else {
        m_findings->clear();
    }

    QString problem;
    if (m_name.isEmpty())
        problem = tr("Choose a certificate in the tree.");
    else if (!m_view)
        problem =
            m_loading ? tr("Reading the certificate…") : tr("The certificate could not be read.");
    else if (p12) {
        if (Status s = m_passphrase->validate(true); !s)
            problem = s.error().message;
        else if (m_store->keyState() == StoreController::KeyState::Failed)
            problem = tr("The certificate store is locked: %1").arg(m_store->keyError());
    }
    m_apply->setProblem(problem);
}

void ExportCertificateWidget::apply()
{
    if (!m_view)
        return;
    const Format chosen = format();
    if (m_findings->errorCount() > 0 &&
        !m_dialogs->confirm(this, tr("Export Certificate"),
                            tr("\"%1\" has %n compliance error(s): OpenScape Business or its "
                               "clients will refuse it (see the panel). Export anyway?",
                               nullptr, m_findings->errorCount())
                                .arg(m_name)))
        return;
    const bool request = m_view->material.certificate.isNull();
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DownloadLocation);
    const QString suggested = QDir(folder.isEmpty() ? QDir::homePath() : folder)
                                  .filePath(StoreTasks::exportFileName(m_name, chosen, request));
    const QString filter = StoreTasks::needsKey(chosen) ? tr("PKCS#12 files (*.p12 *.pfx)")
                           : request ? tr("Certificate requests (*.csr *.der *.pem)")
                                     : tr("Certificates (*.crt *.cer *.pem *.der)");
    const QString path =
        m_dialogs->saveFile(this, tr("Export Certificate / CSR"), suggested, filter);
    if (path.isEmpty())
        return;
    std::optional<crypto::SecretBytes> passphrase;
    if (StoreTasks::needsKey(chosen))
        passphrase = m_passphrase->passphrase();
    const QString name = m_name;
    const QString what = tr("Exporting \"%1\"…").arg(name);
    m_apply->setRunning(true, what);
    m_store->read<QString>(
        what, StoreTasks::needsKey(chosen), this,
        [name, chosen, path, passphrase](store::CertificateStore& s) {
            return StoreTasks::exportEntry(s, name, chosen, path, passphrase);
        },
        [this](Result<QString> written) {
            m_apply->setRunning(false);
            refresh();
            if (!written) {
                m_apply->showResult(false, written.error().message);
                return;
            }
            m_apply->showResult(true, tr("Wrote %1").arg(QDir::toNativeSeparators(*written)));
            if (m_passphrase)
                m_passphrase->clear();
            emit exported(*written);
        });
}

} // namespace certdesk::ui
