// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "PipelineModel.h"

#include <QMap>
#include <QSet>

namespace gatehouse::pipeline {

/// What a repository offers the security-scanning requirement, surveyed once from its files.
///
/// A scan kind applies only where its subject exists: "container" where the repository builds or pushes images
/// (a Dockerfile or Containerfile, or a CI job running docker build/push, buildx, kaniko, buildah, podman, or a
/// registry push/login action), "dependency" where there is a package manifest or lock file; "sast" and "secrets"
/// always apply. A platform that scans dependencies itself (`.github/dependabot.yml` with an update entry) covers
/// "dependency". Value type, any thread.
struct ScanSurvey
{
    bool known = false; ///< false when the repository could not be listed: every kind applies
    QString mainPipeline; ///< where repository-wide findings go (see ScanApplicability::mainPipeline)
    QString imageEvidence; ///< what builds an image ("Dockerfile", "job 'x' in ci.yml"); empty: none
    QString dependencyEvidence; ///< the first manifest or lock file; empty: none
    QString platformDependencyScanning; ///< e.g. "Dependabot (gomod)"; empty: none
    QSet<QString> workflowKinds; ///< scan kinds run by the GitHub workflows other than the one being checked

    /// Whether the subject of `kind` exists ("sast", "dependency", "container", "secrets").
    bool applies(const QString& kind) const;
    /// "no container image is built here" style reason for a kind that does not apply; empty when it applies.
    QString notApplicableReason(const QString& kind) const;
};

class ScanApplicability
{
public:
    /// Surveys the repository behind `files`; `current` is the pipeline being checked (its own jobs are the
    /// caller's: they are judged with imageBuilder() and left out of workflowKinds). Reads and parses every GitHub
    /// workflow once.
    static ScanSurvey survey(const FileSource& files, const QString& current);

    /// A Dockerfile or Containerfile (`Dockerfile`, `Dockerfile.x`, `x.Dockerfile`, `Containerfile`, …) outside
    /// vendored and test-data folders.
    static bool isContainerFile(const QString& path);
    /// A package-manager manifest or lock file (package.json, go.mod, Cargo.lock, requirements*.txt, pom.xml, …)
    /// outside vendored folders.
    static bool isDependencyFile(const QString& path);
    /// The repository's main pipeline among `paths`: `.gitlab-ci.yml` when there is one, else the GitHub workflow
    /// most likely to be the project's CI (run on pull requests, then on push, unfiltered, most jobs, then name),
    /// else the root `Jenkinsfile`, else the first Jenkinsfile.
    /// `triggers` maps a workflow path to its `on:` events and whether they are filtered (paths/branches).
    static QString mainPipeline(const QStringList& paths, const QMap<QString, QPair<QStringList, bool>>& triggers,
                                const QMap<QString, int>& jobCounts);
    /// How a job shows it builds or pushes a container image ("docker build", "kaniko", …); empty when it does not.
    static QString imageBuilder(const PipelineJob& job);
    /// The scans whose results the platform keeps (no report in the repository), as kind → what: GitLab's
    /// security templates ("dependency" → "GitLab Dependency-Scanning template") and CodeQL's analyze action
    /// ("sast" → "GitHub code scanning (CodeQL)").
    static QList<QPair<QString, QString>> platformScans(const PipelineModel& model);
    /// Dependabot's ecosystems in a `.github/dependabot.yml` text, e.g. {"gomod", "github-actions"}.
    static QStringList dependabotEcosystems(const QByteArray& text);
};

} // namespace gatehouse::pipeline
