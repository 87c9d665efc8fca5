using DrillRunner.Probes.Canary;
using DrillRunner.Timeline;

namespace DrillRunner.Core.Tests.Probes.Canary;

public sealed class CanaryProbeTests
{
    [Fact]
    public async Task Each_write_is_a_sample_and_an_acknowledgement_with_its_sequence_send_time_ack_time_and_id()
    {
        using var canary = new CanaryProbeHarness();
        canary.App.Latency = TimeSpan.FromMilliseconds(35);
        var start = canary.Time.GetUtcNow();

        var samples = new List<DrillRunner.Timeline.ProbeSample>();
        for (var i = 0; i < 3; i++)
        {
            // Time moves only once the request is at the application: the acknowledgement comes exactly 35 ms after sending.
            var writing = canary.Probe.SampleAsync(canary.Context, CancellationToken.None);
            await canary.App.Arrived.WaitAsync(TimeSpan.FromSeconds(10));
            canary.Time.Advance(TimeSpan.FromMilliseconds(35));
            samples.Add(await writing);
            canary.Time.Advance(TimeSpan.FromMilliseconds(165));
        }

        Assert.All(samples, s => Assert.True(s.Ok, s.Error));
        var acks = canary.Snapshot.CanaryAcks;
        Assert.Equal([1L, 2, 3], acks.Select(a => a.Sequence));
        Assert.Equal(canary.App.Ids.Order(StringComparer.Ordinal), acks.Select(a => a.Id!).Order(StringComparer.Ordinal));
        Assert.Equal([start, start.AddMilliseconds(200), start.AddMilliseconds(400)], acks.Select(a => a.SentAt));
        Assert.All(acks, a => Assert.Equal(TimeSpan.FromMilliseconds(35), a.AckAt - a.SentAt));
        Assert.All(acks.Zip(samples), p => Assert.Equal(p.First.SentAt, p.Second.At));
        Assert.All(acks, a => Assert.Equal(201, a.Status));
    }

    [Fact]
    public async Task The_body_carries_the_sequence_run_and_send_time_and_the_read_back_finds_what_was_written()
    {
        using var canary = new CanaryProbeHarness();
        await canary.WriteAsync(4);

        var summary = await canary.VerifyAsync();

        Assert.All(canary.Checks(), c => Assert.Equal(CanaryOutcome.Found, c.Outcome));
        Assert.Equal([1L, 2, 3, 4], canary.Checks().Select(c => c.Sequence));
        Assert.StartsWith("canary 'orders-canary' read back 4 acknowledged writes (after-recovery): 4 found, 0 missing, 0 different, 0 unreadable", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deleted_write_is_missing_and_an_altered_one_is_different()
    {
        using var canary = new CanaryProbeHarness();
        await canary.WriteAsync(5);
        var acks = canary.Snapshot.CanaryAcks;
        canary.App.Delete(acks[1].Id!);
        canary.App.Alter(acks[3].Id!, "userId", "someone-else");

        var summary = await canary.VerifyAsync();

        var checks = canary.Checks();
        Assert.Equal(
            [CanaryOutcome.Found, CanaryOutcome.Missing, CanaryOutcome.Found, CanaryOutcome.Different, CanaryOutcome.Found],
            checks.Select(c => c.Outcome));
        Assert.Equal("$.userId is 'someone-else', written as 'canary-run-7-4'", checks[3].Detail);
        Assert.Contains("not as written: #2 #4", summary, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_read_that_fails_is_retried_and_one_that_keeps_failing_is_unreadable_never_missing()
    {
        using var canary = new CanaryProbeHarness();
        await canary.WriteAsync(2);
        canary.App.FailNextReads(2);

        await canary.VerifyAsync();
        Assert.All(canary.Checks(), c => Assert.Equal(CanaryOutcome.Found, c.Outcome));

        canary.App.ReadsBroken = true;
        await canary.VerifyAsync(CanaryRounds.End);
        var broken = canary.Checks(CanaryRounds.End);
        Assert.All(broken, c => Assert.Equal(CanaryOutcome.Unreadable, c.Outcome));
        Assert.All(broken, c => Assert.Equal("status 503 after 3 attempts", c.Detail));
    }

    [Fact]
    public async Task Reads_that_never_answer_end_at_the_round_deadline_as_unreadable()
    {
        using var canary = new CanaryProbeHarness(o => new CanaryProbeOptions
        {
            Kind = o.Kind,
            Name = o.Name,
            Timeout = TimeSpan.FromSeconds(10),
            Write = o.Write,
            Read = new CanaryReadOptions { Url = o.Read!.Url, Deadline = TimeSpan.FromSeconds(5), Concurrency = 1 },
        });
        await canary.WriteAsync(3);
        canary.App.ReadsHang = true;
        var started = canary.Time.GetUtcNow();

        await canary.VerifyAsync();

        Assert.All(canary.Checks(), c => Assert.Equal(CanaryOutcome.Unreadable, c.Outcome));
        Assert.All(canary.Checks(), c => Assert.StartsWith("not read within the 5s deadline", c.Detail, StringComparison.Ordinal));
        Assert.InRange(canary.Time.GetUtcNow() - started, TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(6));
    }

    [Fact]
    public async Task A_success_without_an_id_fails_the_sample_says_so_once_and_leaves_the_write_unreadable()
    {
        using var canary = new CanaryProbeHarness();
        canary.App.AnswerWithoutId = true;

        var samples = await canary.WriteAsync(3);
        await canary.VerifyAsync();

        Assert.All(samples, s => Assert.False(s.Ok));
        Assert.Equal("write #1 acknowledged (201) without an id at $.id: it cannot be read back", samples[0].Error);
        Assert.All(canary.Snapshot.CanaryAcks, a => Assert.Null(a.Id));
        var error = Assert.Single(canary.Snapshot.Events, e => e.Kind == EventKinds.Error);
        Assert.Contains("data loss cannot be measured", error.Message, StringComparison.Ordinal);
        Assert.All(canary.Checks(), c => Assert.Equal((CanaryOutcome.Unreadable, "acknowledged without an id"), (c.Outcome, c.Detail)));
        Assert.Equal(0, canary.App.Reads);
    }

    [Fact]
    public async Task A_write_that_is_not_acknowledged_is_a_failed_sample_and_no_acknowledgement()
    {
        using var canary = new CanaryProbeHarness();
        canary.App.Latency = TimeSpan.FromSeconds(3);

        var samples = await canary.WriteAsync(1);

        Assert.False(samples[0].Ok);
        Assert.Equal("write #1: no answer within 1000ms", samples[0].Error);
        Assert.Empty(canary.Snapshot.CanaryAcks);
    }

    [Fact]
    public async Task The_id_can_come_from_a_header_and_the_read_url_uses_it_as_a_path()
    {
        using var canary = new CanaryProbeHarness(o => new CanaryProbeOptions
        {
            Kind = o.Kind,
            Name = o.Name,
            Timeout = o.Timeout,
            Write = new CanaryWriteOptions { Url = o.Write!.Url, Body = o.Write.Body, IdHeader = "X-Order-Path" },
            Read = new CanaryReadOptions { Url = "http://127.0.0.1:18999${id}", Expect = o.Read!.Expect },
        });
        canary.App.PathHeader = "X-Order-Path";

        await canary.WriteAsync(2);
        await canary.VerifyAsync();

        Assert.Equal(["/orders/o1", "/orders/o2"], canary.Snapshot.CanaryAcks.Select(a => a.Id));
        Assert.All(canary.Checks(), c => Assert.Equal(CanaryOutcome.Found, c.Outcome));
    }
}
