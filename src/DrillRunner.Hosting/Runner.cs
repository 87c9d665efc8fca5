using DrillRunner.Catalog;
using DrillRunner.Docker;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Local;
using DrillRunner.Model;
using DrillRunner.Traffic.Drill;

namespace DrillRunner.Hosting;

/// <summary>
/// The composition root shared by the CLI and the server: catalog with every component package, drivers,
/// journal, lock and engine. Adding a component package is one line in <see cref="CreateCatalog"/>.
/// </summary>
public sealed class Runner
{
    public Runner(RunnerOptions options, TimeProvider time)
    {
        Options = options;
        Time = time;
        Catalog = CreateCatalog(options);
        foreach (var factory in options.ExtraDriverFactories)
        {
            Catalog.AddDriver(factory);
        }

        options.CustomizeCatalog?.Invoke(Catalog);
        Loader = new DrillLoader(Catalog);
        Journal = options.Shared?.Journal ?? new SqliteJournalStore(options.ResolvedJournalPath);
        Lock = options.Shared?.Lock ?? new FileEnvironmentLock(Path.Combine(options.StateDirectory, "locks"));
        Drivers = new DriverSelector(Catalog.Drivers, time);
        Engine = new DrillEngine(Catalog, Journal, Lock, time);
    }

    public RunnerOptions Options { get; }

    public TimeProvider Time { get; }

    public DrillCatalog Catalog { get; }

    public DrillLoader Loader { get; }

    public IJournalStore Journal { get; }

    public IEnvironmentLock Lock { get; }

    public DriverSelector Drivers { get; }

    public DrillEngine Engine { get; }

    /// <summary>Whether other runners share this one's journal, lock and jobs.</summary>
    public bool IsShared => Options.Shared is not null;

    /// <summary>Every component package and driver: one line each.</summary>
    public static DrillCatalog CreateCatalog(RunnerOptions? options = null) => new DrillCatalog()
        .AddCoreComponents()
        .AddTraffic()
        .AddLocal(new LocalDriverOptions { StateRoot = Path.Combine((options ?? new RunnerOptions()).StateDirectory, "local") })
        .AddDocker();

    /// <summary>An environment by name (looked up in the environments folder) or by path.</summary>
    public EnvironmentSpec LoadEnvironment(string nameOrPath) =>
        EnvironmentLoader.Load(File.Exists(nameOrPath) ? nameOrPath : Path.Combine(Options.EnvironmentDirectory, nameOrPath + ".yaml"), Catalog);

    /// <summary>
    /// Finishes the restore of every run a dead runner left running, and retries every restore that failed, whatever
    /// the environment; returns how many runs were handled. A run is touched only while holding its environment's
    /// lock: if another process holds it (a live <c>drill run</c>, another runner), the run may still be live there,
    /// so it is left alone and reported.
    /// </summary>
    public async Task<int> RecoverAllAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var runs = (await Journal.FindRunsAsync(new RunQuery(Status: RunStatus.Running, Limit: 10_000), cancellationToken))
            .Concat(await Journal.FindRunsAsync(new RunQuery(Status: RunStatus.RestoreFailed, Limit: 10_000), cancellationToken))
            .OrderBy(r => r.StartedAt)
            .ToList();
        var recovery = new CrashRecovery(Journal, Catalog, Time);
        var recovered = 0;
        foreach (var run in runs)
        {
            IAsyncDisposable held;
            try
            {
                held = await Lock.AcquireAsync(run.Environment, "recovery-of-" + run.Id, cancellationToken);
            }
            catch (EnvironmentBusyException ex)
            {
                progress.Report($"run {run.Id} ({run.Drill} on {run.Environment}) is {run.Status.ToString().ToLowerInvariant()} and its environment is locked by a live process: left alone ({ex.Message})");
                continue;
            }

            await using (held)
            {
                // Under the lock, read again: the run may have finished normally between the query and the lock.
                var current = await Journal.GetRunAsync(run.Id, cancellationToken);
                if (current?.Status is not (RunStatus.Running or RunStatus.RestoreFailed))
                {
                    continue;
                }

                progress.Report(current.Status == RunStatus.Running
                    ? $"run {run.Id} ({run.Drill} on {run.Environment}) was left running: restoring what it changed"
                    : $"run {run.Id} ({run.Drill} on {run.Environment}) failed to restore: retrying its undo");
                var environment = EnvironmentLoader.Load(run.EnvironmentFile, Catalog);
                var (driver, _) = await Drivers.SelectAsync(environment, run.Driver, cancellationToken);
                await using (driver)
                {
                    var ok = await recovery.RecoverRunAsync(current, environment, driver, cancellationToken);
                    progress.Report(ok ? $"run {run.Id}: restored" : $"run {run.Id}: RESTORE STILL FAILS; see `drill report {run.Id}`");
                }

                recovered++;
            }
        }

        return recovered;
    }
}
