// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ManifestReader.h"

#include "EnvironmentNames.h"

#include <QRegularExpression>

#include <yaml-cpp/yaml.h>

#include <exception>

namespace gatehouse::delivery {

namespace {

// Every accessor tolerates missing keys and wrong shapes: manifests are user input.
YAML::Node child(const YAML::Node& node, const char* key)
{
    if (!node || !node.IsMap())
        return YAML::Node(YAML::NodeType::Undefined);
    return node[key];
}

QString scalar(const YAML::Node& node)
{
    if (!node || !node.IsScalar())
        return {};
    return QString::fromStdString(node.Scalar());
}

std::optional<double> number(const YAML::Node& node)
{
    QString text = scalar(node).trimmed();
    if (text.endsWith(QLatin1Char('%')))
        text.chop(1);
    bool ok = false;
    const double value = text.toDouble(&ok);
    return ok ? std::optional<double>(value) : std::nullopt;
}

std::optional<int> integer(const YAML::Node& node)
{
    const auto value = number(node);
    if (!value || *value < -1e9 || *value > 1e9)
        return std::nullopt;
    return int(*value);
}

// Argo writes durations as numbers (seconds) or strings ("1h"); Flagger always as strings.
QString duration(const YAML::Node& node)
{
    const QString text = scalar(node).trimmed();
    if (text.isEmpty())
        return {};
    bool isNumber = false;
    text.toLongLong(&isNumber);
    return isNumber ? text + QLatin1Char('s') : text;
}

struct Context
{
    QString path;
    int lineOffset = 0; // line of the document's first line in the file, 0-based
    ManifestScan* scan = nullptr;

    int lineOf(const YAML::Node& node) const
    {
        if (!node)
            return lineOffset + 1;
        const YAML::Mark mark = node.Mark();
        return lineOffset + (mark.line >= 0 ? mark.line : 0) + 1;
    }
    int columnOf(const YAML::Node& node) const
    {
        if (!node)
            return 1;
        const YAML::Mark mark = node.Mark();
        return (mark.column >= 0 ? mark.column : 0) + 1;
    }
    void shapeError(const YAML::Node& node, const QString& message) const
    {
        scan->diagnostics.append({path, lineOf(node), columnOf(node), QStringLiteral("strategy.shape"), message});
    }
};

QString environmentOf(const QString& path, const YAML::Node& object)
{
    if (QString fromPath = EnvironmentNames::fromPath(path); !fromPath.isEmpty())
        return fromPath;
    const QString ns = scalar(child(child(object, "metadata"), "namespace"));
    if (ns.isEmpty())
        return QStringLiteral("default");
    const QString known = EnvironmentNames::fromText(ns);
    return known.isEmpty() ? ns.toLower() : known;
}

StrategyFinding makeFinding(const Context& context, const YAML::Node& object, const QString& kind)
{
    StrategyFinding finding;
    finding.environment = environmentOf(context.path, object);
    finding.source.path = context.path;
    finding.source.line = context.lineOf(object);
    finding.source.kind = kind;
    finding.source.name = scalar(child(child(object, "metadata"), "name"));
    return finding;
}

// Argo refers to templates as `templates: [{templateName: x}]` (current) or `templateName: x` (before v0.9).
QStringList templateNames(const YAML::Node& analysis)
{
    QStringList names;
    const YAML::Node templates = child(analysis, "templates");
    if (templates && templates.IsSequence()) {
        for (const YAML::Node& item : templates) {
            if (QString name = scalar(child(item, "templateName")); !name.isEmpty())
                names.append(name);
        }
    }
    if (QString name = scalar(child(analysis, "templateName")); !name.isEmpty())
        names.append(name);
    const YAML::Node analyses = child(analysis, "analyses"); // experiment steps
    if (analyses && analyses.IsSequence()) {
        for (const YAML::Node& item : analyses) {
            if (QString name = scalar(child(item, "templateName")); !name.isEmpty())
                names.append(name);
        }
    }
    return names;
}

void readFlaggerCanary(const Context& context, const YAML::Node& object)
{
    StrategyFinding finding = makeFinding(context, object, QStringLiteral("Canary"));
    finding.strength = strength::Controller;
    finding.rollback = RollbackMode::Automatic; // Flagger rolls back when the failed checks reach the threshold
    const YAML::Node spec = child(object, "spec");
    YAML::Node analysis = child(spec, "analysis");
    if (!analysis)
        analysis = child(spec, "canaryAnalysis"); // Flagger < 1.0
    if (analysis && !analysis.IsMap()) {
        context.shapeError(analysis, QStringLiteral("Canary %1: analysis is not a mapping").arg(finding.source.name));
        analysis = YAML::Node(YAML::NodeType::Undefined);
    }
    QString interval = scalar(child(analysis, "interval"));
    if (interval.isEmpty())
        interval = QStringLiteral("60s"); // Flagger's default schedule interval
    const std::optional<int> threshold = integer(child(analysis, "threshold"));

    bool confirmRollout = false;
    bool confirmPromotion = false;
    QList<StrategyStep> preRollout;
    const YAML::Node webhooks = child(analysis, "webhooks");
    if (webhooks && webhooks.IsSequence()) {
        for (const YAML::Node& hook : webhooks) {
            const QString type = scalar(child(hook, "type"));
            if (type == QLatin1String("confirm-rollout"))
                confirmRollout = true;
            else if (type == QLatin1String("confirm-promotion"))
                confirmPromotion = true;
            else if (type == QLatin1String("pre-rollout"))
                preRollout.append(StrategyStep::makeAnalysis(scalar(child(hook, "name"))));
        }
    }

    QList<StrategyStep> steps;
    if (confirmRollout)
        steps.append(StrategyStep::makePause(QStringLiteral("manual")));
    steps += preRollout;

    const YAML::Node stepWeights = child(analysis, "stepWeights");
    const std::optional<int> stepWeight = integer(child(analysis, "stepWeight"));
    const std::optional<int> iterations = integer(child(analysis, "iterations"));
    const bool hasMatch = bool(child(analysis, "match"));
    if (child(analysis, "stepWeight") && !stepWeight)
        context.shapeError(child(analysis, "stepWeight"), QStringLiteral("stepWeight is not a number"));
    if (stepWeights && stepWeights.IsSequence() && stepWeights.size() > 0) {
        finding.strategy = StrategyKind::Canary;
        for (const YAML::Node& item : stepWeights) {
            const std::optional<int> weight = integer(item);
            if (!weight) {
                context.shapeError(item, QStringLiteral("stepWeights entry is not a number"));
                continue;
            }
            steps.append(StrategyStep::makeWeight(*weight));
            steps.append(StrategyStep::makePause(interval));
        }
    } else if (stepWeight && *stepWeight > 0) {
        finding.strategy = StrategyKind::Canary;
        const int maxWeight = integer(child(analysis, "maxWeight")).value_or(100);
        // Flagger adds stepWeight each interval until maxWeight; bounded so a typo cannot produce a huge list.
        for (int weight = *stepWeight, count = 0; weight <= maxWeight && count < 100; weight += *stepWeight, ++count) {
            steps.append(StrategyStep::makeWeight(weight));
            steps.append(StrategyStep::makePause(interval));
        }
    } else if (iterations) {
        // Iterations without traffic steps: Flagger's blue/green mode, or A/B testing when a `match` routes users.
        finding.strategy = hasMatch ? StrategyKind::Canary : StrategyKind::BlueGreen;
        steps.append(StrategyStep::makeIterations(*iterations));
        steps.append(StrategyStep::makePause(interval));
    } else {
        finding.strategy = StrategyKind::Canary;
    }
    steps.append(StrategyStep::makePromote(!confirmPromotion));
    finding.steps = steps;

    const YAML::Node metrics = child(analysis, "metrics");
    if (metrics && metrics.IsSequence()) {
        for (const YAML::Node& item : metrics) {
            MetricGate gate;
            gate.name = scalar(child(item, "name"));
            if (gate.name.isEmpty())
                gate.name = scalar(child(child(item, "templateRef"), "name"));
            const YAML::Node range = child(item, "thresholdRange");
            gate.min = number(child(range, "min"));
            gate.max = number(child(range, "max"));
            // Flagger < 1.0: a single `threshold` (minimum for success rate, maximum for durations).
            if (!range && child(item, "threshold")) {
                const auto value = number(child(item, "threshold"));
                if (gate.name.contains(QLatin1String("duration")))
                    gate.max = value;
                else
                    gate.min = value;
            }
            gate.interval = scalar(child(item, "interval"));
            gate.failureLimit = threshold;
            finding.metrics.append(gate);
        }
    } else if (metrics) {
        context.shapeError(metrics, QStringLiteral("analysis.metrics is not a list"));
    }
    context.scan->findings.append(finding);
}

void readArgoRollout(const Context& context, const YAML::Node& object)
{
    StrategyFinding finding = makeFinding(context, object, QStringLiteral("Rollout"));
    finding.strength = strength::Controller;
    const YAML::Node strategy = child(child(object, "spec"), "strategy");
    const YAML::Node canary = child(strategy, "canary");
    const YAML::Node blueGreen = child(strategy, "blueGreen");
    if (canary) {
        finding.strategy = StrategyKind::Canary;
        const YAML::Node steps = child(canary, "steps");
        if (steps && !steps.IsSequence())
            context.shapeError(steps, QStringLiteral("strategy.canary.steps is not a list"));
        if (steps && steps.IsSequence()) {
            for (const YAML::Node& step : steps) {
                if (const YAML::Node weight = child(step, "setWeight")) {
                    if (auto value = integer(weight))
                        finding.steps.append(StrategyStep::makeWeight(*value));
                    else
                        context.shapeError(weight, QStringLiteral("setWeight is not a number"));
                } else if (step.IsMap() && step["pause"]) {
                    // `pause: {}` (or no duration) holds until someone runs `kubectl argo rollouts promote`.
                    const QString wait = duration(child(step["pause"], "duration"));
                    finding.steps.append(StrategyStep::makePause(wait.isEmpty() ? QStringLiteral("manual") : wait));
                } else if (const YAML::Node analysis = child(step, "analysis")) {
                    const QStringList names = templateNames(analysis);
                    finding.analysisTemplates += names;
                    finding.steps.append(StrategyStep::makeAnalysis(names.join(QLatin1Char(','))));
                } else if (const YAML::Node experiment = child(step, "experiment")) {
                    const QStringList names = templateNames(experiment);
                    finding.analysisTemplates += names;
                    if (!names.isEmpty())
                        finding.steps.append(StrategyStep::makeAnalysis(names.join(QLatin1Char(','))));
                }
            }
        }
        // Background analysis runs from `startingStep` on; shown as a gate at that point.
        if (const YAML::Node background = child(canary, "analysis")) {
            const QStringList names = templateNames(background);
            if (!names.isEmpty()) {
                finding.analysisTemplates += names;
                const int at
                    = qBound(0, integer(child(background, "startingStep")).value_or(0), int(finding.steps.size()));
                finding.steps.insert(at, StrategyStep::makeAnalysis(names.join(QLatin1Char(','))));
            }
        }
        finding.steps.append(StrategyStep::makePromote(true)); // after the last step Argo promotes by itself
    } else if (blueGreen) {
        finding.strategy = StrategyKind::BlueGreen;
        const QStringList before = templateNames(child(blueGreen, "prePromotionAnalysis"));
        const QStringList after = templateNames(child(blueGreen, "postPromotionAnalysis"));
        if (!before.isEmpty())
            finding.steps.append(StrategyStep::makeAnalysis(before.join(QLatin1Char(','))));
        const QString autoPromotion = scalar(child(blueGreen, "autoPromotionEnabled")).toLower();
        const bool automatic = autoPromotion != QLatin1String("false");
        const QString delay = duration(child(blueGreen, "autoPromotionSeconds"));
        if (automatic && !delay.isEmpty())
            finding.steps.append(StrategyStep::makePause(delay));
        finding.steps.append(StrategyStep::makePromote(automatic));
        if (!after.isEmpty())
            finding.steps.append(StrategyStep::makeAnalysis(after.join(QLatin1Char(','))));
        finding.analysisTemplates = before + after;
    } else {
        finding.strategy = StrategyKind::Unknown;
    }
    finding.analysisTemplates.removeDuplicates();
    finding.analysisTemplates.removeAll(QString());
    if (finding.strategy != StrategyKind::Unknown)
        finding.rollback = finding.analysisTemplates.isEmpty() ? RollbackMode::Manual : RollbackMode::Automatic;
    context.scan->findings.append(finding);
}

// `result[0] >= 0.95 && result[0] < 2` → bounds; failure conditions give the opposite bounds.
void boundsFromCondition(const QString& condition, bool success, MetricGate& gate)
{
    static const QRegularExpression comparison(
        QStringLiteral(R"(result(?:\[\d+\])?\s*(>=|<=|>|<)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?))"));
    auto it = comparison.globalMatch(condition);
    while (it.hasNext()) {
        const QRegularExpressionMatch match = it.next();
        const bool greater = match.captured(1).startsWith(QLatin1Char('>'));
        const double value = match.captured(2).toDouble();
        if (greater == success)
            gate.min = value;
        else
            gate.max = value;
    }
}

void readAnalysisTemplate(const Context& context, const YAML::Node& object)
{
    const QString name = scalar(child(child(object, "metadata"), "name"));
    const YAML::Node metrics = child(child(object, "spec"), "metrics");
    if (!metrics || !metrics.IsSequence()) {
        context.shapeError(object, QStringLiteral("AnalysisTemplate %1 has no metrics list").arg(name));
        return;
    }
    QList<MetricGate>& gates = context.scan->analysisTemplates[name];
    for (const YAML::Node& item : metrics) {
        MetricGate gate;
        gate.name = scalar(child(item, "name"));
        gate.interval = duration(child(item, "interval"));
        gate.failureLimit = integer(child(item, "failureLimit"));
        const QString success = scalar(child(item, "successCondition"));
        const QString failure = scalar(child(item, "failureCondition"));
        gate.condition = success.isEmpty() ? failure : success;
        if (!success.isEmpty())
            boundsFromCondition(success, true, gate);
        else if (!failure.isEmpty())
            boundsFromCondition(failure, false, gate);
        gates.append(gate);
    }
}

bool isColour(const QString& value)
{
    const QString lower = value.toLower();
    return lower == QLatin1String("blue") || lower == QLatin1String("green") || lower.endsWith(QLatin1String("-blue"))
        || lower.endsWith(QLatin1String("-green"));
}

void readDeployment(const Context& context, const YAML::Node& object)
{
    StrategyFinding finding = makeFinding(context, object, QStringLiteral("Deployment"));
    finding.strength = strength::Deployment;
    const QString type = scalar(child(child(child(object, "spec"), "strategy"), "type"));
    if (type.isEmpty() || type == QLatin1String("RollingUpdate")) {
        finding.strategy = StrategyKind::Rolling; // Kubernetes' default
    } else if (type == QLatin1String("Recreate")) {
        finding.strategy = StrategyKind::Recreate;
    } else {
        context.shapeError(child(child(child(object, "spec"), "strategy"), "type"),
                           QStringLiteral("unknown Deployment strategy type '%1'").arg(type));
        finding.strategy = StrategyKind::Unknown;
    }
    // A Deployment that is one colour of a pair (`app-green`, `version: green`) is half of a blue-green setup.
    bool coloured = isColour(finding.source.name);
    const YAML::Node labels = child(child(object, "metadata"), "labels");
    if (labels && labels.IsMap()) {
        for (const auto& entry : labels)
            coloured = coloured || isColour(scalar(entry.second));
    }
    if (coloured) {
        finding.strategy = StrategyKind::BlueGreen;
        finding.strength = strength::Deployment + 1;
        finding.rollback = RollbackMode::Manual;
    }
    context.scan->findings.append(finding);
}

void readService(const Context& context, const YAML::Node& object)
{
    const YAML::Node selector = child(child(object, "spec"), "selector");
    if (!selector || !selector.IsMap())
        return;
    QString colour;
    for (const auto& entry : selector) {
        if (isColour(scalar(entry.second)))
            colour = scalar(entry.first) + QLatin1Char('=') + scalar(entry.second);
    }
    if (colour.isEmpty())
        return;
    StrategyFinding finding = makeFinding(context, object, QStringLiteral("Service"));
    finding.strength = strength::ServiceSwitch;
    finding.strategy = StrategyKind::BlueGreen;
    finding.rollback = RollbackMode::Manual; // switch the selector back
    finding.steps.append(StrategyStep::makePromote(false));
    context.scan->findings.append(finding);
}

void readObject(const Context& context, const YAML::Node& object, int depth)
{
    if (!object.IsMap())
        return;
    const QString kind = scalar(child(object, "kind"));
    const QString apiVersion = scalar(child(object, "apiVersion"));
    if (kind.isEmpty() || apiVersion.isEmpty())
        return; // not a Kubernetes object (values.yaml, docker-compose, CI files...)
    if (kind == QLatin1String("List") && depth == 0) {
        const YAML::Node items = child(object, "items");
        if (items && items.IsSequence()) {
            for (const YAML::Node& item : items)
                readObject(context, item, depth + 1);
        }
        return;
    }
    const QString group = apiVersion.section(QLatin1Char('/'), 0, 0);
    if (kind == QLatin1String("Canary") && group == QLatin1String("flagger.app"))
        readFlaggerCanary(context, object);
    else if (kind == QLatin1String("Rollout") && group == QLatin1String("argoproj.io"))
        readArgoRollout(context, object);
    else if ((kind == QLatin1String("AnalysisTemplate") || kind == QLatin1String("ClusterAnalysisTemplate"))
             && group == QLatin1String("argoproj.io"))
        readAnalysisTemplate(context, object);
    else if (kind == QLatin1String("Deployment")
             && (group == QLatin1String("apps") || group == QLatin1String("extensions")))
        readDeployment(context, object);
    else if (kind == QLatin1String("Service") && apiVersion == QLatin1String("v1"))
        readService(context, object);
}

// Helm chart templates: drop lines that are only template actions and stand in a placeholder for inline ones, so the
// rest of the structure still parses. Line numbers are kept.
QByteArray blankTemplateActions(const QByteArray& text)
{
    QList<QByteArray> lines = text.split('\n');
    static const QRegularExpression action(QStringLiteral(R"(\{\{.*?\}\})"));
    for (QByteArray& line : lines) {
        if (!line.contains("{{"))
            continue;
        const QByteArray trimmed = line.trimmed();
        if (trimmed.startsWith("{{") && trimmed.endsWith("}}") && trimmed.indexOf("}}") == trimmed.size() - 2) {
            line.clear();
            continue;
        }
        QString converted = QString::fromUtf8(line);
        converted.replace(action, QStringLiteral("templated"));
        line = converted.toUtf8();
    }
    return lines.join('\n');
}

int maxFlowNesting(const QByteArray& text)
{
    int depth = 0;
    int deepest = 0;
    for (const char c : text) {
        if (c == '[' || c == '{')
            deepest = std::max(deepest, ++depth);
        else if ((c == ']' || c == '}') && depth > 0)
            --depth;
    }
    return deepest;
}

struct Document
{
    int firstLine = 0; // 0-based
    QByteArray text;
};

// Splits at `---` / `...` lines so a broken document does not hide the others.
QList<Document> splitDocuments(const QByteArray& content)
{
    QList<Document> documents;
    Document current;
    int lineNumber = 0;
    qsizetype start = 0;
    // A final newline ends the last line; it does not start another one.
    const qsizetype size = content.endsWith('\n') ? content.size() - 1 : content.size();
    while (start <= size) {
        qsizetype end = content.indexOf('\n', start);
        if (end < 0 || end > size)
            end = size;
        QByteArray line = content.mid(start, end - start);
        const bool separator = line.startsWith("---")
            && (line.size() == 3 || line.at(3) == ' ' || line.at(3) == '\t' || line.at(3) == '\r');
        const bool terminator = line.startsWith("...") && line.trimmed() == "...";
        if (separator || terminator) {
            if (!current.text.trimmed().isEmpty())
                documents.append(current);
            current = Document{lineNumber, {}};
            // `--- {kind: X}` keeps its content; the marker becomes spaces so columns stay right.
            line = separator ? QByteArray(3, ' ') + line.mid(3) : QByteArray();
        }
        current.text += line;
        current.text += '\n';
        ++lineNumber;
        start = end + 1;
    }
    if (!current.text.trimmed().isEmpty())
        documents.append(current);
    return documents;
}

} // namespace

bool ManifestReader::isCandidatePath(const QString& path)
{
    const QString lower = path.toLower();
    if (!lower.endsWith(QLatin1String(".yaml")) && !lower.endsWith(QLatin1String(".yml")))
        return false;
    if (lower.startsWith(QLatin1String(".github/")) || lower.contains(QLatin1String("gitlab-ci"))
        || lower.startsWith(QLatin1String(".gitlab/")) || lower.startsWith(QLatin1String(".gatehouse/")))
        return false;
    return true;
}

void ManifestReader::read(const QString& path, const QByteArray& content, ManifestScan& scan)
{
    if (content.size() > MaxFileSize) {
        scan.diagnostics.append({path, 0, 0, QStringLiteral("strategy.too-large"),
                                 QStringLiteral("%1 bytes, above the %2-byte limit for manifests; not read")
                                     .arg(content.size())
                                     .arg(MaxFileSize)});
        return;
    }
    if (content.contains('\0')) {
        scan.diagnostics.append(
            {path, 0, 0, QStringLiteral("strategy.binary"), QStringLiteral("binary content; not read")});
        return;
    }
    // Cheap filter: a manifest names its kind.
    if (!content.contains("kind:") && !content.contains("\"kind\""))
        return;
    if (maxFlowNesting(content) > MaxNesting) {
        scan.diagnostics.append({path, 0, 0, QStringLiteral("strategy.yaml"),
                                 QStringLiteral("collections nested deeper than %1 levels; not read").arg(MaxNesting)});
        return;
    }
    for (const Document& document : splitDocuments(content)) {
        Context context{path, document.firstLine, &scan};
        try {
            YAML::Node root;
            try {
                root = YAML::Load(document.text.toStdString());
            } catch (const YAML::Exception&) {
                // Helm chart templates are not YAML until rendered; retry with their actions blanked out.
                if (!document.text.contains("{{"))
                    throw;
                try {
                    root = YAML::Load(blankTemplateActions(document.text).toStdString());
                } catch (const YAML::Exception&) {
                    root = YAML::Load(document.text.toStdString()); // report the original text's error
                }
            }
            ++scan.documents;
            readObject(context, root, 0);
        } catch (const YAML::Exception& error) {
            const int line = document.firstLine + (error.mark.line >= 0 ? error.mark.line : 0) + 1;
            const int column = (error.mark.column >= 0 ? error.mark.column : 0) + 1;
            scan.diagnostics.append(
                {path, line, column, QStringLiteral("strategy.yaml"), QString::fromStdString(error.msg)});
        } catch (const std::exception& error) {
            scan.diagnostics.append({path, document.firstLine + 1, 1, QStringLiteral("strategy.yaml"),
                                     QString::fromLocal8Bit(error.what())});
        }
    }
}

} // namespace gatehouse::delivery
