using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Hosting.Watchdog;
using DrillRunner.Model;

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

    /// <summary>Drivers ahead of the built-in ones: one with a built-in name replaces it (tests register fakes here).</summary>
    public IReadOnlyList<IDriverFactory> ExtraDriverFactories { get; init; } = [];

    /// <summary>Adds components to the catalog after the built-in ones (tests add fake probes and faults).</summary>
    public Action<DrillCatalog>? CustomizeCatalog { get; init; }

    /// <summary>A journal and lock shared with other runners; null (the default) for the SQLite journal and file locks.</summary>
    public SharedStorage? Shared { get; init; }

    /// <summary>The maximum run length of drills that do not set <c>maxDuration</c>.</summary>
    public TimeSpan MaxRunDuration { get; init; } = DrillLimits.DefaultMaxDuration;

    /// <summary>How to start a run's watchdog process (the dead-man's switch); null runs without one.</summary>
    public WatchdogLaunch? Watchdog { get; init; }

    public string ResolvedJournalPath => JournalPath ?? Path.Combine(StateDirectory, "journal.db");
}
