#include "ui/BulkActivationPage.h"

#include "core/remote/AdminPortalProtocol.h"
#include "ui/BulkCertificatePicker.h"
#include "ui/BulkSitePicker.h"
#include "ui/BulkSiteTableModel.h"
#include "ui/DialogProvider.h"
#include "ui/PageHeader.h"
#include "ui/ProgressBarDelegate.h"
#include "ui/SiteController.h"
#include "ui/StoreController.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMap>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace certdesk::ui {

using bulk::BulkSiteResult;
using bulk::PreflightResult;
using Verdict = PreflightResult::Verdict;

namespace {
constexpr int kListedPerProblem = 5;

// What blocks a site, short, for the summary (the row's tooltip has the full message).
QString problemLabel(const QString& problem)
{
    const auto is = [&problem](const char* id) {
        return problem == QLatin1String(id);
    };
    if (is("policy"))
        return BulkActivationPage::tr("the certificate breaks the PBX's rules");
    if (is("no-key"))
        return BulkActivationPage::tr("no certificate with its key");
    if (is("no-booster"))
        return BulkActivationPage::tr("no UC Booster Server");
    if (is("not-trusted"))
        return BulkActivationPage::tr("not trusted yet (trust it under Sites)");
    if (is("mismatch"))
        return BulkActivationPage::tr("presents a certificate other than the trusted one");
    if (is("unreachable"))
        return BulkActivationPage::tr("unreachable");
    if (is("no-password"))
        return BulkActivationPage::tr("no password in the keychain");
    if (is("keychain"))
        return BulkActivationPage::tr("the keychain could not be read");
    if (is("bad-credentials"))
        return BulkActivationPage::tr("login refused: wrong user name or password");
    return BulkActivationPage::tr("login failed (%1)").arg(problem);
}
} // namespace

BulkActivationPage::BulkActivationPage(StoreController* store, SiteController* sites,
                                       DialogProvider* dialogs, QWidget* parent)
    : QWidget(parent)
    , m_store(store)
    , m_sites(sites)
    , m_dialogs(dialogs)
{
    setObjectName(QStringLiteral("bulkActivationPage"));
    auto* layout = new QVBoxLayout(this);
    auto* header = new PageHeader(this);
    header->setText(tr("Bulk Activation"));
    layout->addWidget(header);
    auto* intro = new QLabel(
        tr("Activates a certificate on many sites at once and proves by handshake that each "
           "serves it. Every chosen system's web server restarts: its Admin Portal is not "
           "reachable for 2–3 minutes. Run the preflight first: nothing is uploaded until Run."),
        this);
    intro->setWordWrap(true);
    layout->addWidget(intro);

    // What goes where: the certificate and options on the left, the sites on the right.
    auto* choice = new QHBoxLayout;
    auto* left = new QVBoxLayout;
    auto* certificateBox = new QGroupBox(tr("Certificate"), this);
    auto* certificateLayout = new QVBoxLayout(certificateBox);
    m_certificate = new BulkCertificatePicker(store, dialogs, certificateBox);
    certificateLayout->addWidget(m_certificate);
    left->addWidget(certificateBox);
    auto* optionsBox = new QGroupBox(tr("Activation"), this);
    auto* options = new QFormLayout(optionsBox);
    m_system = new QComboBox(optionsBox);
    m_system->setObjectName(QStringLiteral("bulkSystemCombo"));
    m_system->addItem(tr("Telephony Server"), remote::AdminPortalProtocol::telephonySystem());
    m_system->addItem(tr("OpenScape Business UC Booster Server"),
                      remote::AdminPortalProtocol::boosterSystem());
    options->addRow(tr("System:"), m_system);
    m_parallel = new QSpinBox(optionsBox);
    m_parallel->setObjectName(QStringLiteral("bulkParallelSpin"));
    m_parallel->setRange(1, 1024);
    m_parallel->setValue(bulk::BulkActivation::Options().parallel);
    m_parallel->setToolTip(tr("At most this many sites log in, upload or verify at once; sites "
                              "waiting for their web server's restart do not count."));
    options->addRow(tr("Sites at once:"), m_parallel);
    m_includeActive =
        new QCheckBox(tr("Activate again where the certificate is already active"), optionsBox);
    m_includeActive->setObjectName(QStringLiteral("bulkIncludeActive"));
    options->addRow(m_includeActive);
    left->addWidget(optionsBox);
    left->addStretch();
    choice->addLayout(left, 1);
    auto* sitesBox = new QGroupBox(tr("Sites"), this);
    auto* sitesLayout = new QVBoxLayout(sitesBox);
    m_sitePicker = new BulkSitePicker(sitesBox);
    m_sitePicker->setMaximumHeight(220);
    sitesLayout->addWidget(m_sitePicker);
    choice->addWidget(sitesBox, 1);
    layout->addLayout(choice);

    auto* buttons = new QHBoxLayout;
    const auto button = [this, buttons](const QString& text, const char* name) {
        auto* b = new QPushButton(text, this);
        b->setObjectName(QLatin1String(name));
        buttons->addWidget(b);
        return b;
    };
    m_preflightButton = button(tr("Preflight"), "bulkPreflightButton");
    m_preflightButton->setToolTip(tr("Check the certificate against the PBX's rules and test "
                                     "the connection to every chosen site; nothing is "
                                     "uploaded."));
    m_run = button(tr("Run"), "bulkRunButton");
    m_run->setToolTip(tr("Activate on the sites the preflight found ready."));
    m_pause = button(tr("Pause"), "bulkPauseButton");
    m_pause->setToolTip(tr("Start no further sites; those under way finish."));
    m_cancel = button(tr("Cancel"), "bulkCancelButton");
    m_cancel->setToolTip(tr("Stop: sites not started are canceled; sites that already sent the "
                            "activation finish waiting and verifying."));
    m_rerun = button(tr("Re-run Failed"), "bulkRerunFailedButton");
    m_save = button(tr("Save Report…"), "bulkSaveReportButton");
    buttons->addStretch();
    layout->addLayout(buttons);

    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("bulkSummaryLabel"));
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_summary);
    auto* progressRow = new QHBoxLayout;
    m_overall = new QProgressBar(this);
    m_overall->setObjectName(QStringLiteral("bulkOverallProgress"));
    m_overall->setRange(0, 1);
    m_overall->setValue(0);
    progressRow->addWidget(m_overall, 1);
    m_counts = new QLabel(this);
    m_counts->setObjectName(QStringLiteral("bulkCountsLabel"));
    progressRow->addWidget(m_counts, 2);
    m_failuresOnly = new QCheckBox(tr("Show failures only"), this);
    m_failuresOnly->setObjectName(QStringLiteral("bulkFailuresOnly"));
    m_failuresOnly->setToolTip(
        tr("Only the sites that did not get the certificate: blocked by the preflight, or "
           "their activation failed or was canceled."));
    progressRow->addWidget(m_failuresOnly);
    layout->addLayout(progressRow);

    m_model = new BulkSiteTableModel(this);
    m_filter = new QSortFilterProxyModel(this);
    m_filter->setSourceModel(m_model);
    m_filter->setFilterRole(BulkSiteTableModel::FailureRole);
    m_filter->setFilterKeyColumn(BulkSiteTableModel::Site);
    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("bulkTable"));
    m_table->setModel(m_filter);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->hide();
    m_table->setItemDelegateForColumn(
        BulkSiteTableModel::Progress,
        new ProgressBarDelegate(BulkSiteTableModel::ProgressRole, m_table));
    QHeaderView* columns = m_table->horizontalHeader();
    columns->setSectionResizeMode(QHeaderView::Interactive);
    columns->setStretchLastSection(true);
    for (const auto& [column, width] : {std::pair{BulkSiteTableModel::Site, 160},
                                        {BulkSiteTableModel::Certificate, 150},
                                        {BulkSiteTableModel::Preflight, 110},
                                        {BulkSiteTableModel::Step, 220},
                                        {BulkSiteTableModel::Progress, 120},
                                        {BulkSiteTableModel::Elapsed, 70}})
        columns->resizeSection(column, width);
    layout->addWidget(m_table, 1);

    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("bulkStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    layout->addWidget(m_status);

    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, m_model, &BulkSiteTableModel::refreshRunning);

    connect(m_preflightButton, &QPushButton::clicked, this, &BulkActivationPage::startPreflight);
    connect(m_run, &QPushButton::clicked, this, &BulkActivationPage::run);
    connect(m_pause, &QPushButton::clicked, this, &BulkActivationPage::togglePause);
    connect(m_cancel, &QPushButton::clicked, this, &BulkActivationPage::cancel);
    connect(m_rerun, &QPushButton::clicked, this, &BulkActivationPage::rerunFailed);
    connect(m_save, &QPushButton::clicked, this, &BulkActivationPage::saveReport);
    connect(m_failuresOnly, &QCheckBox::toggled, this, [this](bool on) {
        m_filter->setFilterFixedString(on ? QStringLiteral("1") : QString());
    });
    connect(m_includeActive, &QCheckBox::toggled, this, [this] {
        if (m_preflight && m_preflight->isFinished())
            m_summary->setText(preflightSummary());
        updateButtons();
    });
    connect(m_certificate, &BulkCertificatePicker::changed, this,
            &BulkActivationPage::choiceChanged);
    connect(m_sitePicker, &BulkSitePicker::selectionChanged, this,
            &BulkActivationPage::choiceChanged);
    connect(m_system, &QComboBox::currentIndexChanged, this, &BulkActivationPage::choiceChanged);
    connect(m_parallel, &QSpinBox::valueChanged, this, &BulkActivationPage::updateButtons);
    connect(m_sites, &SiteController::sitesChanged, this, &BulkActivationPage::reloadSites);
    reloadSites();
    updateButtons();
}

BulkActivationPage::~BulkActivationPage()
{
    // A window closed during a batch: the batch and the preflight go first, while this page is
    // still whole, and none of their last signals reaches it.
    for (QObject* work :
         {static_cast<QObject*>(m_batch.data()), static_cast<QObject*>(m_preflight.data())}) {
        if (work) {
            work->disconnect(this);
            delete work;
        }
    }
}

void BulkActivationPage::showEvent(QShowEvent* event)
{
    reloadSites(); // the CLI may have changed sites.json meanwhile
    QWidget::showEvent(event);
}

void BulkActivationPage::reloadSites()
{
    m_sitePicker->setSites(m_sites->sites());
    if (!m_sites->lastError().isEmpty())
        setStatus(m_sites->lastError(), true);
}

QString BulkActivationPage::choiceKey() const
{
    const QString certificate = m_certificate->perSite() ? QStringLiteral("per-site")
                                : m_certificate->usesRule()
                                    ? QStringLiteral("rule:") + m_certificate->rulePath()
                                    : QStringLiteral("entry:") + m_certificate->entry();
    return QStringList{m_system->currentData().toString(), certificate,
                       m_sitePicker->checkedNames().join(QLatin1Char('\n'))}
        .join(QLatin1Char('\t'));
}

void BulkActivationPage::choiceChanged()
{
    if (m_preflight && m_preflight->isFinished() && !m_batch && choiceKey() != m_preflightKey)
        setStatus(tr("The choice changed since the preflight: run the preflight again."));
    updateButtons();
}

void BulkActivationPage::setStatus(const QString& text, bool error)
{
    m_status->setText(text);
    m_status->setStyleSheet(error ? QStringLiteral("color: #b71c1c;") : QString());
}

void BulkActivationPage::startPreflight()
{
    const bool busy =
        m_loading || (m_preflight && m_preflight->isRunning()) || (m_batch && m_batch->isRunning());
    if (busy)
        return;
    auto assignment = m_certificate->assignment();
    if (!assignment) {
        setStatus(assignment.error().message, true);
        return;
    }
    const QList<remote::Site> sites = m_sitePicker->checkedSites();
    if (sites.isEmpty()) {
        setStatus(tr("Choose at least one site."), true);
        return;
    }
    QList<Planned> plan;
    QStringList unassigned;
    QStringList entries;
    for (const remote::Site& site : sites) {
        auto entry = assignment->entryFor(site.name);
        if (!entry) {
            unassigned << site.name;
            continue;
        }
        plan.append({site, *entry});
        if (!entries.contains(*entry))
            entries << *entry;
    }
    if (!unassigned.isEmpty()) {
        setStatus(tr("The rule file assigns no certificate to %n site(s): %1. Add them to the "
                     "rule (or a line \"*,ENTRY\" for every other site), or untick them.",
                     nullptr, int(unassigned.size()))
                      .arg(unassigned.join(QStringLiteral(", "))),
                  true);
        return;
    }

    discardBatch();
    m_model->reset({});
    m_summary->clear();
    m_counts->clear();
    m_overall->setRange(0, 1);
    m_overall->setValue(0);
    m_preflightKey = choiceKey();
    m_loading = true;
    setStatus(tr("Reading %n certificate(s) from the store…", nullptr, int(entries.size())));
    updateButtons();
    const QString system = m_system->currentData().toString();
    m_store->read<Materials>(
        tr("Reading %n certificate(s)…", nullptr, int(entries.size())), true, this,
        [entries](store::CertificateStore& s) -> Result<Materials> {
            Materials materials;
            for (const QString& name : entries) {
                auto material = s.load(name, true);
                if (!material)
                    return material.error();
                materials.insert(name, *material);
            }
            return materials;
        },
        [this, plan, system](Result<Materials> materials) {
            m_loading = false;
            if (!materials) {
                setStatus(materials.error().message, true);
                updateButtons();
                return;
            }
            launchPreflight(plan, system, *materials);
        });
}

void BulkActivationPage::launchPreflight(const QList<Planned>& plan, const QString& system,
                                         const Materials& materials)
{
    // The same requests the CLI's bulk activate builds; an entry without a certificate and key
    // is left empty here and blocked by the preflight with its reason.
    QList<bulk::BulkActivation::Item> items;
    QList<PreflightResult> rows;
    for (const Planned& p : plan) {
        const store::EntryMaterial& m = materials[p.entry];
        bulk::BulkActivation::Item item;
        item.entry = p.entry;
        item.request.site = p.site;
        item.request.registryPath = m_sites->registryPath();
        item.request.keychainService = m_sites->keychainService();
        item.request.system = system;
        item.request.remoteName = p.entry;
        item.request.certificate = m.certificate;
        item.request.chain = m.chain;
        item.request.key = m.key;
        item.request.form = remote::UploadBundle::Form::Pkcs12;
        items.append(std::move(item));
        PreflightResult row;
        row.site = p.site.name;
        row.entry = p.entry;
        row.system = system;
        rows.append(row);
    }
    m_model->reset(rows);
    m_preflight = new bulk::BulkPreflight(std::move(items), m_parallel->value(), this);
    connect(m_preflight, &bulk::BulkPreflight::siteChecked, this,
            [this](int index) { m_model->setPreflight(index, m_preflight->site(index)); });
    connect(m_preflight, &bulk::BulkPreflight::progressChanged, this,
            [this](int checked, int total) {
                m_overall->setRange(0, std::max(1, total));
                m_overall->setValue(checked);
                m_counts->setText(tr("Preflight: %1 of %2 sites checked.").arg(checked).arg(total));
            });
    connect(m_preflight, &bulk::BulkPreflight::finished, this,
            &BulkActivationPage::onPreflightFinished);
    setStatus(tr("Preflight: checking the certificate and testing the connection to %n site(s)…",
                 nullptr, int(plan.size())));
    m_preflight->start();
    updateButtons();
}

QString BulkActivationPage::preflightSummary() const
{
    if (!m_preflight)
        return QString();
    const int ready = m_preflight->count(Verdict::Ready);
    const int active = m_preflight->count(Verdict::AlreadyActive);
    const int blocked = m_preflight->count(Verdict::Blocked);
    const int canceled = m_preflight->count(Verdict::Canceled);
    const bool withActive = m_includeActive->isChecked();
    QStringList parts;
    parts << tr("Preflight: %1 of %n site(s) ready.", nullptr, m_preflight->size()).arg(ready);
    if (active > 0)
        parts << (withActive ? tr("%n site(s) already serve the certificate and are activated "
                                  "again.",
                                  nullptr, active)
                             : tr("%n site(s) already serve the certificate and are skipped.",
                                  nullptr, active));
    if (blocked > 0) {
        // Grouped by what blocks them, a few names each.
        QMap<QString, QStringList> byProblem;
        for (const PreflightResult& r : m_preflight->results()) {
            if (r.verdict == Verdict::Blocked)
                byProblem[r.problem] << r.site;
        }
        QStringList groups;
        for (auto it = byProblem.cbegin(); it != byProblem.cend(); ++it) {
            QStringList names = it.value().mid(0, kListedPerProblem);
            if (it.value().size() > kListedPerProblem)
                names << tr("and %n more", nullptr, int(it.value().size()) - kListedPerProblem);
            groups << tr("%1: %2").arg(problemLabel(it.key()), names.join(QStringLiteral(", ")));
        }
        parts << tr("%n site(s) blocked, not activated:", nullptr, blocked) + QLatin1Char(' ') +
                     groups.join(QStringLiteral("; ")) + QLatin1Char('.');
    }
    if (canceled > 0)
        parts << tr("%n site(s) not checked: the preflight was canceled.", nullptr, canceled);
    if (ready + (withActive ? active : 0) == 0)
        parts << tr("Nothing to run.");
    return parts.join(QLatin1Char(' '));
}

void BulkActivationPage::onPreflightFinished()
{
    m_summary->setText(preflightSummary());
    setStatus(QString());
    updateButtons();
    emit preflightFinished();
}

void BulkActivationPage::run()
{
    if (!m_run->isEnabled() || !m_preflight)
        return;
    QList<bulk::BulkActivation::Item> items =
        m_preflight->passedItems(m_includeActive->isChecked());
    if (items.isEmpty())
        return;
    m_runRows.clear();
    for (const bulk::BulkActivation::Item& item : items)
        m_runRows << m_model->rowOf(item.request.site.name);
    bulk::BulkActivation::Options options;
    options.parallel = m_parallel->value();
    m_model->clearRuns();
    m_historyPath.clear();
    m_batch = new bulk::BulkActivation(std::move(items), options, this);
    for (int i = 0; i < m_batch->size(); ++i)
        m_model->setRun(m_runRows.value(i, -1), m_batch->site(i));
    connect(m_batch, &bulk::BulkActivation::siteChanged, this, [this](int index) {
        m_model->setRun(m_runRows.value(index, -1), m_batch->site(index));
        updateCounts();
    });
    connect(m_batch, &bulk::BulkActivation::finished, this, &BulkActivationPage::onBatchFinished);
    setStatus(tr("Running: %n site(s), at most %1 at once.", nullptr, m_batch->size())
                  .arg(options.parallel));
    m_tick->start();
    m_batch->start();
    updateCounts();
    updateButtons();
}

void BulkActivationPage::onBatchFinished()
{
    m_tick->stop();
    m_model->refreshRunning();
    updateCounts();
    const bulk::BulkReport report = m_batch->report();
    QString text =
        report.allSucceeded()
            ? tr("Done: every site serves its new certificate.")
            : tr("Done: %n site(s) did not succeed; \"Show failures only\" lists them.", nullptr,
                 report.count(BulkSiteResult::State::Failed) +
                     report.count(BulkSiteResult::State::Canceled));
    bool error = false;
    if (m_store->isOpen()) {
        auto saved = report.saveToHistory(m_store->root());
        if (saved) {
            m_historyPath = *saved;
            text += QLatin1Char(' ') +
                    tr("The report is kept in %1.").arg(QDir::toNativeSeparators(*saved));
        } else {
            text +=
                QLatin1Char(' ') +
                tr("The report could not be kept in the history: %1").arg(saved.error().message);
            error = true;
        }
    }
    setStatus(text, error);
    // The batch moved pins in sites.json itself; the Sites page shows them after this.
    emit m_sites->sitesChanged();
    updateButtons();
    emit batchFinished();
}

void BulkActivationPage::togglePause()
{
    if (!m_batch || !m_batch->isRunning())
        return;
    if (m_batch->isPaused())
        m_batch->resume();
    else
        m_batch->pause();
    updateCounts();
    updateButtons();
}

void BulkActivationPage::cancel()
{
    if (m_preflight && m_preflight->isRunning()) {
        m_preflight->cancel();
    } else if (m_batch && m_batch->isRunning()) {
        setStatus(tr("Canceling: sites that already sent the activation finish waiting and "
                     "verifying."));
        m_batch->cancel();
    }
    updateButtons();
}

void BulkActivationPage::rerunFailed()
{
    if (!m_batch || m_batch->isRunning())
        return;
    const int queued = m_batch->rerunFailed();
    if (queued == 0)
        return;
    m_historyPath.clear();
    setStatus(tr("Running %n failed site(s) again.", nullptr, queued));
    m_tick->start();
    updateCounts();
    updateButtons();
}

void BulkActivationPage::saveReport()
{
    if (!m_batch || m_batch->isRunning())
        return;
    const QString suggested = QDir::home().filePath(
        QStringLiteral("bulk-activation-%1.html")
            .arg(QDateTime::currentDateTime().toString(QStringLiteral("yyyyMMdd-HHmm"))));
    const QString path = m_dialogs->saveFile(this, tr("Save Bulk Activation Report"), suggested,
                                             tr("HTML page (*.html);;CSV (*.csv);;JSON (*.json)"));
    if (path.isEmpty())
        return;
    if (Status s = m_batch->report().write(path); !s)
        setStatus(s.error().message, true);
    else
        setStatus(tr("Report written to %1.").arg(QDir::toNativeSeparators(path)));
}

void BulkActivationPage::discardBatch()
{
    // Only ever between runs: nothing of theirs is under way.
    for (QObject* old :
         {static_cast<QObject*>(m_batch.data()), static_cast<QObject*>(m_preflight.data())}) {
        if (old) {
            old->disconnect(this);
            old->deleteLater();
        }
    }
    m_batch = nullptr;
    m_preflight = nullptr;
    m_runRows.clear();
    m_tick->stop();
}

void BulkActivationPage::updateCounts()
{
    if (!m_batch)
        return;
    using State = BulkSiteResult::State;
    int succeeded = 0;
    int failed = 0;
    int canceled = 0;
    int running = 0;
    int retrying = 0;
    for (int i = 0; i < m_batch->size(); ++i) {
        switch (m_batch->site(i).state) {
        case State::Succeeded:
            ++succeeded;
            break;
        case State::Failed:
            ++failed;
            break;
        case State::Canceled:
            ++canceled;
            break;
        case State::Running:
        case State::Settling:
            ++running;
            break;
        case State::RetryWait:
            ++retrying;
            break;
        case State::Pending:
            break;
        }
    }
    const int total = m_batch->size();
    const int done = succeeded + failed + canceled;
    m_overall->setRange(0, std::max(1, total));
    m_overall->setValue(done);
    QString text = tr("%1 of %2 done: %3 succeeded, %4 failed")
                       .arg(done)
                       .arg(total)
                       .arg(succeeded)
                       .arg(failed);
    if (canceled > 0)
        text += tr(", %1 canceled").arg(canceled);
    if (running > 0)
        text += tr(", %1 running").arg(running);
    if (retrying > 0)
        text += tr(", %1 retrying…").arg(retrying);
    if (m_batch->isRunning() && m_batch->isPaused())
        text += tr(" (paused)");
    m_counts->setText(text);
}

void BulkActivationPage::updateButtons()
{
    const bool preflightRunning = m_preflight && m_preflight->isRunning();
    const bool batchRunning = m_batch && m_batch->isRunning();
    const bool busy = m_loading || preflightRunning || batchRunning;
    for (QWidget* w :
         std::initializer_list<QWidget*>{m_certificate, m_sitePicker, m_system, m_parallel})
        w->setEnabled(!busy);
    m_preflightButton->setEnabled(!busy && m_certificate->isChosen() &&
                                  !m_sitePicker->checkedNames().isEmpty());
    // Run once per preflight, and only for the choice it checked.
    const bool checked =
        m_preflight && m_preflight->isFinished() && !m_batch && choiceKey() == m_preflightKey;
    const int runnable =
        !m_preflight
            ? 0
            : m_preflight->count(Verdict::Ready) +
                  (m_includeActive->isChecked() ? m_preflight->count(Verdict::AlreadyActive) : 0);
    m_run->setEnabled(!busy && checked && runnable > 0);
    m_includeActive->setEnabled(!busy && !m_batch);
    m_pause->setEnabled(batchRunning);
    m_pause->setText(m_batch && m_batch->isPaused() ? tr("Resume") : tr("Pause"));
    m_cancel->setEnabled(preflightRunning || (batchRunning && !m_batch->isCanceled()));
    int failed = 0;
    if (m_batch) {
        for (int i = 0; i < m_batch->size(); ++i) {
            const BulkSiteResult::State s = m_batch->site(i).state;
            failed += (s == BulkSiteResult::State::Failed || s == BulkSiteResult::State::Canceled)
                          ? 1
                          : 0;
        }
    }
    m_rerun->setEnabled(!busy && failed > 0);
    m_save->setEnabled(m_batch && !batchRunning);
}

} // namespace certdesk::ui
