using DrillRunner.Catalog;
using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Engine.Locks;
using DrillRunner.Journal;
using DrillRunner.Journal.Sqlite;
using DrillRunner.Loading;
using DrillRunner.Model;
using DrillRunner.Steps;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;

namespace DrillRunner.Core.Tests.Guardrails;

/// <summary>A step the environment's driver cannot perform is refused when the drill loads, and again by the engine.</summary>
public sealed class CapabilityGuardrailTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void A_step_needing_a_capability_the_environment_driver_lacks_is_refused_at_load_naming_the_driver()
    {
        var file = Write(driver: "local");

        var error = Assert.Throws<DrillInputException>(() => new DrillLoader(Catalog()).Load(file));

        var problem = Assert.Single(error.Problems);
        Assert.Equal(file, problem.Location.File);
        Assert.Equal(15, problem.Location.Line);
        Assert.Equal("kind", problem.Field);
        Assert.Equal("'shape-network' needs the docker driver (shaping traffic, for tests); environment 'test-shop' uses local", problem.Message);
    }

    [Fact]
    public void An_environment_on_auto_loads_when_some_driver_can_perform_the_step()
    {
        var drill = new DrillLoader(Catalog()).Load(Write(driver: "auto"));

        Assert.Equal("shape-network", drill.Steps.Single().Options.Kind);
    }

    [Fact]
    public void A_driver_name_no_package_registered_is_refused_listing_the_registered_ones()
    {
        var error = Assert.Throws<DrillInputException>(() => new DrillLoader(Catalog()).Load(Write(driver: "kubernetes")));

        Assert.Contains(error.Problems, p => p.Field == "driver" && p.Message == "'kubernetes' is not one of: auto, local, docker");
    }

    [Fact]
    public async Task The_engine_refuses_a_run_whose_driver_lacks_a_capability_before_touching_anything()
    {
        var drill = new DrillLoader(Catalog()).Load(Write(driver: "auto"));
        var driver = new FakeDriver(drill.Environment);
        await driver.UpAsync(new Progress<string>(), default);
        var journal = new SqliteJournalStore(Path.Combine(_folder.Path, "journal.db"));
        var engine = new DrillEngine(Catalog(), journal, new FileEnvironmentLock(Path.Combine(_folder.Path, "locks")), FakeClock.Create());

        var error = await Assert.ThrowsAsync<DrillInputException>(() => engine.RunAsync(drill, driver, new RunRequest { Trigger = "test" }, default));

        Assert.Contains("this run uses the fake driver: the fake driver cannot do it", Assert.Single(error.Problems).Message, StringComparison.Ordinal);
        Assert.DoesNotContain(driver.Calls, c => !c.StartsWith("up", StringComparison.Ordinal));
        Assert.Empty(await journal.FindRunsAsync(new RunQuery(), default));
    }

    private static DrillCatalog Catalog() => TestCatalog.Create()
        .AddStep<StepOptions>("shape-network", _ => new NeedsShaping())
        .AddDriver(new StubFactory("local", typeof(IInstanceLifecycle)))
        .AddDriver(new StubFactory("docker", typeof(IInstanceLifecycle), typeof(ITrafficShaping)));

    private string Write(string driver)
    {
        _folder.Write("environments/test-shop.yaml", TestEnvironments.Shop.Replace("driver: local", $"driver: {driver}", StringComparison.Ordinal));
        return _folder.Write("drill.yaml", """
            name: shaped
            environment: test-shop
            preflight:
              window: 1s
            probes:
              - name: all-up
                kind: service-up
                service: app
                minimumRunning: 3
                interval: 250ms
            objectives:
              - kind: recover
                target: 15s
            steps:
              - kind: shape-network
                at: 1s
            """);
    }

    [Capability("shaping traffic, for tests")]
    private interface ITrafficShaping : IDriverCapability;

    private sealed class NeedsShaping : IStep
    {
        public bool IsFault => true;

        public IReadOnlyList<Type> RequiredCapabilities(EnvironmentSpec environment) => [typeof(ITrafficShaping)];

        public string Describe() => "shape the network";

        public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken) => Task.FromResult<UndoRecord?>(null);

        public Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken) => Task.FromResult("shaped");
    }

    private sealed class StubFactory(string name, params Type[] capabilities) : IDriverFactory
    {
        public string Name => name;

        public IReadOnlyCollection<Type> Capabilities => capabilities;

        public IEnvironmentDriver Create(EnvironmentSpec environment, TimeProvider timeProvider) => throw new NotSupportedException("never created by these tests");
    }
}
