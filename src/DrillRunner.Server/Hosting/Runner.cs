using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
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
        Catalog = CreateCatalog();
        options.CustomizeCatalog?.Invoke(Catalog);
        Loader = new DrillLoader(Catalog);
        Journal = options.Shared?.Journal ?? new SqliteJournalStore(options.ResolvedJournalPath);
        Lock = options.Shared?.Lock ?? new FileEnvironmentLock(Path.Combine(options.StateDirectory, "locks"));
        Drivers = new DriverSelector([.. options.ExtraDriverFactories, .. DriverFactories.All(options)], time);
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

    public static DrillCatalog CreateCatalog() => new DrillCatalog().AddCoreComponents().AddTraffic();

    /// <summary>An environment by name (looked up in the environments folder) or by path.</summary>
    public EnvironmentSpec LoadEnvironment(string nameOrPath) =>
        EnvironmentLoader.Load(File.Exists(nameOrPath) ? nameOrPath : Path.Combine(Options.EnvironmentDirectory, nameOrPath + ".yaml"));

    /// <summary>
    /// Finishes the restore of every run a dead runner left running, whatever its environment; returns how many.
    /// With shared storage a run is recovered only while holding its environment's lock: if another runner holds it,
    /// that runner is alive and the run may still be live there, so it is left alone.
    /// </summary>
    public async Task<int> RecoverAllAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var runs = await Journal.FindRunsAsync(new RunQuery(Status: RunStatus.Running, Limit: 10_000), cancellationToken);
        var recovery = new CrashRecovery(Journal, Catalog, Time);
        var recovered = 0;
        foreach (var run in runs)
        {
            IAsyncDisposable? held = null;
            if (IsShared)
            {
                try
                {
                    held = await Lock.AcquireAsync(run.Environment, "recovery-of-" + run.Id, cancellationToken);
                }
                catch (EnvironmentBusyException ex)
                {
                    progress.Report($"run {run.Id} ({run.Drill} on {run.Environment}) is running and its environment is locked by a live runner: not recovered ({ex.Message})");
                    continue;
                }
            }

            await using (held)
            {
                // Under the lock, read again: the run may have finished normally between the query and the lock.
                if (held is not null && (await Journal.GetRunAsync(run.Id, cancellationToken))?.Status != RunStatus.Running)
                {
                    continue;
                }

                progress.Report($"run {run.Id} ({run.Drill} on {run.Environment}) was left running: restoring what it changed");
                var environment = EnvironmentLoader.Load(run.EnvironmentFile);
                var (driver, _) = await Drivers.SelectAsync(environment, run.Driver, cancellationToken);
                await using (driver)
                {
                    await recovery.RecoverRunAsync(run, environment, driver, cancellationToken);
                }

                recovered++;
            }
        }

        return recovered;
    }
}
