using System.ComponentModel.DataAnnotations;

namespace DrillRunner.Options;

/// <summary>The <c>DrillRunner</c> configuration section of <c>drill serve</c> (appsettings.json or environment variables).</summary>
public sealed class DrillServerOptions
{
    public const string Section = "DrillRunner";

    /// <summary>Folder of drill files; environments live in its <c>environments</c> sub-folder.</summary>
    [Required]
    public string DrillsDirectory { get; set; } = "drills";

    [Required]
    public string StateDirectory { get; set; } = ".drillrunner";

    [Required]
    public string ReportDirectory { get; set; } = "reports";

    /// <summary>Hangfire workers: runs on different environments proceed in parallel up to this count.</summary>
    [Range(1, 64)]
    public int Workers { get; set; } = 8;

    /// <summary>
    /// Keys given in the configuration (hashes only). Keys made with <c>drill apikey new</c> live in the key store
    /// (<c>{StateDirectory}/apikeys.json</c>); with neither, the first start creates an admin key and prints it once.
    /// </summary>
    public IList<ApiKeyOptions> ApiKeys { get; init; } = [];

    public FailedSignInOptions FailedSignIns { get; init; } = new();

    /// <summary><c>InMemory</c> (one runner) or <c>PostgreSql</c> (several runners share work through <see cref="PostgreSql"/>).</summary>
    public StorageKind Storage { get; set; } = StorageKind.InMemory;

    public PostgreSqlOptions PostgreSql { get; init; } = new();

    /// <summary>The maximum run length of drills that do not set <c>maxDuration</c> (e.g. <c>06:00:00</c>).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxRunDuration { get; set; } = Model.DrillLimits.DefaultMaxDuration;

    /// <summary>How often the server sweeps for runs a dead runner left and retries failed restores.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The pause before a failed restore is retried again by the sweep; it doubles up to 10 minutes.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RestoreRetryInterval { get; set; } = TimeSpan.FromSeconds(30);
}
