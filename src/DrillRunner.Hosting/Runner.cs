using DrillRunner.Catalog;
using DrillRunner.Docker;
using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Engine.Halt;
using DrillRunner.Engine.Locks;
using DrillRunner.Hosting.Watchdog;
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
public sealed partial class Runner
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
        FileHalt = new FileHaltSwitch(options.StateDirectory, time);
        Halt = options.Shared?.Halt is { } shared ? new MirroredHaltSwitch(shared, FileHalt) : FileHalt;
        Drivers = new DriverSelector(Catalog.Drivers, time);
        Engine = new DrillEngine(Catalog, Journal, Lock, time, new EngineSafety
        {
            Halt = Halt,
            Watchdog = options.Watchdog is { } launch ? new ProcessRunWatchdog(options.StateDirectory, launch, recover: options.Shared is null, time) : null,
            DefaultMaxDuration = options.MaxRunDuration,
        });
    }

    public RunnerOptions Options { get; }

    public TimeProvider Time { get; }

    public DrillCatalog Catalog { get; }

    public DrillLoader Loader { get; }

    public IJournalStore Journal { get; }

    public IEnvironmentLock Lock { get; }

    /// <summary>The halt-all switch of this machine's state folder (read by every CLI run and server sharing it).</summary>
    public FileHaltSwitch FileHalt { get; }

    /// <summary>Every halt switch this runner obeys: the machine's, and the shared database's when there is one.</summary>
    public IHaltSwitch Halt { get; }

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
}
