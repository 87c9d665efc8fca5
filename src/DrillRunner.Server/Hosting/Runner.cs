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
        Journal = new SqliteJournalStore(options.ResolvedJournalPath);
        Lock = new FileEnvironmentLock(Path.Combine(options.StateDirectory, "locks"));
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

    public static DrillCatalog CreateCatalog() => new DrillCatalog().AddCoreComponents().AddTraffic();

    /// <summary>An environment by name (looked up in the environments folder) or by path.</summary>
    public EnvironmentSpec LoadEnvironment(string nameOrPath) =>
        EnvironmentLoader.Load(File.Exists(nameOrPath) ? nameOrPath : Path.Combine(Options.EnvironmentDirectory, nameOrPath + ".yaml"));

    /// <summary>Finishes the restore of every run a dead runner left running, whatever its environment.</summary>
    public async Task<int> RecoverAllAsync(IProgress<string> progress, CancellationToken cancellationToken)
    {
        var runs = await Journal.FindRunsAsync(new RunQuery(Status: RunStatus.Running), cancellationToken);
        var recovery = new CrashRecovery(Journal, Catalog, Time);
        foreach (var run in runs)
        {
            progress.Report($"run {run.Id} ({run.Drill} on {run.Environment}) was left running: restoring what it changed");
            var environment = EnvironmentLoader.Load(run.EnvironmentFile);
            var (driver, _) = await Drivers.SelectAsync(environment, run.Driver, cancellationToken);
            await using (driver)
            {
                await recovery.RecoverRunAsync(run, environment, driver, cancellationToken);
            }
        }

        return runs.Count;
    }
}
