using DrillRunner.Drivers;
using DrillRunner.Engine;
using DrillRunner.Steps.Exec;
using DrillRunner.Timeline;

namespace DrillRunner.Local.Tests;

/// <summary>
/// The <c>exec</c> action on the local driver, with real processes beside a running instance: the exit code and the
/// output's tail in the step's detail, the instance's settings, a nonzero exit and a timeout failing the step, retries
/// noted on the timeline.
/// </summary>
public sealed class LocalExecActionTests
{
    [Fact]
    public async Task A_command_runs_with_the_instances_settings_and_its_output_goes_into_the_detail()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper());
        await bed.UpAsync();
        var (context, _) = Context(bed);

        var detail = await Step(["sh", "-c", "echo index=$WORKER_INDEX; echo second line"], instance: 2).ExecuteAsync(context, null, CancellationToken.None);

        Assert.Contains("exit 0", detail, StringComparison.Ordinal);
        Assert.Contains("output: index=2 | second line", detail, StringComparison.Ordinal);
        Assert.Contains(bed.Environment.Name + "-worker-2", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_nonzero_exit_fails_the_step_with_the_exit_code_and_the_end_of_the_output()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));
        await bed.UpAsync();
        var (context, _) = Context(bed);

        var ex = await Assert.ThrowsAsync<DriverException>(() =>
            Step(["sh", "-c", "echo stanza missing >&2; exit 7"]).ExecuteAsync(context, null, CancellationToken.None));

        Assert.Contains("exit 7: stanza missing", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_command_past_its_timeout_is_killed_and_fails_the_step()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));
        await bed.UpAsync();
        var (context, _) = Context(bed);
        var started = TimeProvider.System.GetTimestamp();

        var ex = await Assert.ThrowsAsync<DriverException>(() =>
            Step(["sleep", "30"], timeout: TimeSpan.FromSeconds(1)).ExecuteAsync(context, null, CancellationToken.None));

        Assert.Contains("timed out after 1", ex.Message, StringComparison.Ordinal);
        Assert.Contains("(killed)", ex.Message, StringComparison.Ordinal);
        Assert.True(TimeProvider.System.GetElapsedTime(started) < TimeSpan.FromSeconds(15));
    }

    [Fact]
    public async Task A_failed_attempt_is_retried_and_noted_on_the_timeline()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));
        await bed.UpAsync();
        var (context, timeline) = Context(bed);
        var marker = Path.Combine(bed.Options.StateRoot, "attempted");
        Directory.CreateDirectory(bed.Options.StateRoot);

        var detail = await Step(["sh", "-c", $"if [ -f {marker} ]; then echo restored; else touch {marker}; echo not yet >&2; exit 3; fi"], retries: 2)
            .ExecuteAsync(context, null, CancellationToken.None);

        Assert.Contains("attempt 2 of 3", detail, StringComparison.Ordinal);
        Assert.Contains("earlier attempts: exit 3", detail, StringComparison.Ordinal);
        Assert.Contains("output: restored", detail, StringComparison.Ordinal);
        var note = Assert.Single(timeline.Snapshot().Events, e => e.Kind == EventKinds.Note);
        Assert.Contains("attempt 1 of 3 exit 3: not yet", note.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_attempt_failing_fails_the_step_after_the_last()
    {
        await using var bed = LocalTestBed.Create(LocalTestBed.Sleeper(instances: 1));
        await bed.UpAsync();
        var (context, timeline) = Context(bed);

        var ex = await Assert.ThrowsAsync<DriverException>(() =>
            Step(["sh", "-c", "exit 2"], retries: 1).ExecuteAsync(context, null, CancellationToken.None));

        Assert.Contains("exit 2 (attempt 2 of 2)", ex.Message, StringComparison.Ordinal);
        Assert.Single(timeline.Snapshot().Events, e => e.Kind == EventKinds.Note);
    }

    private static ExecAction Step(IReadOnlyList<string> command, int? instance = null, TimeSpan? timeout = null, int retries = 0) => new(new ExecOptions
    {
        Kind = ExecConstants.Kind,
        Name = "restore",
        Service = "worker",
        Instance = instance,
        Command = command,
        Timeout = timeout ?? TimeSpan.FromSeconds(20),
        Retries = retries,
        RetryDelay = TimeSpan.FromMilliseconds(100),
    });

    private static (StepContext Context, RunTimeline Timeline) Context(LocalTestBed bed)
    {
        var timeline = new RunTimeline();
        return (new StepContext { RunId = "exec-test", Environment = bed.Environment, Driver = bed.Driver, Time = TimeProvider.System, Timeline = timeline }, timeline);
    }
}
