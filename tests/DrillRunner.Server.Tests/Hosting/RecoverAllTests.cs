using DrillRunner.Drivers;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine.Locks;
using DrillRunner.Hosting;
using DrillRunner.Journal;
using DrillRunner.Server.Tests.Harness;
using DrillRunner.Testing;

namespace DrillRunner.Server.Tests.Hosting;

/// <summary>
/// `drill recover` (and server start-up) never touch a live run: a run whose environment lock is held by another
/// process is left alone and reported; once the lock is free, the run is restored.
/// </summary>
public sealed class RecoverAllTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_run_whose_environment_lock_is_held_is_left_alone_and_restored_once_the_lock_is_free()
    {
        var drivers = new FakeDriverFactory();
        var environmentFile = _folder.Write("drills/environments/fake-shop.yaml", TestDrills.Environment);
        var drillFile = _folder.Write("drills/quick.yaml", TestDrills.Kill("quick"));
        var state = Path.Combine(_folder.Path, "state");
        var runner = new Runner(new RunnerOptions { StateDirectory = state, ExtraDriverFactories = [drivers] }, TimeProvider.System);
        var driver = drivers.Create(runner.LoadEnvironment(environmentFile), TimeProvider.System);
        var killed = (await driver.ListInstancesAsync("app", default))[0].Id;
        await driver.Require<IInstanceLifecycle>().KillAsync(killed, "SIGKILL", default);
        var at = TimeProvider.System.GetUtcNow();
        await runner.Journal.CreateRunAsync(new RunRecord("live-run", "quick", "fake-shop", "local", "cli:test", drillFile, environmentFile, RunStatus.Running, at), default);
        var entry = await runner.Journal.AddUndoAsync("live-run", "kill-app", new UndoRecord("kill", killed, $$"""{"instances":["{{killed}}"]}"""), at, default);
        await runner.Journal.SetUndoStatusAsync(entry, UndoStatus.Active, at, null, default);
        var said = new List<string>();

        // The live run's process holds the lock (here: another open of the same lock file, as a second process would).
        await using (await new FileEnvironmentLock(Path.Combine(state, "locks")).AcquireAsync("fake-shop", "live-run", default))
        {
            Assert.Equal(0, await runner.RecoverAllAsync(new SynchronousProgress(said), default));
            Assert.Equal(InstanceState.Exited, (await driver.GetInstanceAsync(killed, default)).State);
            Assert.Equal(RunStatus.Running, (await runner.Journal.GetRunAsync("live-run", default))!.Status);
            Assert.Contains(said, s => s.Contains("left alone", StringComparison.Ordinal) && s.Contains($"run live-run on pid {Environment.ProcessId}", StringComparison.Ordinal));
        }

        Assert.Equal(1, await runner.RecoverAllAsync(new SynchronousProgress(said), default));
        Assert.Equal(InstanceState.Running, (await driver.GetInstanceAsync(killed, default)).State);
        Assert.Equal(RunStatus.Interrupted, (await runner.Journal.GetRunAsync("live-run", default))!.Status);
    }

    private sealed class SynchronousProgress(List<string> said) : IProgress<string>
    {
        public void Report(string value) => said.Add(value);
    }
}
