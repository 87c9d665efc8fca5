using DrillRunner.Engine;
using DrillRunner.Probes.Canary;
using DrillRunner.Testing;
using DrillRunner.Testing.Fakes;
using DrillRunner.Timeline;
using Microsoft.Extensions.Time.Testing;

namespace DrillRunner.Core.Tests.Probes.Canary;

/// <summary>A canary probe writing to a <see cref="FakeOrderApp"/> on a fake clock, with the timeline it fills.</summary>
internal sealed class CanaryProbeHarness : IDisposable
{
    private readonly HttpClient _http;

    public CanaryProbeHarness(Func<CanaryProbeOptions, CanaryProbeOptions>? change = null)
    {
        App = new FakeOrderApp(Time);
        _http = new HttpClient(App);
        var options = Options();
        Probe = new CanaryProbe(change is null ? options : change(options));
        Context = new StepContext
        {
            RunId = "run-7",
            Environment = new DrillRunner.Model.EnvironmentSpec { Name = "test-shop" },
            Driver = new FakeDriver(new DrillRunner.Model.EnvironmentSpec { Name = "test-shop" }),
            Time = Time,
            Timeline = Timeline,
            Http = _http,
        };
    }

    public FakeTimeProvider Time { get; } = FakeClock.Create();

    public FakeOrderApp App { get; }

    public CanaryProbe Probe { get; }

    public RunTimeline Timeline { get; } = new();

    public StepContext Context { get; }

    public TimelineSnapshot Snapshot => Timeline.Snapshot();

    public static CanaryProbeOptions Options() => new()
    {
        Kind = "canary",
        Name = "orders-canary",
        Timeout = TimeSpan.FromSeconds(1),
        Write = new CanaryWriteOptions
        {
            Url = "http://127.0.0.1:18999/orders",
            Body = """{ "productId": 1, "quantity": 1, "userId": "canary-${runId}-${sequence}", "at": "${sentAt}" }""",
        },
        Read = new CanaryReadOptions
        {
            Url = "http://127.0.0.1:18999/orders/${id}",
            Expect = new Dictionary<string, string> { ["$.userId"] = "canary-${runId}-${sequence}" },
        },
    };

    /// <summary>Writes <paramref name="count"/> canaries, one after another, as the probe loop would.</summary>
    public async Task<IReadOnlyList<ProbeSample>> WriteAsync(int count)
    {
        var samples = new List<ProbeSample>();
        for (var i = 0; i < count; i++)
        {
            var sample = await FakeClock.RunAsync(Time, Probe.SampleAsync(Context, CancellationToken.None), TimeSpan.FromMilliseconds(5));
            Timeline.Add(sample);
            samples.Add(sample);
            Time.Advance(TimeSpan.FromMilliseconds(200));
        }

        return samples;
    }

    public Task<string> VerifyAsync(string round = CanaryRounds.AfterRecovery) =>
        FakeClock.RunAsync(Time, Probe.VerifyAsync(Context, round, CancellationToken.None), TimeSpan.FromMilliseconds(20));

    public IReadOnlyList<CanaryCheck> Checks(string round = CanaryRounds.AfterRecovery) =>
        [.. Snapshot.CanaryChecks.Where(c => c.Round == round).OrderBy(c => c.Sequence)];

    public void Dispose() => _http.Dispose();
}
