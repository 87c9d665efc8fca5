using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Engine;

/// <summary>An engine over a fake driver, a fake clock and a real SQLite journal in a temp folder.</summary>
internal sealed class EngineHarness : IDisposable
{
    private readonly TempFolder _folder = new();

    public EngineHarness(string drillYaml, Func<IJournalStore, IJournalStore>? wrapJournal = null, Func<EngineHarness, EngineSafety>? safety = null)
    {
        _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop);
        Drill = new DrillLoader(TestCatalog.Create()).Load(_folder.Write("drill.yaml", drillYaml));
        Driver = new FakeDriver(Drill.Environment);
        Driver.UpAsync(new Progress<string>(), CancellationToken.None).GetAwaiter().GetResult();
        Journal = new SqliteJournalStore(Path.Combine(_folder.Path, "journal.db"));
        Engine = new DrillEngine(TestCatalog.Create(), wrapJournal?.Invoke(Journal) ?? Journal, new FileEnvironmentLock(Path.Combine(_folder.Path, "locks")), Time, safety?.Invoke(this));
    }

    public FakeTimeProvider Time { get; } = FakeClock.Create();

    public LoadedDrill Drill { get; }

    public FakeDriver Driver { get; }

    public SqliteJournalStore Journal { get; }

    public DrillEngine Engine { get; }

    public string Folder => _folder.Path;

    public Task<RunResult> RunAsync(int seed = 7, HttpClient? http = null, CancellationToken abort = default) =>
        FakeClock.RunAsync(Time, Engine.RunAsync(Drill, Driver, new RunRequest { Seed = seed, Trigger = "test", Http = http }, abort));

    public void Dispose() => _folder.Dispose();
}
