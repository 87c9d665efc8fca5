namespace DrillRunner.Traffic.Http;

/// <summary>How a response status counts, for both engines; a negative status means no answer came.</summary>
internal static class StatusOutcome
{
    public static Outcome Of(int status) => status switch
    {
        < 0 => Outcome.Transport,
        >= 500 => Outcome.Status5xx,
        >= 400 => Outcome.Status4xx,
        _ => Outcome.Ok,
    };
}
