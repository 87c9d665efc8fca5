using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Units;

namespace DrillRunner.Reports;

/// <summary>How every report format writes times, offsets, shares and statuses.</summary>
public static class ReportText
{
    public static string StatusWord(RunStatus status) => status switch
    {
        RunStatus.NotStarted => "NOT STARTED",
        RunStatus.RestoreFailed => "RESTORE FAILED",
        RunStatus.GivenUp => "RESTORE GIVEN UP",
        _ => status.ToString().ToUpperInvariant(),
    };

    /// <summary>The headline word: the verdict when scored, else the run status.</summary>
    public static string Headline(RunResult result) =>
        result.Score?.Verdict.ToString().ToUpperInvariant() ?? StatusWord(result.Status);

    public static string Clock(DateTimeOffset at) => at.UtcDateTime.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static string Offset(RunResult result, DateTimeOffset at)
    {
        var offset = at - (result.Window?.MethodStart ?? result.StartedAt);
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        return sign + DurationParser.Format(offset.Duration());
    }

    public static string Share(long part, long total) => total == 0 ? "n/a" : new Percentage((double)part / total).ToString();

    public static string Number(double value, string format = "0.#") => value.ToString(format, CultureInfo.InvariantCulture);
}
