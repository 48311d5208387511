// SPDX-FileCopyrightText: 2026 Gatehouse authors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "FindingTableModel.h"

namespace gatehouse {

namespace {

QString locationText(const FindingLocation& location)
{
    QString text = location.path;
    if (!text.isEmpty() && location.line > 0)
        text += QLatin1Char(':') + QString::number(location.line);
    if (!location.package.isEmpty()) {
        const QString package
            = location.version.isEmpty() ? location.package : location.package + QLatin1Char('@') + location.version;
        text = text.isEmpty() ? package : text + QLatin1Char(' ') + package;
    }
    return text.isEmpty() ? location.target : text;
}

} // namespace

FindingTableModel::FindingTableModel(QObject* parent)
    : RowTableModel({tr("Severity"), tr("State"), tr("Tool"), tr("Rule"), tr("Title"), tr("Location"), tr("First seen"),
                     tr("Age (days)"), tr("Due")},
                    OtherHeaders::None, parent)
{ }

void FindingTableModel::setSnapshot(const Posture& posture)
{
    setRows(posture.findings);
}

const FindingLifecycle* FindingTableModel::lifecycleAt(int row) const
{
    return rowAt(row);
}

QString FindingTableModel::toMarkdown(const QList<int>& rows) const
{
    const auto cell = [](QString text) {
        return text.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
            .replace(QLatin1Char('|'), QStringLiteral("\\|"))
            .replace(QLatin1Char('\n'), QLatin1Char(' '))
            .trimmed();
    };
    QStringList lines;
    QStringList header;
    QStringList rule;
    for (int column = 0; column < ColumnCount; ++column) {
        header << headerData(column, Qt::Horizontal).toString();
        rule << (column == AgeColumn ? QStringLiteral("---:") : QStringLiteral("---"));
    }
    lines << QStringLiteral("| ") + header.join(QStringLiteral(" | ")) + QStringLiteral(" |");
    lines << QStringLiteral("| ") + rule.join(QStringLiteral(" | ")) + QStringLiteral(" |");
    QList<int> selected = rows;
    if (selected.isEmpty()) {
        for (int row = 0; row < rowCount(); ++row)
            selected << row;
    }
    for (int row : std::as_const(selected)) {
        if (row < 0 || row >= rowCount())
            continue;
        QStringList cells;
        for (int column = 0; column < ColumnCount; ++column) {
            QString text = cell(index(row, column).data().toString());
            if (column == RuleColumn || column == LocationColumn)
                text = text.isEmpty()
                    ? text
                    : QLatin1Char('`') + text.replace(QLatin1Char('`'), QLatin1Char('\'')) + QLatin1Char('`');
            if (column == DueColumn && rowAt(row)->overdue)
                text += QStringLiteral(" **overdue**");
            cells << text;
        }
        lines << QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |");
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

QVariant FindingTableModel::cellData(const FindingLifecycle& f, const QModelIndex& index, int role) const
{
    switch (role) {
    case SeverityRole:
        return int(f.finding.severity);
    case StateRole:
        return int(f.state);
    case CategoryRole:
        return int(f.finding.category);
    case ToolRole:
        return f.finding.tool;
    case RuleRole:
        return f.finding.rule;
    case FingerprintRole:
        return f.finding.fingerprint;
    case FirstSeenRole:
        return f.firstSeen.time;
    case FirstSeenCommitRole:
        return f.firstSeen.commit.toString();
    case FixedRole:
        return f.fixed.time;
    case AgeDaysRole:
        return f.ageDays;
    case DueRole:
        return f.due;
    case OverdueRole:
        return f.overdue;
    case TriagedRole:
        return f.triage.has_value();
    case Qt::ToolTipRole:
        return f.finding.description.isEmpty() ? f.finding.title : f.finding.description;
    case SearchTextRole:
        return QStringList{f.finding.tool,
                           f.finding.rule,
                           f.finding.title,
                           locationText(f.finding.location),
                           f.finding.ids.join(QLatin1Char(' ')),
                           f.finding.fingerprint,
                           f.finding.location.target}
            .join(QLatin1Char('\n'));
    case SortRole:
    case Qt::DisplayRole:
        break;
    default:
        return {};
    }
    const bool sort = role == SortRole;
    switch (index.column()) {
    case SeverityColumn:
        return sort ? QVariant(int(f.finding.severity)) : QVariant(severityName(f.finding.severity));
    case StateColumn:
        return sort ? QVariant(int(f.state)) : QVariant(findingStateName(f.state));
    case ToolColumn:
        return f.finding.tool;
    case RuleColumn:
        return f.finding.rule;
    case TitleColumn:
        return f.finding.title;
    case LocationColumn:
        return locationText(f.finding.location);
    case FirstSeenColumn:
        return sort ? QVariant(f.firstSeen.time) : QVariant(f.firstSeen.time.toString(Qt::ISODate));
    case AgeColumn:
        return sort ? QVariant(f.ageDays) : QVariant(QString::number(f.ageDays, 'f', 1));
    case DueColumn:
        if (sort)
            return f.due;
        return f.due.isValid() ? f.due.toString(Qt::ISODate) : QString();
    default:
        return {};
    }
}

QHash<int, QByteArray> FindingTableModel::roleNames() const
{
    QHash<int, QByteArray> names = QAbstractTableModel::roleNames();
    names.insert(SeverityRole, "severity");
    names.insert(StateRole, "state");
    names.insert(CategoryRole, "category");
    names.insert(ToolRole, "tool");
    names.insert(RuleRole, "rule");
    names.insert(FingerprintRole, "fingerprint");
    names.insert(FirstSeenRole, "firstSeen");
    names.insert(FirstSeenCommitRole, "firstSeenCommit");
    names.insert(FixedRole, "fixed");
    names.insert(AgeDaysRole, "ageDays");
    names.insert(DueRole, "due");
    names.insert(OverdueRole, "overdue");
    names.insert(TriagedRole, "triaged");
    names.insert(SortRole, "sort");
    names.insert(SearchTextRole, "searchText");
    return names;
}

} // namespace gatehouse
