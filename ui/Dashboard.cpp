// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "Dashboard.h"

#include "Theme.h"
#include "delivery/DeliveryLoader.h"
#include "deliveryview/DeploymentsView.h"
#include "deliveryview/IncidentsView.h"
#include "overview/SourcePreviewDialog.h"
#include "pages/DeploymentsPage.h"
#include "pages/IncidentsPage.h"
#include "pages/OverviewPage.h"
#include "pages/PipelinesPage.h"
#include "pages/SecurityPage.h"
#include "runs/sync/TokenStore.h"
#include "widgets/Widgets.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QScrollArea>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

Dashboard::Dashboard(QWidget* parent)
    : QWidget(parent)
    , m_navigation(new QListWidget(this))
    , m_stack(new QStackedWidget(this))
    , m_banner(makeLabel(QStringLiteral("banner"), this))
    , m_delivery(new delivery::DeliveryLoader(this))
    , m_overview(new OverviewPage(this))
    , m_pipelines(new PipelinesPage(this))
    , m_security(new SecurityPage(this))
    , m_deployments(new DeploymentsPage(m_delivery, this))
    , m_incidents(new IncidentsPage(m_delivery, this))
    , m_tokens(std::make_unique<runs::KeychainTokenStore>())
{
    setObjectName(QStringLiteral("dashboard"));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setIconSize(QSize(20, 20));
    m_navigation->setFixedWidth(190);
    m_navigation->setFrameShape(QFrame::NoFrame);
    // Reachable with Tab (arrow keys then switch pages) as well as with Ctrl+1…
    m_navigation->setFocusPolicy(Qt::StrongFocus);
    m_navigation->setAccessibleName(tr("Pages"));
    m_banner->setAccessibleName(tr("Message"));
    const PageIcon icons[]
        = {PageIcon::Overview, PageIcon::Pipelines, PageIcon::Security, PageIcon::Deployments, PageIcon::Incidents};
    for (int page = 0; page < PageCount; ++page) {
        auto* item = new QListWidgetItem(pageIcon(icons[page]), pageName(page), m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(pageName(page)).arg(page + 1));
    }
    // The Overview can be taller than the window: let it scroll instead of squeezing the tiles.
    auto* overviewScroll = new QScrollArea(this);
    overviewScroll->setWidget(m_overview);
    overviewScroll->setWidgetResizable(true);
    overviewScroll->setFrameShape(QFrame::NoFrame);
    overviewScroll->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_stack->addWidget(overviewScroll);
    m_stack->addWidget(m_pipelines);
    // Below its comfortable width the Security page scrolls instead of widening the whole window.
    auto* securityScroll = new QScrollArea(this);
    securityScroll->setWidgetResizable(true);
    securityScroll->setFrameShape(QFrame::NoFrame);
    securityScroll->setWidget(m_security);
    m_stack->addWidget(securityScroll);
    m_stack->addWidget(m_deployments);
    m_stack->addWidget(m_incidents);
    m_banner->setObjectName(QStringLiteral("dashboardMessage"));
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->hide();

    auto* right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->setSpacing(0);
    auto* bannerRow = new QHBoxLayout;
    bannerRow->setContentsMargins(24, 12, 24, 0);
    bannerRow->addWidget(m_banner);
    right->addLayout(bannerRow);
    right->addWidget(m_stack, 1);
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_navigation);
    layout->addLayout(right, 1);

    connect(m_navigation, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0)
            return;
        m_stack->setCurrentIndex(row);
        Q_EMIT currentPageChanged(row);
    });
    m_navigation->setCurrentRow(Overview);
    connect(m_overview, &OverviewPage::linkActivated, this, &Dashboard::navigate);
    connect(m_incidents, &IncidentsPage::deploymentRequested, this, &Dashboard::showDeployment);
    connect(m_deployments, &DeploymentsPage::syncRequested, this,
            [this] { openPlatformSync(PlatformSyncDialog::Kind::Deployments); });
    connect(m_security, &SecurityPage::syncRequested, this,
            [this] { openPlatformSync(PlatformSyncDialog::Kind::Findings); });
    connect(m_deployments->view(), &DeploymentsView::incidentRequested, this, [this](int incident) {
        setCurrentPage(Incidents);
        m_incidents->view()->selectIncident(incident);
    });
}

Dashboard::~Dashboard()
{
    // The dialogs hold a reference to the token store: they go first.
    for (const QPointer<PlatformSyncDialog>& dialog : m_syncDialogs)
        delete dialog.data();
}

PlatformSyncDialog* Dashboard::openPlatformSync(PlatformSyncDialog::Kind kind)
{
    QPointer<PlatformSyncDialog>& dialog = m_syncDialogs[kind == PlatformSyncDialog::Kind::Deployments ? 0 : 1];
    if (!dialog) {
        dialog = new PlatformSyncDialog(kind, *m_tokens, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &PlatformSyncDialog::synced, this, [this, kind](const QString& path) {
            if (path != m_path || !m_snapshot)
                return; // another repository is open by now
            if (kind == PlatformSyncDialog::Kind::Deployments)
                m_delivery->load(m_path, m_revision);
            else
                m_security->reloadPosture();
            // Its DORA and posture tiles count the synced records too.
            m_overview->recompute();
        });
    }
    dialog->setRepositoryPath(m_path);
    dialog->show();
    dialog->raise();
    return dialog;
}

void Dashboard::setTokenStore(std::unique_ptr<runs::TokenStore> store)
{
    for (const QPointer<PlatformSyncDialog>& dialog : m_syncDialogs)
        delete dialog.data(); // they hold a reference to the old store
    m_tokens = std::move(store);
}

int Dashboard::pageOf(const QString& pageName)
{
    if (pageName == QLatin1String("pipelines") || pageName == QLatin1String("runs")) // runs live with pipelines
        return Pipelines;
    if (pageName == QLatin1String("security"))
        return Security;
    if (pageName == QLatin1String("deployments"))
        return Deployments;
    if (pageName == QLatin1String("incidents"))
        return Incidents;
    return Overview;
}

void Dashboard::navigate(const scorecard::SourceLink& link)
{
    const int page = pageOf(link.page);
    if (link.kind == scorecard::SourceLink::Kind::File) {
        if (m_pipelines->showPath(link.path, link.line)) {
            setCurrentPage(Pipelines);
            return;
        }
        delete m_preview;
        auto* preview = new SourcePreviewDialog(m_path, m_revision, link.path, link.line, this);
        preview->setAttribute(Qt::WA_DeleteOnClose);
        preview->show();
        m_preview = preview;
        return;
    }
    if (link.kind == scorecard::SourceLink::Kind::Tag && page == Deployments) {
        showDeployment(link.ref);
        return;
    }
    if (link.page == QLatin1String("runs"))
        m_pipelines->showRuns();
    setCurrentPage(page);
}

void Dashboard::showDeployment(const QString& tag)
{
    setCurrentPage(Deployments);
    m_deployments->view()->selectDeployment(tag);
}

QString Dashboard::pageName(int page)
{
    switch (page) {
    case Overview:
        return tr("Overview");
    case Pipelines:
        return tr("Pipelines");
    case Security:
        return tr("Security");
    case Deployments:
        return tr("Deployments");
    case Incidents:
        return tr("Incidents");
    }
    return {};
}

void Dashboard::setPartialSnapshot(const RepositorySnapshot& snapshot)
{
    // Only the Overview can use the cheap facts; the other pages wait for the complete snapshot.
    m_overview->setSnapshot(snapshot);
}

void Dashboard::setSnapshot(const RepositorySnapshot& snapshot)
{
    m_path = snapshot.path;
    m_snapshot = snapshot;
    m_revision = snapshot.workTree ? QString() : snapshot.commit.toString();
    m_overview->setSnapshot(snapshot);
    m_pipelines->setSnapshot(snapshot);
    m_security->setSnapshot(snapshot);
    // The delivery pages compute their own analysis (tags, incidents, strategies) in the background.
    m_delivery->load(snapshot.path, snapshot.revision);
}

void Dashboard::setCurrentPage(int page)
{
    if (page >= 0 && page < PageCount)
        m_navigation->setCurrentRow(page);
}

QWidget* Dashboard::currentPageWidget() const
{
    return m_stack->currentWidget();
}

int Dashboard::currentPage() const
{
    return m_stack->currentIndex();
}

void Dashboard::setMessage(const QString& message)
{
    m_banner->setText(message);
    m_banner->setVisible(!message.isEmpty());
}

QString Dashboard::message() const
{
    return m_banner->isHidden() ? QString() : m_banner->text();
}

} // namespace gatehouse::ui
