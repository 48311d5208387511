// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "ReviewSummary.h"
#include "common/ProgressSink.h"
#include "common/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace gatehouse {

/// The gate status of one pipeline file at the report's commit.
struct PipelineGateStatus
{
    QString path;
    QString kind; ///< "gitlab" / "github"
    int errors = 0; ///< validation errors of every category
    int warnings = 0;
    QStringList failedGates; ///< gate ids with an error diagnostic
    QStringList warnedGates; ///< gate ids with a warning (and no error)

    /// "failed" (a gate or the file itself has an error), "warning" or "passed".
    QString status() const;
};

/// The weekly security review of `gatehouse report` and File ▸ Export weekly report: the week's summary computed at
/// the last commit of the week on the branch (first-parent) and evaluated at the week's end (or now, for the
/// current week), with the gate status of the pipelines at that commit. Value type, any thread.
struct WeeklyReport
{
    QString repository; ///< display name
    QString revision; ///< the branch (or revision) the week was read from
    git::ObjectId commit; ///< last commit of the week; null when the history starts later
    QString commitSummary;
    QDateTime commitTime;
    ReviewSummary summary;
    QList<PipelineGateStatus> pipelines;
    QList<SkippedReport> skipped;
    QString generator; ///< "Gatehouse 0.1.0"

    /// The whole job for a worker: opens the repository, finds the week's last commit, computes the posture there
    /// with now = the week's end (or `now` when earlier; config and triage as committed then) and the gates.
    /// Errors: a git error, config/triage errors, "report.future-week" for a week that has not started.
    static Result<WeeklyReport> compute(const QString& repoPath, const IsoWeek& week, const QDateTime& now,
                                        const QString& revision = {}, ProgressSink* sink = nullptr,
                                        const QString& cacheDir = {});

    /// The summary's JSON with "repository", "revision", "commit" ({id, time, summary} or null), "pipelines"
    /// ([{path, kind, status, errors, warnings, failed_gates, warned_gates}]), "gates" (the overall status) and
    /// "generator".
    QJsonObject toJson() const;
    QString toMarkdown() const;
    /// A self-contained one-page HTML document. The chart is inline SVG unless `chartImage` names an image
    /// resource to reference instead (the PDF writer's rasterized chart).
    QString toHtml(const QString& chartImage = {}) const;
    QByteArray trendChart() const; ///< the trend as SVG
    /// "failed" when any pipeline failed, "warning", "passed", or "none" without pipelines.
    QString gateStatus() const;

    /// PDF needs Qt Gui, which the core does not link: the application registers the writer (app/main.cpp).
    using PdfWriter = Result<QByteArray> (*)(const WeeklyReport& report);
    static void setPdfWriter(PdfWriter writer);
    static PdfWriter pdfWriter(); ///< nullptr when none is registered
};

} // namespace gatehouse
