using System.Globalization;
using DrillRunner.Scoring;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>How every report format, the CLI and the leadership roll-up write an objective's targets and measurements.</summary>
public static class ObjectiveText
{
    /// <summary>E.g. <c>&lt;= 10s</c>, <c>p95 &lt;= 500ms, p99 &lt;= 1s</c>, <c>rpo &lt;= 5s, &lt;= 0 lost writes</c>.</summary>
    public static string Target(ObjectiveResult o) =>
        o.Targets.Count > 0 ? string.Join(", ", o.Targets.Select(b => Bound(b, named: o.Targets.Count > 1)))
        : o.Target ?? "no target";

    /// <summary>E.g. <c>12s</c>, <c>99.2%</c>, <c>p95 80ms, p99 120ms</c>, <c>rpo 4.8s, 3 lost writes</c>, or why nothing was measured.</summary>
    public static string Achieved(ObjectiveResult o) =>
        o.Measurements.Count > 0 ? string.Join(", ", o.Measurements.Select(m => Measurement(m, named: o.Measurements.Count > 1)))
        : o.Unmeasured ?? o.Achieved ?? "not measured";

    public static string Measurement(Measurement m, bool named = false) => m.Unit == MeasurementUnit.Count
        ? $"{Value(m.Value, m.Unit)} {Words(m.Name)}"
        : named ? $"{m.Name} {Value(m.Value, m.Unit)}" : Value(m.Value, m.Unit);

    public static string Value(double value, MeasurementUnit unit) => unit switch
    {
        MeasurementUnit.Seconds => value == 0 ? "0s" : DurationParser.Format(TimeSpan.FromSeconds(value)),
        MeasurementUnit.Ratio => new Percentage(value).ToString(),
        MeasurementUnit.PerSecond => new Rate(value).ToString(),
        MeasurementUnit.Factor => value.ToString("0.0#", CultureInfo.InvariantCulture) + "x",
        _ => value.ToString("0.##", CultureInfo.InvariantCulture),
    };

    private static string Bound(Bound b, bool named)
    {
        var comparison = b.Comparison == BoundComparison.AtMost ? "<=" : ">=";
        return b.Unit == MeasurementUnit.Count
            ? $"{comparison} {Value(b.Value, b.Unit)} {Words(b.Name)}"
            : named ? $"{b.Name} {comparison} {Value(b.Value, b.Unit)}" : $"{comparison} {Value(b.Value, b.Unit)}";
    }

    private static string Words(string name) => name.Replace('-', ' ');
}
