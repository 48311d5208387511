// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace gatehouse::delivery {

/// Guesses an environment's name from the words around a manifest or job. Pure functions, any thread.
///
/// Aliases are folded so that `k8s/prod/…`, namespace `shop-production` and a job with `environment: Production`
/// meet under one name: prod/prd/production/live → production, stage/staging/stg → staging,
/// dev/develop/development → development, test/testing → test, and qa, uat, preview, sandbox, perf, demo, canary-less
/// names are kept as they are.
class EnvironmentNames
{
public:
    /// The canonical name when `word` (one token, any case) is an environment word; empty otherwise.
    static QString canonical(const QString& word);
    /// The first environment word among the tokens of `text` (split on anything not a letter or digit); empty if none.
    static QString fromText(const QString& text);
    /// From a repository path: the folder after overlays/, environments/, envs/, env/, clusters/, stages/ (as is,
    /// canonicalised when it is a known word), else the first folder that is an environment word, else an environment
    /// word in the file name (`deploy-prod.yaml`). Empty when the path says nothing.
    static QString fromPath(const QString& path);
    /// A job's `environment:` value: canonicalised when it is one known word (e.g. "Production"), otherwise kept as
    /// written (e.g. "review/$CI_COMMIT_REF_SLUG").
    static QString fromDeclared(const QString& declared);
};

} // namespace gatehouse::delivery
