namespace DrillRunner.Hosting;

/// <summary>Where a runner keeps its state; every path may be relative to the working directory.</summary>
public sealed class RunnerOptions
{
    public const string StateEnvironmentVariable = "DRILLRUNNER_STATE";

    /// <summary>Journal, locks and local-driver state live here.</summary>
    public string StateDirectory { get; init; } = Environment.GetEnvironmentVariable(StateEnvironmentVariable) ?? ".drillrunner";

    /// <summary>The SQLite journal; defaults to <c>{StateDirectory}/journal.db</c>.</summary>
    public string? JournalPath { get; init; }

    public string ReportDirectory { get; init; } = "reports";

    /// <summary>Folder of environment files for names given without a path.</summary>
    public string EnvironmentDirectory { get; init; } = Path.Combine("drills", "environments");

    public string ResolvedJournalPath => JournalPath ?? Path.Combine(StateDirectory, "journal.db");
}
