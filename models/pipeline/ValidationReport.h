// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "Diagnostic.h"
#include "PipelineModel.h"

#include <QJsonObject>

#include <functional>

namespace gatehouse::pipeline {

/// One validated file of a report.
struct ReportFile
{
    QString path;
    PipelineKind kind = PipelineKind::Unknown;
    QList<Diagnostic> diagnostics;
};

/// The output formats of `gatehouse validate`. Pure functions, any thread.
class ValidationReport
{
public:
    /// `path:line:col: severity: message [rule]`, one line per diagnostic.
    static QString text(const QList<ReportFile>& files);
    /// {"files":[{"path","kind","diagnostics":[{"line","column","severity","category","rule","message"}]}],
    ///  "summary":{"errors","warnings","infos"}}
    static QJsonObject json(const QList<ReportFile>& files);
    /// The bytes of QJsonDocument(json(files)).toJson(QJsonDocument::Indented), handed to `sink` in pieces as the
    /// diagnostics are serialized: a report of 100,000 findings never exists as one JSON document in memory.
    static void writeJson(const QList<ReportFile>& files, const std::function<void(const QByteArray&)>& sink);
    /// SARIF 2.1.0 with rule metadata (descriptions, default levels, gate rationale and 12-Factor).
    static QJsonObject sarif(const QList<ReportFile>& files, const QString& toolVersion);

    /// A one-line description of a rule id ("gitlab.undefined-stage", "gate.pinned-images", ...).
    static QString ruleDescription(const QString& rule);
    static QString sarifLevel(Severity severity); ///< error / warning / note
};

} // namespace gatehouse::pipeline
