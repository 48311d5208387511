// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "SecurityPage.h"

#include "git/Repository.h"
#include "security/PostureLoader.h"
#include "security/PostureStatistics.h"
#include "security/Triage.h"
#include "securityview/ArchiveReportDialog.h"
#include "securityview/FindingsPanel.h"
#include "securityview/NoisePanel.h"
#include "securityview/ScanDialog.h"
#include "securityview/ScanListPanel.h"
#include "securityview/SecurityChartsPanel.h"
#include "securityview/SecurityTiles.h"
#include "securityview/TriageDialog.h"
#include "widgets/Widgets.h"

#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QSaveFile>
#include <QScrollArea>
#include <QStackedWidget>
#include <QStyle>
#include <QTabWidget>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

SecurityPage::SecurityPage(QWidget* parent)
    : QWidget(parent)
    , m_loader(new PostureLoader(this))
    , m_subtitle(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_weekBox(new QComboBox(this))
    , m_previousWeek(new QToolButton(this))
    , m_nextWeek(new QToolButton(this))
    , m_scanButton(new QPushButton(tr("Run security scans…"), this))
    , m_archiveButton(new QPushButton(tr("Archive report with commit…"), this))
    , m_syncButton(new QPushButton(tr("Sync from server…"), this))
    , m_progress(new QProgressBar(this))
    , m_stage(makeLabel(QStringLiteral("pageSubtitle"), this))
    , m_cancel(new QPushButton(tr("Cancel"), this))
    , m_message(makeLabel(QStringLiteral("info"), this))
    , m_stack(new QStackedWidget(this))
    , m_loading(makeEmptyState(this, QStringLiteral("securityLoading")))
    , m_empty(makeEmptyState(this, QStringLiteral("securityEmpty")))
    , m_tabs(new QTabWidget(this))
    , m_tiles(new SecurityTiles(this))
    , m_charts(new SecurityChartsPanel(this))
    , m_findings(new FindingsPanel(this))
    , m_scans(new ScanListPanel(this))
    , m_noise(new NoisePanel(this))
{
    setObjectName(QStringLiteral("securityPage"));
    m_subtitle->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("securityMessage"));
    m_message->setWordWrap(true);
    m_message->hide();
    m_progress->setRange(0, 1000);
    m_progress->setTextVisible(false);
    m_progress->setFixedSize(220, 8);
    m_cancel->setObjectName(QStringLiteral("cancelPosture"));
    m_cancel->setProperty("role", QStringLiteral("secondary"));

    // Overview: tiles over the charts, scrolling rather than squeezing on small windows.
    auto* overview = new QWidget(this);
    auto* overviewLayout = new QVBoxLayout(overview);
    overviewLayout->setContentsMargins(0, 12, 8, 8);
    overviewLayout->setSpacing(16);
    overviewLayout->addWidget(m_tiles);
    overviewLayout->addWidget(m_charts, 1);
    auto* scroll = new QScrollArea(this);
    scroll->setWidget(overview);
    scroll->setWidgetResizable(true);
    scroll->setFrameShape(QFrame::NoFrame);
    scroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_charts->setMinimumHeight(580);
    m_tabs->setObjectName(QStringLiteral("securityTabs"));
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(scroll, tr("Overview"));
    m_tabs->addTab(m_findings, tr("Findings"));
    m_tabs->addTab(m_scans, tr("Scans"));
    m_tabs->addTab(m_noise, tr("Noise"));
    m_stack->addWidget(m_loading);
    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 16);
    layout->setSpacing(10);
    layout->addWidget(createHeader());
    layout->addWidget(m_message);
    layout->addWidget(m_stack, 1);

    connect(m_loader, &PostureLoader::postureAvailable, this, &SecurityPage::onPosture);
    connect(m_loader, &PostureLoader::loadFailed, this, &SecurityPage::onLoadFailed);
    connect(m_loader, &PostureLoader::loadingChanged, this, &SecurityPage::setLoading);
    connect(m_loader, &PostureLoader::progressChanged, this, [this](int permille, const QString& stage) {
        m_progress->setValue(permille);
        m_stage->setText(stage.isEmpty() ? tr("Reading scans…") : stage);
    });
    connect(m_cancel, &QPushButton::clicked, this, [this] {
        m_loader->cancel();
        setMessage(tr("Reading the scans was cancelled; the figures below may be out of date. Reload (F5) to read "
                      "them again."),
                   false);
        if (!m_posture) {
            m_loading->setText(tr("<b>Cancelled.</b><br><br>Reload the repository (F5) to read its scans."));
            m_stack->setCurrentWidget(m_loading);
        }
    });
    connect(m_weekBox, &QComboBox::currentIndexChanged, this, &SecurityPage::applyWeek);
    connect(m_previousWeek, &QToolButton::clicked, this,
            [this] { m_weekBox->setCurrentIndex(std::min(m_weekBox->count() - 1, m_weekBox->currentIndex() + 1)); });
    connect(m_nextWeek, &QToolButton::clicked, this,
            [this] { m_weekBox->setCurrentIndex(std::max(0, m_weekBox->currentIndex() - 1)); });
    connect(m_scanButton, &QPushButton::clicked, this, &SecurityPage::showRunScansDialog);
    connect(m_archiveButton, &QPushButton::clicked, this, &SecurityPage::showArchiveDialog);
    connect(m_syncButton, &QPushButton::clicked, this, &SecurityPage::syncRequested);
    connect(m_tiles, &SecurityTiles::tileActivated, this, [this](SecurityTiles::Tile tile) { showFindings(tile); });
    connect(m_charts, &SecurityChartsPanel::scanActivated, this, &SecurityPage::openScan);
    connect(m_charts, &SecurityChartsPanel::weekActivated, this, &SecurityPage::selectWeek);
    connect(m_charts, &SecurityChartsPanel::toolActivated, this, [this](const QString& tool) {
        m_findings->clearFilters();
        m_findings->setToolFilter(tool);
        m_tabs->setCurrentIndex(FindingsTab);
    });
    connect(m_findings, &FindingsPanel::commitActivated, this, &SecurityPage::openScan);
    connect(m_findings, &FindingsPanel::triageRequested, this, &SecurityPage::requestTriage);
    connect(m_noise, &NoisePanel::applied, this, [this](bool ok, const QString& text) {
        setMessage(text, !ok);
        if (ok)
            reloadPosture();
    });
    connect(m_scans, &ScanListPanel::findingActivated, this, [this](const QString& tool, const QString& fingerprint) {
        m_tabs->setCurrentIndex(FindingsTab);
        m_findings->selectFinding(tool, fingerprint);
    });
    m_loading->setText(tr("Open a repository to review its security posture."));
    m_stack->setCurrentWidget(m_loading);
    setLoading(false);
}

SecurityPage::~SecurityPage() = default;

QWidget* SecurityPage::createHeader()
{
    auto* header = new QWidget(this);
    auto* titles = new QVBoxLayout;
    titles->setSpacing(2);
    titles->addWidget(makeLabel(QStringLiteral("pageTitle"), this, tr("Security")));
    titles->addWidget(m_subtitle);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress);
    progressRow->addWidget(m_stage);
    progressRow->addWidget(m_cancel);
    progressRow->addStretch(1);
    titles->addLayout(progressRow);

    m_weekBox->setObjectName(QStringLiteral("weekSelector"));
    m_weekBox->setMinimumWidth(230);
    m_weekBox->setSizeAdjustPolicy(QComboBox::AdjustToContents); // "2026-W48 (23 Nov – 29 Nov, this week)" in full
    m_weekBox->setToolTip(tr("The ISO week under review: tiles, fix times and open findings per tool are evaluated at "
                             "its end (or now, for the current week)."));
    m_previousWeek->setArrowType(Qt::LeftArrow);
    m_previousWeek->setToolTip(tr("Previous week"));
    m_nextWeek->setArrowType(Qt::RightArrow);
    m_nextWeek->setToolTip(tr("Next week"));
    m_scanButton->setObjectName(QStringLiteral("runScansButton"));
    m_scanButton->setProperty("role", QStringLiteral("primary"));
    m_archiveButton->setObjectName(QStringLiteral("archiveReportButton"));
    m_archiveButton->setProperty("role", QStringLiteral("secondary"));
    m_syncButton->setObjectName(QStringLiteral("syncFindingsButton"));
    m_syncButton->setProperty("role", QStringLiteral("secondary"));
    m_syncButton->setToolTip(tr("Fetch the security reports GitLab or GitHub keeps for the default branch"));

    // The week selector sits under the title: beside the three buttons it left the subtitle a word per line and
    // clipped its own text at 1280 px.
    auto* weekRow = new QHBoxLayout;
    weekRow->setSpacing(6);
    weekRow->addWidget(new QLabel(tr("Week:"), this));
    weekRow->addWidget(m_previousWeek);
    weekRow->addWidget(m_weekBox);
    weekRow->addWidget(m_nextWeek);
    weekRow->addStretch(1);
    titles->insertLayout(2, weekRow);

    auto* actions = new QHBoxLayout;
    actions->setSpacing(6);
    actions->addWidget(m_syncButton);
    actions->addWidget(m_archiveButton);
    actions->addWidget(m_scanButton);

    auto* layout = new QHBoxLayout(header);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(titles, 1);
    layout->addLayout(actions);
    layout->setAlignment(actions, Qt::AlignTop);
    return header;
}

QTreeView* SecurityPage::reportView() const
{
    return m_scans->reportView();
}

QTreeView* SecurityPage::scanView() const
{
    return m_scans->scanView();
}

QLabel* SecurityPage::reportsEmptyState() const
{
    return m_scans->reportsEmptyState();
}

QLabel* SecurityPage::scansEmptyState() const
{
    return m_scans->scansEmptyState();
}

bool SecurityPage::isLoading() const
{
    return m_loader->isLoading();
}

QString SecurityPage::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void SecurityPage::setMessage(const QString& text, bool error)
{
    m_message->setProperty("role", error ? QStringLiteral("banner") : QStringLiteral("info"));
    m_message->style()->unpolish(m_message);
    m_message->style()->polish(m_message);
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void SecurityPage::setSnapshot(const RepositorySnapshot& snapshot)
{
    const bool sameRepository = m_snapshot && m_snapshot->path == snapshot.path;
    m_snapshot = snapshot;
    if (!sameRepository) {
        m_posture.reset();
        m_weeks.clear();
    }
    m_scans->setSnapshot(snapshot);
    const bool workTree = snapshot.workTree && !snapshot.bare;
    m_scanButton->setEnabled(workTree);
    m_scanButton->setToolTip(workTree ? tr("Runs the scanners installed here over the work tree.")
                                      : tr("Scanners run over the work tree: open the work tree, not a revision."));
    reloadPosture();
}

void SecurityPage::reloadPosture()
{
    if (!m_snapshot)
        return;
    const RepositorySnapshot& s = *m_snapshot;
    setMessage({}, false);
    if (!m_posture) {
        m_loading->setText(tr("Reading the scans in the history of %1…").arg(s.commit.shortString()));
        m_stack->setCurrentWidget(m_loading);
    }
    m_loader->load(s.path, s.workTree ? QString() : s.commit.toString(), m_now, m_cacheDir);
}

void SecurityPage::setLoading(bool loading)
{
    m_progress->setVisible(loading);
    m_cancel->setVisible(loading);
    m_stage->setVisible(loading);
    if (loading) {
        m_progress->setValue(0);
        m_stage->setText(tr("Reading scans…"));
    }
}

void SecurityPage::onLoadFailed(const QString& message)
{
    setMessage(tr("The security posture could not be read: %1").arg(message), true);
    if (!m_posture) {
        m_loading->setText(tr("<b>No security posture.</b><br><br>Fix the problem above (often "
                              "<tt>.gatehouse/config.yml</tt> or <tt>.gatehouse/triage.yml</tt>) and reload."));
        m_stack->setCurrentWidget(m_loading);
    }
}

void SecurityPage::onPosture(const Posture& posture)
{
    m_posture = posture;
    m_weeks = PostureStatistics::weeklyTrend(posture);
    const IsoWeek previous = m_week.week;
    {
        const QSignalBlocker blocker(m_weekBox);
        m_weekBox->clear();
        const IsoWeek current = IsoWeek::containing(posture.now);
        for (auto it = m_weeks.crbegin(); it != m_weeks.crend(); ++it) {
            const QString range = tr("%1 – %2").arg(it->week.start().date().toString(QStringLiteral("d MMM")),
                                                    it->week.end().date().toString(QStringLiteral("d MMM")));
            m_weekBox->addItem(it->week == current ? tr("%1 (%2, this week)").arg(it->week.toString(), range)
                                                   : tr("%1 (%2)").arg(it->week.toString(), range),
                               it->week.toString());
        }
        const int keep = previous.isValid() ? m_weekBox->findData(previous.toString()) : -1;
        m_weekBox->setCurrentIndex(std::max(0, keep));
    }
    const bool triageWritable = m_snapshot && m_snapshot->workTree && !m_snapshot->bare;
    m_charts->setPosture(posture, m_weeks);
    m_findings->setPosture(posture, triageWritable);
    m_scans->setPosture(posture);
    m_noise->setPosture(posture, m_snapshot ? m_snapshot->path : QString(), triageWritable);

    const int open = [&] {
        int n = 0;
        for (int count : posture.openBySeverity())
            n += count;
        return n;
    }();
    m_tabs->setTabText(FindingsTab, tr("Findings (%1)").arg(posture.findings.size()));
    m_tabs->setTabText(ScansTab, tr("Scans (%1)").arg(posture.scans.size()));
    if (posture.scans.isEmpty()) {
        m_subtitle->setText(tr("No scans in the history of %1.").arg(posture.head.shortString()));
        QString skipped;
        if (!posture.skipped.isEmpty()) {
            skipped = tr("<br><br>%1 could not be read, e.g. <tt>%2</tt>: %3")
                          .arg(countText(posture.skipped.size(), tr("report"), tr("reports")),
                               posture.skipped.constFirst().path.toHtmlEscaped(),
                               posture.skipped.constFirst().diagnostic.toString().toHtmlEscaped());
        }
        m_empty->setText(
            tr("<b>No security scans yet.</b><br><br>Gatehouse reads the scanner reports archived with the code: "
               "commit your scanners' JSON or SARIF under <tt>reports/</tt> (or any glob set under "
               "<tt>reports:</tt> in <tt>.gatehouse/config.yml</tt>), attach them as git notes with "
               "<b>Archive report with commit…</b>, or run the scanners installed here with "
               "<b>Run security scans…</b> and archive the result.%1")
                .arg(skipped));
        m_stack->setCurrentWidget(m_empty);
    } else {
        m_subtitle->setToolTip(tr("Ages, SLAs and triage expiry evaluated at %1.")
                                   .arg(posture.now.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm 'UTC'"))));
        m_subtitle->setText(tr("%1 from %2 to %3 · %4, %5 open")
                                .arg(countText(posture.scans.size(), tr("scan"), tr("scans")),
                                     posture.scans.constFirst().time.toUTC().toString(QStringLiteral("d MMM yyyy")),
                                     posture.scans.constLast().time.toUTC().toString(QStringLiteral("d MMM yyyy")),
                                     countText(posture.findings.size(), tr("finding"), tr("findings")))
                                .arg(open));
        m_stack->setCurrentWidget(m_tabs);
    }
    if (!posture.skipped.isEmpty() && !posture.scans.isEmpty())
        setMessage(tr("%1 could not be read and %2 skipped (see gatehouse posture for the list).")
                       .arg(countText(posture.skipped.size(), tr("report"), tr("reports")),
                            posture.skipped.size() == 1 ? tr("was") : tr("were")),
                   false);
    applyWeek();
}

void SecurityPage::applyWeek()
{
    if (!m_posture)
        return;
    const auto week = IsoWeek::parse(m_weekBox->currentData().toString());
    m_previousWeek->setEnabled(m_weekBox->currentIndex() + 1 < m_weekBox->count());
    m_nextWeek->setEnabled(m_weekBox->currentIndex() > 0);
    if (!week)
        return;
    m_week = summarizeWeek(*m_posture, week->year, week->week);
    QMap<Severity, std::optional<int>> slas;
    for (const FindingLifecycle& f : m_posture->findings)
        slas.insert(f.finding.severity, f.slaDays);
    m_tiles->setSummary(m_week, slas);
    m_charts->setWeek(m_week);
    m_findings->setWeek(m_week);
}

void SecurityPage::selectWeek(const IsoWeek& week)
{
    const int index = m_weekBox->findData(week.toString());
    if (index >= 0)
        m_weekBox->setCurrentIndex(index);
}

void SecurityPage::showFindings(int tile)
{
    m_findings->clearFilters();
    switch (tile) {
    case SecurityTiles::OpenCritical:
    case SecurityTiles::OpenHigh:
        m_findings->severityFilter()->setCurrentIndex(m_findings->severityFilter()->findData(
            int(tile == SecurityTiles::OpenCritical ? Severity::Critical : Severity::High)));
        m_findings->stateFilter()->setCurrentIndex(m_findings->stateFilter()->findData(int(FindingState::Open)));
        break;
    case SecurityTiles::NewThisWeek:
        m_findings->setScope(FindingsPanel::Scope::NewInWeek);
        break;
    case SecurityTiles::FixedThisWeek:
        m_findings->setScope(FindingsPanel::Scope::FixedInWeek);
        break;
    case SecurityTiles::Overdue:
        m_findings->setScope(FindingsPanel::Scope::OverdueAtWeekEnd);
        break;
    default:
        break;
    }
    m_tabs->setCurrentIndex(FindingsTab);
}

void SecurityPage::openScan(const QString& commit)
{
    m_tabs->setCurrentIndex(ScansTab);
    m_scans->selectCommit(commit);
}

void SecurityPage::requestTriage(const FindingLifecycle& finding, TriageStatus status)
{
    if (!m_snapshot)
        return;
    QString who;
    if (auto repo = git::Repository::open(m_snapshot->path)) {
        if (auto signature = repo->defaultSignature())
            who = signature->email.isEmpty() ? signature->name : signature->email;
    }
    auto* dialog = new TriageDialog(finding, status, who, QDateTime::currentDateTimeUtc().date(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        QString error;
        if (!writeTriage(dialog->entry(), dialog->comment(), &error))
            setMessage(tr("The decision was not saved: %1").arg(error), true);
    });
    dialog->open();
}

bool SecurityPage::writeTriage(const TriageEntry& entry, const QString& comment, QString* error)
{
    const auto fail = [error](const QString& text) {
        if (error)
            *error = text;
        return false;
    };
    if (!m_snapshot || !m_snapshot->workTree || m_snapshot->bare)
        return fail(tr("triage decisions are written to the work tree; open the work tree, not a revision"));
    const QString dir = m_snapshot->path + QStringLiteral("/.gatehouse");
    const QString path = dir + QStringLiteral("/triage.yml");
    QByteArray existing;
    if (QFile file(path); file.exists()) {
        if (!file.open(QIODevice::ReadOnly))
            return fail(tr("cannot read %1: %2").arg(path, file.errorString()));
        existing = file.read(4 << 20);
    }
    auto text = Triage::append(existing, entry, comment);
    if (!text)
        return fail(tr("%1 cannot be read: %2").arg(path, text.error().toString()));
    if (!QDir().mkpath(dir))
        return fail(tr("cannot create %1").arg(dir));
    QSaveFile out(path);
    if (!out.open(QIODevice::WriteOnly) || out.write(*text) != text->size() || !out.commit())
        return fail(tr("cannot write %1: %2").arg(path, out.errorString()));
    setMessage(tr("Decision written to .gatehouse/triage.yml; commit it so the team reviews it."), false);
    reloadPosture();
    return true;
}

void SecurityPage::showRunScansDialog()
{
    if (!m_snapshot)
        return;
    auto* dialog = new ScanDialog(m_snapshot->path, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ScanDialog::archived, this, &SecurityPage::reloadPosture);
    dialog->open();
}

void SecurityPage::showArchiveDialog()
{
    if (!m_snapshot)
        return;
    auto* dialog = new ArchiveReportDialog(m_snapshot->path,
                                           m_snapshot->workTree ? QString() : m_snapshot->commit.toString(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ArchiveReportDialog::archived, this, &SecurityPage::reloadPosture);
    dialog->open();
}

} // namespace gatehouse::ui
