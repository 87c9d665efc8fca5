using DrillRunner.Engine;
using DrillRunner.Loading;
using DrillRunner.Model;

namespace DrillRunner.Traffic.Drill;

/// <summary>Turns step options into a bounded <see cref="LoadPlan"/>, refusing targets outside the allowlist.</summary>
internal static class TrafficPlans
{
    public static Uri Target(StepContext context, StepOptions options, string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
        {
            throw new DrillInputException(new FileProblem(options.Location, "url", $"'{url}' is not an absolute http(s) URL"));
        }

        if (!Allowlist.Allows(context.Environment, uri))
        {
            throw new DrillInputException(new FileProblem(options.Location, "url",
                $"host '{uri.Host}' is not in the allowlist of environment '{context.Environment.Name}' ({string.Join(", ", context.Environment.Allowlist)}); refusing to send traffic"));
        }

        return uri;
    }

    public static ArrivalProfile Profile(TrafficOptions options, TimeSpan length)
    {
        if ((options.Rate is null) == (options.Profile is null or { Count: 0 }))
        {
            throw new DrillInputException(new FileProblem(options.Location, "rate", "give either 'rate' (e.g. 50/s) or 'profile' (a list of { from, to, over })"));
        }

        var segments = options.Rate is { } rate
            ? [new RateSegment(rate.PerSecond, rate.PerSecond, length)]
            : options.Profile!.Select(s => new RateSegment(s.From.PerSecond, (s.To ?? s.From).PerSecond, s.Over)).ToList();
        return Hold(segments, length);
    }

    /// <summary>Extends the last rate until <paramref name="length"/> so the profile lasts as long as the step.</summary>
    public static ArrivalProfile Hold(IReadOnlyList<RateSegment> segments, TimeSpan length)
    {
        var total = segments.Aggregate(TimeSpan.Zero, (sum, s) => sum + s.Duration);
        var last = segments[^1].EndRate;
        return total < length
            ? ArrivalProfile.Sequence([.. segments, new RateSegment(last, last, length - total)])
            : ArrivalProfile.Sequence(segments);
    }

    public static TimeSpan Length(StepOptions options) =>
        options.Duration is { } d && d < TrafficStepConstants.MaxDuration ? d : TrafficStepConstants.MaxDuration;

    public static IReadOnlyList<RequestTemplate> Mix(IReadOnlyList<RequestOptions>? mix) =>
        mix is null or { Count: 0 } ? [new RequestTemplate()] : mix.Select(m => m.ToTemplate()).ToList();
}
