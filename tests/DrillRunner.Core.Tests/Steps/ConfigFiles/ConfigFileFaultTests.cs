using System.Text;
using DrillRunner.Core.Tests.Engine;
using DrillRunner.Drivers.Capabilities;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Steps.ConfigFiles;

/// <summary>Config-file faults in the engine, over an in-memory server (real nginx and haproxy: the driver tests).</summary>
public sealed class ConfigFileFaultTests
{
    private const string Lb = "test-shop-lb-1";
    private static readonly byte[] Original = Encoding.UTF8.GetBytes("events {\r\n    worker_connections 1024;\r\n}\n\u00e9\n");

    [Fact]
    public async Task The_original_bytes_are_journaled_before_the_edit_and_the_undo_puts_them_back_exactly()
    {
        using var harness = new EngineHarness(Drill("""{ directive: worker_connections, value: "4" }"""));
        var server = Server(harness);
        UndoEntry? atWrite = null;
        server.BeforeWrite = _ => atWrite ??= harness.Journal.GetUndoEntriesAsync("r1", default).GetAwaiter().GetResult().SingleOrDefault();

        var result = await RunAsync(harness, server);

        Assert.Equal(RunStatus.Completed, result.Status);
        Assert.NotNull(atWrite);
        Assert.Equal(UndoStatus.Pending, atWrite.Status);
        Assert.Contains(Convert.ToBase64String(Original), atWrite.Record.Payload, StringComparison.Ordinal);
        Assert.Equal(Original, server.File(Lb, "nginx.conf"));
        Assert.Equal(UndoStatus.Reverted, Assert.Single(result.Changes, c => c.Record.Kind == "config-file").Status);
        var calls = server.Calls;
        Assert.Equal(
            ["write test-shop-lb-1 /srv/files/nginx.conf", "exec test-shop-lb-1 nginx -t -c /srv/files/nginx.conf", "signal test-shop-lb-1 SIGHUP", "write test-shop-lb-1 /srv/files/nginx.conf", "signal test-shop-lb-1 SIGHUP"],
            calls);
        var injected = result.Timeline.Events.Single(e => e.Kind == EventKinds.FaultInjected && e.Step == "bad-lb");
        Assert.Contains("worker_connections 4", injected.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_edited_file_holds_the_new_value_while_the_fault_is_active()
    {
        using var harness = new EngineHarness(Drill("""{ directive: worker_connections, value: "4" }"""));
        var server = Server(harness);
        string? duringFault = null;
        server.OnExec = (_, request) =>
        {
            duringFault = Encoding.UTF8.GetString(server.File(Lb, "nginx.conf")!);
            return null;
        };

        await RunAsync(harness, server);

        Assert.Equal("events {\r\n    worker_connections 4;\r\n}\n\u00e9\n", duringFault);
    }

    [Fact]
    public async Task A_config_the_server_rejects_is_put_back_and_reloaded_and_the_report_says_why()
    {
        using var harness = new EngineHarness(Drill("""{ directive: worker_connections, value: "-1" }"""));
        var server = Server(harness);
        server.OnExec = (_, request) => Encoding.UTF8.GetString(server.File(Lb, "nginx.conf")!).Contains("-1;", StringComparison.Ordinal)
            ? new ExecResult(1, "", "nginx: [emerg] invalid number of worker_connections in /srv/files/nginx.conf:2\nnginx: configuration file /srv/files/nginx.conf test failed\n", TimeSpan.FromMilliseconds(20))
            : null;

        var result = await RunAsync(harness, server);

        Assert.Equal(RunStatus.Errored, result.Status);
        Assert.Equal(Original, server.File(Lb, "nginx.conf"));
        var error = result.Timeline.Events.First(e => e.Kind == EventKinds.Error);
        Assert.Contains("rejects the changed /srv/files/nginx.conf", error.Message, StringComparison.Ordinal);
        Assert.Contains("[emerg] invalid number of worker_connections", error.Message, StringComparison.Ordinal);
        Assert.Contains("put back", error.Message, StringComparison.Ordinal);
        Assert.Contains("signal test-shop-lb-1 SIGHUP", server.Calls); // the original is reloaded
        Assert.DoesNotContain(result.Changes, c => c.Status != UndoStatus.Reverted);
    }

    [Fact]
    public async Task A_reload_command_that_fails_puts_the_original_back()
    {
        using var harness = new EngineHarness(Drill("""{ directive: worker_connections, value: "4" }""", reload: "{ exec: [nginx, -s, reload] }"));
        var server = Server(harness);
        var reloads = 0;
        server.OnExec = (_, request) => request.Command[1] == "-s" && ++reloads == 1 ? new ExecResult(1, "", "nginx: [error] invalid PID number", TimeSpan.Zero) : null;

        var result = await RunAsync(harness, server);

        Assert.Equal(RunStatus.Errored, result.Status);
        Assert.Equal(Original, server.File(Lb, "nginx.conf"));
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.Error && e.Message.Contains("the reload command failed", StringComparison.Ordinal) && e.Message.Contains("invalid PID number", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_directive_that_is_not_there_changes_nothing_and_the_run_says_why()
    {
        using var harness = new EngineHarness(Drill("""{ directive: proxy_read_timeout, value: 1ms }"""));
        var server = Server(harness);

        var result = await RunAsync(harness, server);

        Assert.Equal(RunStatus.Errored, result.Status);
        Assert.DoesNotContain(server.Calls, c => c.StartsWith("write", StringComparison.Ordinal));
        Assert.Contains(result.Timeline.Events, e => e.Kind == EventKinds.Error && e.Message.Contains("directive 'proxy_read_timeout' not found in /srv/files/nginx.conf of test-shop-lb-1", StringComparison.Ordinal));
        Assert.Empty(result.Changes);
    }

    [Fact]
    public async Task Crash_recovery_puts_the_original_back_from_the_journal_alone()
    {
        using var harness = new EngineHarness(Drill("""{ directive: worker_connections, value: "4" }""", duration: "60s"));
        var server = Server(harness);
        using var crash = new CancellationTokenSource();
        server.OnExec = (_, _) =>
        {
            crash.Cancel(); // the runner "dies" right after the edit: nothing of its own restore may run
            return null;
        };
        var record = await ConfigRecordAsync(harness, server);
        await harness.Journal.CreateRunAsync(new RunRecord("crashed", "nginx", "test-shop", "fake", "test", harness.Drill.DrillFile, harness.Drill.Environment.SourceFile, RunStatus.Running, harness.Time.GetUtcNow()), default);
        var entry = await harness.Journal.AddUndoAsync("crashed", "bad-lb", record, harness.Time.GetUtcNow(), default);
        server.SetFile(Lb, "nginx.conf", Encoding.UTF8.GetBytes("events { worker_connections 4; }"));

        var fresh = new FakeServerDriver(harness.Driver);
        fresh.SetFile(Lb, "nginx.conf", server.File(Lb, "nginx.conf")!);
        // The undo reloads and lets the server settle (1 s) on the run's clock: advance it as time would pass.
        var restored = await FakeClock.RunAsync(harness.Time, new CrashRecovery(harness.Journal, TestCatalog.Create(), harness.Time).RecoverRunAsync(
            (await harness.Journal.GetRunAsync("crashed", default))!, harness.Drill.Environment, fresh, default));

        Assert.True(restored);
        Assert.Equal(Original, fresh.File(Lb, "nginx.conf"));
        Assert.Contains("signal test-shop-lb-1 SIGHUP", fresh.Calls);
        Assert.Equal(UndoStatus.Reverted, (await harness.Journal.GetUndoEntriesAsync("crashed", default)).Single(e => e.Id == entry).Status);
    }

    private static async Task<UndoRecord> ConfigRecordAsync(EngineHarness harness, FakeServerDriver server)
    {
        var step = harness.Drill.Steps.Single(s => s.Options.Kind == "misconfigure").Step;
        var context = new StepContext { RunId = "crashed", Environment = harness.Drill.Environment, Driver = server, Time = harness.Time, Timeline = new RunTimeline() };
        return (await step.PrepareAsync(context, default))!;
    }

    private static FakeServerDriver Server(EngineHarness harness)
    {
        var server = new FakeServerDriver(harness.Driver);
        server.SetFile(Lb, "nginx.conf", Original);
        return server;
    }

    private static Task<RunResult> RunAsync(EngineHarness harness, FakeServerDriver server) =>
        FakeClock.RunAsync(harness.Time, harness.Engine.RunAsync(harness.Drill, server, new RunRequest { RunId = "r1", Seed = 3 }, default));

    private static string Drill(string edit, string reload = """{ signal: SIGHUP, check: [nginx, -t, -c, "{file}"] }""", string duration = "3s") =>
        TestEnvironments.KillDrill(faultFor: "2s").Replace(
            "objectives:",
            $"""
              - name: bad-lb
                kind: misconfigure
                at: 1s
                service: lb
                allowTotalOutage: true
                duration: {duration}
                file: nginx.conf
                edit: {edit}
                reload: {reload}
            objectives:
            """,
            StringComparison.Ordinal).Replace("kind: kill\n", "kind: kill\n", StringComparison.Ordinal);
}
