using System.Globalization;
using DrillRunner.Engine;
using DrillRunner.Journal;
using DrillRunner.Steps;

namespace DrillRunner.Traffic.Drill;

/// <summary>
/// Starts the baseline generator in the background and returns once its first second proved requests are
/// answered. Not a fault: it is the drill's synthetic users.
/// </summary>
internal sealed class TrafficStep(TrafficOptions options) : IStep
{
    private string Source => options.Name ?? options.Kind;

    public bool IsFault => false;

    public bool IsBackground => true;

    public IEnumerable<Uri> Targets => Uri.TryCreate(options.Url, UriKind.Absolute, out var url) ? [url] : [];

    public string Describe() =>
        $"traffic {(options.Rate is { } r ? r.ToString() : $"profile of {options.Profile?.Count ?? 0} segment(s)")} "
        + $"to {options.Url} from {options.Users.ToString(CultureInfo.InvariantCulture)} users";

    public Task<UndoRecord?> PrepareAsync(StepContext context, CancellationToken cancellationToken)
    {
        TrafficPlans.Target(context, options, options.Url);
        TrafficPlans.Profile(options, TrafficPlans.Length(options));
        return Task.FromResult<UndoRecord?>(StopRecord.Create(Source));
    }

    public async Task<string> ExecuteAsync(StepContext context, UndoRecord? undo, CancellationToken cancellationToken)
    {
        var length = TrafficPlans.Length(options);
        var profile = TrafficPlans.Profile(options, length);
        var plan = new LoadPlan
        {
            Target = TrafficPlans.Target(context, options, options.Url),
            AllowedHosts = context.Environment.Allowlist,
            Mix = TrafficPlans.Mix(options.Mix),
            Profile = profile,
            Users = options.Users,
            Timeout = options.Timeout,
            Connections = options.Connections,
            Insecure = options.Insecure,
            MaxRequests = options.MaxRequests,
            Duration = length,
            Seed = StableSeed(context.RunId, Source),
        };
        var run = TrafficRun.Start(Source, plan, profile.Segments[^1].EndRate, context.Timeline, context.Time);
        context.Resources.Add(TrafficStepConstants.ResourceKey(Source), run);
        var first = await run.VerifyFlowingAsync(context.Time, cancellationToken);
        return $"{Describe()}: first second {first.Ok} ok of {first.Planned} planned";
    }

    /// <summary>FNV-1a of the run and source: a rerun of the same run id draws the same <c>{random}</c> values.</summary>
    internal static int StableSeed(string runId, string source)
    {
        var hash = 2166136261u;
        foreach (var c in runId + "/" + source)
        {
            hash = (hash ^ c) * 16777619u;
        }

        return (int)(hash & 0x7fffffff);
    }
}

