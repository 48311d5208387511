// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "DeploymentGates.h"

#include <QHash>
#include <QRegularExpression>
#include <QSet>

#include <vector>

namespace gatehouse::pipeline {

namespace {

/// What a job is, as far as ordering goes; a job's facts are a bit set of these.
enum Mark : unsigned
{
    Tests = 1, ///< tests and other checks
    Scans = 2, ///< security scans
    Lint = 4, ///< linters and static analysis
    Staging = 8, ///< a staging deployment
    Approval = 16, ///< a human's approval (a CircleCI approval job)
    Validation = Tests | Scans | Lint,
};

bool isGitHub(const PipelineModel& model)
{
    return model.kind == PipelineKind::GitHub;
}

bool isDeployJob(const PipelineJob& job)
{
    return !job.environment.isEmpty() || job.stage.toLower().contains(u"deploy")
        || job.baseName.toLower().contains(u"deploy");
}

bool isProduction(const PipelineJob& job, const QStringList& names)
{
    if (job.environmentTier == u"production")
        return true;
    const QString env = job.environment.toLower();
    for (const QString& n : names) {
        if (!env.isEmpty()
            && (env == n || env.startsWith(n + u'/') || env.startsWith(n + u'-') || env.endsWith(u'/' + n)))
            return true;
    }
    return false;
}

bool isStaging(const PipelineJob& job)
{
    const QString env = job.environment.toLower();
    return job.environmentTier == u"staging" || env.contains(u"staging") || env.startsWith(u"stage");
}

/// Tests, Scans or Lint for a validation job (by its scan kinds, name and stage), 0 for any other job.
unsigned validationMark(const PipelineJob& job, const QStringList& kinds)
{
    if (isDeployJob(job))
        return 0;
    const QString text = job.baseName.toLower() + u'\n' + job.stage.toLower();
    if (!kinds.isEmpty() || text.contains(u"scan") || text.contains(u"audit"))
        return Scans;
    for (const char* word : {"test", "check", "verify", "validate"}) {
        if (text.contains(QLatin1StringView(word)))
            return Tests;
    }
    if (text.contains(u"lint") || text.contains(u"analy"))
        return Lint;
    return 0;
}

/// A Jenkins stage limited by `when { branch … }` to branches only maintainers push to (merged reviews).
bool onProtectedBranch(const PipelineJob& job)
{
    const YamlNode* branches = job.config.get(u"branches");
    if (!branches || branches->items.empty())
        return false;
    static const QRegularExpression protectedName(
        QStringLiteral("^(main|master|trunk|production|prod|stable|release([/-].*)?)$"));
    return std::all_of(branches->items.begin(), branches->items.end(),
                       [](const YamlNode& branch) { return protectedName.match(branch.value).hasMatch(); });
}

using Graph = std::vector<std::vector<qsizetype>>; ///< node → the nodes it depends on

/// For every node, the OR of (mark | value) over the nodes it depends on, directly or transitively. Iterative
/// depth-first post-order (a 40,000-job needs chain must not exhaust the stack); an edge back into a node still in
/// progress (a needs cycle, reported elsewhere) contributes nothing.
std::vector<unsigned> propagate(const Graph& dependsOn, const std::vector<unsigned>& marks)
{
    const size_t n = dependsOn.size();
    std::vector<unsigned> value(n, 0);
    std::vector<unsigned char> state(n, 0); // 0 new, 1 in progress, 2 done
    std::vector<std::pair<size_t, size_t>> stack; // node, next dependency
    for (size_t root = 0; root < n; ++root) {
        if (state[root])
            continue;
        state[root] = 1;
        stack.push_back({root, 0});
        while (!stack.empty()) {
            auto& [node, next] = stack.back();
            if (next < dependsOn[node].size()) {
                const auto dependency = size_t(dependsOn[node][next++]);
                if (state[dependency] == 0) {
                    state[dependency] = 1;
                    stack.push_back({dependency, 0});
                } else if (state[dependency] == 2) {
                    value[node] |= marks[dependency] | value[dependency];
                }
                continue;
            }
            const size_t done = node;
            state[done] = 2;
            stack.pop_back();
            if (!stack.empty())
                value[stack.back().first] |= marks[done] | value[done];
        }
    }
    return value;
}

/// The order facts of a pipeline, computed once: the marks of the jobs that finish before a job starts (its needs,
/// transitively, or for a GitLab job without `needs` every job of the earlier stages) and of the jobs that need it.
class JobOrder
{
public:
    JobOrder(const PipelineModel& model, const std::vector<unsigned>& marks)
    {
        const qsizetype n = model.jobs.size();
        QHash<QString, QList<qsizetype>> byName;
        byName.reserve(n);
        for (qsizetype i = 0; i < n; ++i) {
            const PipelineJob& job = model.jobs.at(i);
            byName[job.name].append(i);
            if (job.baseName != job.name)
                byName[job.baseName].append(i);
        }
        QHash<QString, qsizetype> stageIndex;
        for (qsizetype s = 0; s < model.stages.size(); ++s)
            stageIndex.insert(model.stages.at(s), s);
        // Only GitLab orders jobs by stages; the other systems order them by needs alone.
        const bool gitlab = model.kind == PipelineKind::GitLab;
        const qsizetype stages = gitlab ? model.stages.size() : 0;

        // Nodes 0..n-1 are the jobs; node n+s stands for "everything before stage s".
        Graph before(static_cast<size_t>(n + stages));
        Graph after(static_cast<size_t>(n));
        for (qsizetype i = 0; i < n; ++i) {
            const PipelineJob& job = model.jobs.at(i);
            const bool ownNeeds = !gitlab || job.config.contains(u"needs");
            if (ownNeeds) {
                for (const QString& need : job.needs) {
                    for (const qsizetype other : byName.value(need)) {
                        if (other == i)
                            continue;
                        before[size_t(i)].push_back(other);
                        after[size_t(other)].push_back(i);
                    }
                }
            } else if (const qsizetype s = stageIndex.value(job.stage, -1); s >= 0) {
                before[size_t(i)].push_back(n + s);
                if (s + 1 < stages)
                    before[size_t(n + s + 1)].push_back(i);
            }
        }
        // A job with needs also finishes before the later stages' jobs without needs.
        for (qsizetype i = 0; i < n; ++i) {
            const PipelineJob& job = model.jobs.at(i);
            const qsizetype s = stageIndex.value(job.stage, -1);
            if (s >= 0 && s + 1 < stages && job.config.contains(u"needs"))
                before[size_t(n + s + 1)].push_back(i);
        }
        for (qsizetype s = 1; s < stages; ++s)
            before[size_t(n + s)].push_back(n + s - 1);
        std::vector<unsigned> allMarks = marks;
        allMarks.resize(size_t(n + stages), 0);
        m_before = propagate(before, allMarks);
        m_before.resize(size_t(n));
        m_after = propagate(after, marks);
    }

    unsigned before(qsizetype job) const { return m_before[size_t(job)]; }
    unsigned after(qsizetype job) const { return m_after[size_t(job)]; }

private:
    std::vector<unsigned> m_before;
    std::vector<unsigned> m_after;
};

struct Context
{
    PipelineModel& model;
    const GatePolicy& policy;
    QList<Diagnostic>& diagnostics;

    void report(const QString& gate, const YamlNode* at, const PipelineJob* job, const QString& message,
                std::optional<Severity> severity = std::nullopt)
    {
        diagnostics.append(gateDiagnostic(model, policy, gate, at, job, message, severity));
    }
};

QString describeMarks(unsigned marks)
{
    QStringList kinds;
    if (marks & Tests)
        kinds << QStringLiteral("tests");
    if (marks & Scans)
        kinds << QStringLiteral("security scans");
    if (marks & Lint)
        kinds << QStringLiteral("linters");
    return kinds.join(QStringLiteral(" and "));
}

void checkDeployOrder(Context& c, const std::vector<unsigned>& marks, const JobOrder& order)
{
    const QString gate = QStringLiteral("deploy-after-validation");
    if (!c.policy.isEnabled(gate))
        return;
    unsigned present = 0;
    QHash<unsigned, QString> firstOf; // one job per kind, for the message
    for (qsizetype i = 0; i < c.model.jobs.size(); ++i) {
        const unsigned mark = marks[size_t(i)] & Validation;
        present |= mark;
        if (mark && !firstOf.contains(mark))
            firstOf.insert(mark, c.model.jobs.at(i).baseName);
    }
    // Tests and scans are what a deploy must wait for; linters only when the pipeline has nothing else.
    const unsigned required = (present & (Tests | Scans)) ? present & (Tests | Scans) : present;
    QSet<QString> reported;
    for (qsizetype i = 0; i < c.model.jobs.size(); ++i) {
        PipelineJob& job = c.model.jobs[i];
        if (!isDeployJob(job) || reported.contains(job.baseName))
            continue;
        if (present == 0) {
            // GitHub: a release workflow usually relies on the checks of another workflow; only GitLab is judged.
            if (!isGitHub(c.model)) {
                reported.insert(job.baseName);
                c.report(gate, nullptr, &job,
                         QStringLiteral("deploy job '%1' has no test, lint or security job before it in this "
                                        "pipeline")
                             .arg(job.baseName));
            }
            continue;
        }
        // Kinds validated only after the deploy (smoke tests that need it) are not asked for before it.
        const unsigned missing = required & ~order.after(i) & ~order.before(i);
        if (!missing) {
            job.gates.append(gate);
            continue;
        }
        reported.insert(job.baseName);
        QStringList names;
        for (const unsigned mark : {unsigned(Tests), unsigned(Scans), unsigned(Lint)}) {
            if (missing & mark)
                names.append(firstOf.value(mark));
        }
        c.report(gate, job.config.get(u"needs"), &job,
                 QStringLiteral("deploy job '%1' can run before the %2 ('%3'); expected it in a later stage or with "
                                "needs on them, directly or through the jobs it needs")
                     .arg(job.baseName, describeMarks(missing), names.join(QStringLiteral("', '"))));
    }
}

void checkProductionWithoutEnvironment(Context& c, const QString& gate)
{
    QSet<QString> seen;
    seen.reserve(c.model.jobs.size());
    for (const PipelineJob& job : std::as_const(c.model.jobs)) {
        if (seen.contains(job.baseName))
            continue;
        seen.insert(job.baseName);
        const QString evidence = DeploymentGates::productionEvidence(c.model, job);
        if (evidence.isEmpty())
            continue;
        c.report(
            gate, nullptr, &job,
            QStringLiteral("job '%1' deploys to production (%2) but declares no environment; expected "
                           "environment: production, so that %3 records the deployment and can require an "
                           "approval")
                .arg(job.baseName, evidence, isGitHub(c.model) ? QStringLiteral("GitHub") : QStringLiteral("GitLab")));
    }
}

/// CircleCI: a production deploy waits for an approval job (`type: approval`) through its requires, or runs only
/// for chosen branches or tags (`filters: branches: only`), which the repository's branch protection guards.
bool circleciApproved(Context& c, const PipelineJob& job, bool approvalBefore)
{
    const QString gate = QStringLiteral("production-approval");
    if (approvalBefore)
        return true;
    const YamlNode* filters = job.config.get(u"filters");
    const YamlNode* branches = filters ? filters->get(u"branches") : nullptr;
    const YamlNode* tags = filters ? filters->get(u"tags") : nullptr;
    const bool branchOnly = branches && branches->get(u"only") && !branches->get(u"only")->toStringList().isEmpty();
    const bool tagOnly = tags && tags->get(u"only") && (!branches || branches->get(u"ignore"));
    if (branchOnly || tagOnly) {
        c.report(gate, filters, &job,
                 QStringLiteral("production deploy '%1' runs without a human, limited by its filters to %2; an "
                                "approval job (type: approval) in its requires would add the human")
                     .arg(job.baseName, branchOnly ? QStringLiteral("some branches") : QStringLiteral("tags")),
                 Severity::Info);
        return true;
    }
    c.report(gate, nullptr, &job,
             QStringLiteral("production deploy '%1' runs without a human; expected an approval job (type: approval) "
                            "in its requires, or filters that limit it to protected branches")
                 .arg(job.baseName));
    return false;
}

void checkProduction(Context& c, const JobOrder& order, const std::vector<unsigned>& marks)
{
    const QString gate = QStringLiteral("production-approval");
    if (!c.policy.isEnabled(gate))
        return;
    QStringList names = c.policy.parameter(gate, QStringLiteral("environments")).toStringList();
    for (QString& n : names)
        n = n.toLower();
    QString firstStaging;
    for (qsizetype i = 0; i < c.model.jobs.size() && firstStaging.isEmpty(); ++i) {
        if (marks[size_t(i)] & Staging)
            firstStaging = c.model.jobs.at(i).baseName;
    }
    QSet<QString> seen;
    seen.reserve(c.model.jobs.size());
    for (qsizetype i = 0; i < c.model.jobs.size(); ++i) {
        PipelineJob& job = c.model.jobs[i];
        if (!isProduction(job, names) || seen.contains(job.baseName))
            continue;
        seen.insert(job.baseName);
        bool ok = true;
        if (isGitHub(c.model)) {
            // A GitHub environment carries the protection rules (required reviewers): that is the approval.
            c.report(gate, job.config.get(u"environment"), &job,
                     QStringLiteral("production job '%1' deploys through the environment '%2'; make sure it has "
                                    "required reviewers")
                         .arg(job.baseName, job.environment),
                     Severity::Info);
        } else if (c.model.kind == PipelineKind::CircleCI) {
            ok = circleciApproved(c, job, order.before(i) & Approval) && ok;
        } else if (c.model.kind == PipelineKind::Jenkins) {
            if (!DeploymentGates::isManual(job) && !onProtectedBranch(job)) {
                ok = false;
                c.report(gate, nullptr, &job,
                         QStringLiteral("production deploy '%1' runs without a human; expected an input directive on "
                                        "the stage or a when { branch 'main' } condition")
                             .arg(job.baseName));
            }
        } else if (!DeploymentGates::isManual(job)) {
            ok = false;
            c.report(gate, job.config.get(u"environment"), &job,
                     QStringLiteral("production deploy '%1' runs without a human; expected when: manual (or a "
                                    "protected environment, which the YAML cannot show)")
                         .arg(job.baseName));
        }
        if (firstStaging.isEmpty()) {
            ok = false;
            c.report(gate, job.config.get(u"environment"), &job,
                     QStringLiteral("production deploy '%1' has no staging deployment before it").arg(job.baseName),
                     Severity::Info);
        } else if (!(order.before(i) & Staging)) {
            ok = false;
            c.report(gate, job.config.get(u"environment"), &job,
                     QStringLiteral("production deploy '%1' does not wait for the staging deployment '%2'")
                         .arg(job.baseName, firstStaging));
        }
        if (ok)
            job.gates.append(gate);
    }
    checkProductionWithoutEnvironment(c, gate);
}

/// "prod" or "production" as a word of its own ("deploy-prod", "--prod", "namespace production"; not "product").
const QRegularExpression& productionWord()
{
    static const QRegularExpression word(QStringLiteral("(^|[^a-z0-9])prod(uction)?([^a-z0-9]|$)"),
                                         QRegularExpression::CaseInsensitiveOption);
    return word;
}

/// A command that deploys: a deploy script or target, or a deployment tool's deploying subcommand.
const QRegularExpression& deployCommand()
{
    static const QRegularExpression command(
        QStringLiteral("deploy|kubectl\\s.*\\b(apply|set\\s+image|rollout\\s+restart)\\b|helm\\s.*\\b(upgrade|install)"
                       "\\b|terraform\\s.*\\bapply\\b|\\bcf\\s+push\\b|aws\\s+ecs\\s+update-service"),
        QRegularExpression::CaseInsensitiveOption);
    return command;
}

QString shortened(const QString& line)
{
    const QString simplified = line.simplified();
    return simplified.size() > 70 ? simplified.left(69) + u'…' : simplified;
}

} // namespace

bool DeploymentGates::isManual(const PipelineJob& job)
{
    if (job.when == u"manual")
        return true;
    if (const YamlNode* rules = job.config.get(u"rules"); rules && rules->isSequence()) {
        bool anyRun = false;
        bool allManual = true;
        for (const YamlNode& rule : rules->items) {
            const YamlNode* when = rule.get(u"when");
            const QString w = when ? when->value : QStringLiteral("on_success");
            if (w == u"never")
                continue;
            anyRun = true;
            allManual = allManual && w == u"manual";
        }
        return anyRun && allManual;
    }
    return false;
}

Diagnostic gateDiagnostic(const PipelineModel& model, const GatePolicy& policy, const QString& gate, const YamlNode* at,
                          const PipelineJob* job, const QString& message, std::optional<Severity> severity)
{
    Diagnostic d;
    d.file = at ? model.files.value(at->file) : (job ? job->file : model.file);
    d.line = at && at->line ? at->line : (job ? job->line : 1);
    d.column = at && at->line ? at->column : (job ? job->column : 1);
    d.severity = severity.value_or(policy.severity(gate));
    d.category = Category::Gate;
    d.rule = QStringLiteral("gate.") + gate;
    d.message = message;
    return d;
}

QString DeploymentGates::productionEvidence(const PipelineModel& model, const PipelineJob& job)
{
    // Jobs that cannot declare an environment themselves: a reusable workflow's caller, a downstream trigger.
    if (!job.environment.isEmpty() || job.config.contains(u"environment") || job.config.contains(u"uses")
        || job.config.contains(u"trigger"))
        return {};
    const QRegularExpression& production = productionWord();
    const QString name = job.baseName.toLower();
    static const QRegularExpression deployName(QStringLiteral("deploy|release|rollout|promot"));
    if (production.match(name).hasMatch() && (deployName.match(name).hasMatch() || isDeployJob(job)))
        return QStringLiteral("its name '%1'").arg(job.baseName);
    const bool github = isGitHub(model);
    // Variables naming the target environment, in a job that deploys.
    static const QRegularExpression targetVariable(QStringLiteral("(env|environment|stage|target|namespace|tier)$"),
                                                   QRegularExpression::CaseInsensitiveOption);
    if (const YamlNode* variables = job.config.get(github ? u"env" : u"variables");
        variables && variables->isMap() && isDeployJob(job)) {
        for (size_t k = 0; k < variables->keys.size(); ++k) {
            const YamlNode& value = variables->items[k];
            if (value.isScalar() && targetVariable.match(variables->keys[k].value).hasMatch()
                && production.match(value.value).hasMatch())
                return QStringLiteral("the variable %1=%2").arg(variables->keys[k].value, value.value);
        }
    }
    // Commands: a deploying command and a production word on the same line.
    std::vector<const YamlNode*> scripts;
    if (github) {
        if (const YamlNode* steps = job.config.get(u"steps"); steps && steps->isSequence()) {
            for (const YamlNode& step : steps->items) {
                if (const YamlNode* run = step.get(u"run"); run && run->isScalar())
                    scripts.push_back(run);
            }
        }
    } else {
        for (const char16_t* key : {u"before_script", u"script"}) {
            const YamlNode* script = job.config.get(QStringView(key));
            if (!script)
                continue;
            if (script->isScalar())
                scripts.push_back(script);
            for (const YamlNode& item : script->items) {
                if (item.isScalar())
                    scripts.push_back(&item);
            }
        }
    }
    for (const YamlNode* script : scripts) {
        for (const QStringView line : QStringView(script->value).split(u'\n')) {
            const QString text = line.toString();
            if (text.trimmed().startsWith(u'#') || text.trimmed().startsWith(u"echo "))
                continue;
            if (production.match(text).hasMatch() && deployCommand().match(text).hasMatch())
                return QStringLiteral("the command '%1'").arg(shortened(text));
        }
    }
    return {};
}

void DeploymentGates::check(PipelineModel& model, const GatePolicy& policy, QList<Diagnostic>& diagnostics,
                            const ScanKinds& scanKinds)
{
    std::vector<unsigned> marks(size_t(model.jobs.size()), 0);
    for (qsizetype i = 0; i < model.jobs.size(); ++i) {
        const PipelineJob& job = model.jobs.at(i);
        marks[size_t(i)] = validationMark(job, scanKinds(job)) | (isStaging(job) ? Staging : 0u)
            | (job.when == u"manual" && model.kind == PipelineKind::CircleCI ? Approval : 0u);
    }
    const JobOrder order(model, marks);
    Context context{model, policy, diagnostics};
    checkDeployOrder(context, marks, order);
    checkProduction(context, order, marks);
}

} // namespace gatehouse::pipeline
