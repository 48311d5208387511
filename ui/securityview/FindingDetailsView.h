// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "security/Posture.h"

#include <QTextBrowser>

namespace gatehouse::ui {

/// The details of one finding: rule, location, ids (linked to their advisories), first-seen and fixed commits
/// (links that jump to the scan), fixed version, description, lifecycle episodes and the triage decisions that match
/// it (the first one applies).
class FindingDetailsView : public QTextBrowser
{
    Q_OBJECT
public:
    explicit FindingDetailsView(QWidget* parent = nullptr);

    /// `finding` nullptr shows the placeholder.
    void setFinding(const FindingLifecycle* finding, const QList<TriageEntry>& decisions, const QDateTime& now);
    static QString html(const FindingLifecycle& finding, const QList<TriageEntry>& decisions, const QDateTime& now,
                        const QPalette& palette);

Q_SIGNALS:
    void commitActivated(const QString& commit);
};

} // namespace gatehouse::ui
