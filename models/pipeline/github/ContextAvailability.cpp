// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ContextAvailability.h"

#include <QHash>

namespace gatehouse::pipeline::github {

namespace {

struct Row
{
    const char* key;
    const char* contexts;
    const char* functions;
};

// GitHub's context availability table, one row per workflow key.
constexpr Row table[] = {
    {"run-name", "github inputs vars", ""},
    {"concurrency", "github inputs vars", ""},
    {"env", "github secrets inputs vars", ""},
    {"jobs.<job_id>.concurrency", "github needs strategy matrix inputs vars", ""},
    {"jobs.<job_id>.container", "github needs strategy matrix vars inputs", ""},
    {"jobs.<job_id>.container.credentials", "github needs strategy matrix env vars secrets inputs", ""},
    {"jobs.<job_id>.container.env.<env_id>", "github needs strategy matrix job runner env vars secrets inputs", ""},
    {"jobs.<job_id>.container.image", "github needs strategy matrix vars inputs", ""},
    {"jobs.<job_id>.continue-on-error", "github needs strategy vars matrix inputs", ""},
    {"jobs.<job_id>.defaults.run", "github needs strategy matrix env vars inputs", ""},
    {"jobs.<job_id>.env", "github needs strategy matrix vars secrets inputs", ""},
    {"jobs.<job_id>.environment", "github needs strategy matrix vars inputs", ""},
    {"jobs.<job_id>.environment.url", "github needs strategy matrix job runner env vars steps inputs", ""},
    {"jobs.<job_id>.if", "github needs vars inputs", "status"},
    {"jobs.<job_id>.name", "github needs strategy matrix vars inputs", ""},
    {"jobs.<job_id>.outputs.<output_id>", "github needs strategy matrix job runner env vars secrets steps inputs", ""},
    {"jobs.<job_id>.runs-on", "github needs strategy matrix vars inputs", ""},
    {"jobs.<job_id>.secrets.<secrets_id>", "github needs strategy matrix secrets inputs vars", ""},
    {"jobs.<job_id>.services", "github needs strategy matrix vars inputs", ""},
    {"jobs.<job_id>.services.<service_id>.credentials", "github needs strategy matrix env vars secrets inputs", ""},
    {"jobs.<job_id>.services.<service_id>.env.<env_id>",
     "github needs strategy matrix job runner env vars secrets inputs", ""},
    {"jobs.<job_id>.steps.continue-on-error", "github needs strategy matrix job runner env vars secrets steps inputs",
     "hashFiles"},
    {"jobs.<job_id>.steps.env", "github needs strategy matrix job runner env vars secrets steps inputs", "hashFiles"},
    {"jobs.<job_id>.steps.if", "github needs strategy matrix job runner env vars steps inputs", "status hashFiles"},
    {"jobs.<job_id>.steps.name", "github needs strategy matrix job runner env vars secrets steps inputs", "hashFiles"},
    {"jobs.<job_id>.steps.run", "github needs strategy matrix job runner env vars secrets steps inputs", "hashFiles"},
    {"jobs.<job_id>.steps.timeout-minutes", "github needs strategy matrix job runner env vars secrets steps inputs",
     "hashFiles"},
    {"jobs.<job_id>.steps.with", "github needs strategy matrix job runner env vars secrets steps inputs", "hashFiles"},
    {"jobs.<job_id>.steps.working-directory", "github needs strategy matrix job runner env vars secrets steps inputs",
     "hashFiles"},
    {"jobs.<job_id>.strategy", "github needs vars inputs", ""},
    {"jobs.<job_id>.timeout-minutes", "github needs strategy matrix vars inputs", ""},
    {"jobs.<job_id>.with.<with_id>", "github needs strategy matrix inputs vars", ""},
    {"on.workflow_call.inputs.<inputs_id>.default", "github inputs vars", ""},
    {"on.workflow_call.outputs.<output_id>.value", "github jobs vars inputs", ""},
};

} // namespace

const ContextAvailability* ContextAvailability::find(const QString& key)
{
    static const QHash<QString, ContextAvailability> rows = [] {
        QHash<QString, ContextAvailability> result;
        for (const Row& row : table) {
            ContextAvailability entry;
            entry.contexts = QString::fromLatin1(row.contexts).split(u' ');
            const QStringList functions = QString::fromLatin1(row.functions).split(u' ', Qt::SkipEmptyParts);
            entry.statusFunctions = functions.contains(QStringLiteral("status"));
            entry.hashFiles = functions.contains(QStringLiteral("hashFiles"));
            result.insert(QString::fromLatin1(row.key), entry);
        }
        return result;
    }();
    const auto it = rows.constFind(key);
    return it == rows.constEnd() ? nullptr : &it.value();
}

const QStringList& ContextAvailability::allContexts()
{
    static const QStringList names
        = {QStringLiteral("github"),   QStringLiteral("env"),    QStringLiteral("vars"),   QStringLiteral("job"),
           QStringLiteral("jobs"),     QStringLiteral("steps"),  QStringLiteral("runner"), QStringLiteral("secrets"),
           QStringLiteral("strategy"), QStringLiteral("matrix"), QStringLiteral("needs"),  QStringLiteral("inputs")};
    return names;
}

} // namespace gatehouse::pipeline::github
