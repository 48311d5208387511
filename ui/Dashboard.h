// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "repo/RepositorySnapshot.h"
#include "scorecard/Scorecard.h"
#include "widgets/PlatformSyncDialog.h"

#include <QPointer>
#include <QWidget>

#include <memory>
#include <optional>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace gatehouse::delivery {
class DeliveryLoader;
}
namespace gatehouse::runs {
class TokenStore;
}

namespace gatehouse::ui {

class DeploymentsPage;
class IncidentsPage;
class OverviewPage;
class PipelinesPage;
class SecurityPage;

/// The left navigation and the five pages over one snapshot, with an inline message banner on top.
class Dashboard : public QWidget
{
    Q_OBJECT
public:
    enum Page
    {
        Overview,
        Pipelines,
        Security,
        Deployments,
        Incidents,
        PageCount
    };

    explicit Dashboard(QWidget* parent = nullptr);
    ~Dashboard() override;

    void setSnapshot(const RepositorySnapshot& snapshot);
    /// The first, partial snapshot of a load (snapshot.partial): the Overview shows what it can while the complete
    /// snapshot is read.
    void setPartialSnapshot(const RepositorySnapshot& snapshot);
    void setCurrentPage(int page);
    int currentPage() const;
    /// The widget of the current page (as stacked, scroll area included).
    QWidget* currentPageWidget() const;
    static QString pageName(int page);
    /// Shows where a scorecard figure comes from: a pipeline file at its line in the Pipelines page's editor, any
    /// other file in a preview dialog, a tag, commit or page on its page.
    void navigate(const scorecard::SourceLink& link);
    static int pageOf(const QString& pageName); ///< "security" → Security; unknown → Overview
    void setMessage(const QString& message); ///< empty hides the banner
    QString message() const;

    OverviewPage* overviewPage() const { return m_overview; }
    PipelinesPage* pipelinesPage() const { return m_pipelines; }
    SecurityPage* securityPage() const { return m_security; }
    DeploymentsPage* deploymentsPage() const { return m_deployments; }
    IncidentsPage* incidentsPage() const { return m_incidents; }
    /// The preview the last file link opened (null once closed).
    QWidget* sourcePreview() const { return m_preview; }
    /// Deployments and incidents of the current snapshot's repository, computed in the background.
    delivery::DeliveryLoader* deliveryLoader() const { return m_delivery; }
    /// Switches to the Deployments page with that deployment selected.
    void showDeployment(const QString& tag);
    /// The deployments or findings sync dialog for the current repository (one of each, kept while open); when it
    /// has written notes, the Deployments, Incidents and Security pages read them again.
    PlatformSyncDialog* openPlatformSync(PlatformSyncDialog::Kind kind);
    /// Where sync tokens are kept (the system keychain unless replaced, e.g. by tests).
    void setTokenStore(std::unique_ptr<runs::TokenStore> store);

Q_SIGNALS:
    void currentPageChanged(int page);

private:
    QListWidget* m_navigation;
    QStackedWidget* m_stack;
    QLabel* m_banner;
    delivery::DeliveryLoader* m_delivery;
    OverviewPage* m_overview;
    PipelinesPage* m_pipelines;
    SecurityPage* m_security;
    DeploymentsPage* m_deployments;
    IncidentsPage* m_incidents;
    QPointer<QWidget> m_preview;
    std::unique_ptr<runs::TokenStore> m_tokens;
    QPointer<PlatformSyncDialog> m_syncDialogs[2];
    std::optional<RepositorySnapshot> m_snapshot; ///< the Overview computes again from it after a sync
    QString m_path; ///< of the snapshot, for previews
    QString m_revision; ///< empty = work tree
};

} // namespace gatehouse::ui
